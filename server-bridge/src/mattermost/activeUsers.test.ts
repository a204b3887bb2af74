import type {AppError} from '../errors';
import {createActiveUsers} from './activeUsers';
import {MattermostRequestError} from './client';

// Whether a session's user may still use Baton: asked of Mattermost at most
// once a minute per user, at once after `forget`.

function mattermost(active: Record<string, boolean | Error>) {
  const asked: string[] = [];
  return {
    asked,
    active,
    person: async (userId: string) => {
      asked.push(userId);
      const answer = active[userId];
      if (answer instanceof Error) throw answer;
      if (answer === undefined) throw new MattermostRequestError(404, `GET /users/${userId}`, 'app.user.missing_account.const');
      return {active: answer, guest: false};
    },
  };
}

describe('createActiveUsers', () => {
  it('tells whether the account is a guest now', async () => {
    const users = createActiveUsers({person: async (userId) => ({active: true, guest: userId === 'kim'})});
    expect(await users.standing('kim')).toEqual({active: true, guest: true});
    expect(await users.standing('sato')).toEqual({active: true, guest: false});
  });

  it('asks Mattermost once a minute per user', async () => {
    let now = 0;
    const mm = mattermost({sato: true, li: false});
    const users = createActiveUsers({person: mm.person, now: () => now});
    expect(await users.isActive('sato')).toBe(true);
    expect(await users.isActive('li')).toBe(false);
    now = 59_999;
    expect(await users.isActive('sato')).toBe(true);
    expect(mm.asked).toEqual(['sato', 'li']);
    mm.active.sato = false;
    now = 60_000;
    expect(await users.isActive('sato')).toBe(false);
    expect(mm.asked).toEqual(['sato', 'li', 'sato']);
  });

  it('asks again at once after forget (a user_updated event)', async () => {
    const mm = mattermost({sato: true});
    const users = createActiveUsers({person: mm.person, now: () => 0});
    expect(await users.isActive('sato')).toBe(true);
    mm.active.sato = false;
    users.forget('sato');
    expect(await users.isActive('sato')).toBe(false);
  });

  it('does not keep an answer that was on its way when forget came', async () => {
    let release: (value: {active: boolean; guest: boolean}) => void = () => {};
    let calls = 0;
    const users = createActiveUsers({
      person: (): Promise<{active: boolean; guest: boolean}> => {
        calls += 1;
        return calls === 1 ? new Promise((resolve) => (release = resolve)) : Promise.resolve({active: false, guest: false});
      },
      now: () => 0,
    });
    const before = users.isActive('sato');
    users.forget('sato');
    release({active: true, guest: false});
    expect(await before).toBe(true);
    expect(await users.isActive('sato')).toBe(false);
  });

  it('asks once for requests that arrive together', async () => {
    const mm = mattermost({sato: true});
    const users = createActiveUsers({person: mm.person, now: () => 0});
    expect(await Promise.all([users.isActive('sato'), users.isActive('sato'), users.isActive('sato')])).toEqual([true, true, true]);
    expect(mm.asked).toEqual(['sato']);
  });

  it('counts a user Mattermost no longer has as not active', async () => {
    const users = createActiveUsers({person: mattermost({}).person});
    expect(await users.isActive('gone')).toBe(false);
  });

  it('keeps the last answer while Mattermost cannot be reached, and without one lets nobody in', async () => {
    let now = 0;
    const mm = mattermost({sato: true});
    const users = createActiveUsers({person: mm.person, now: () => now});
    await users.isActive('sato');
    mm.active.sato = new Error('ECONNREFUSED');
    mm.active.li = new Error('ECONNREFUSED');
    now = 120_000;
    expect(await users.isActive('sato')).toBe(true);
    await expect(users.isActive('li')).rejects.toMatchObject({status: 503, id: 'baton.not_ready'} satisfies Partial<AppError>);
  });
});
