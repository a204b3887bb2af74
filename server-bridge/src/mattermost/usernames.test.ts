import {createUsernameLookup} from './usernames';

// Usernames a dialog names, resolved as the bot and kept for a minute.

function setup() {
  const asked: string[] = [];
  let clock = 0;
  const users: Record<string, {id: string; delete_at: number}> = {sato: {id: 'sato-id', delete_at: 0}, gone: {id: 'gone-id', delete_at: 1_700_000_000_000}};
  const fetch = (async (url: string, init: RequestInit) => {
    asked.push(`${init.method} ${url} ${String((init.headers as Record<string, string>).Authorization)}`);
    const name = decodeURIComponent(url.split('/').pop() ?? '');
    if (name === 'broken') return new Response(JSON.stringify({id: 'app.internal'}), {status: 500});
    const user = users[name];
    return user ? new Response(JSON.stringify({username: name, ...user})) : new Response(JSON.stringify({id: 'app.user.missing_account.const'}), {status: 404});
  }) as typeof globalThis.fetch;
  const lookup = createUsernameLookup({connection: {get: async () => ({url: 'https://mm.example/', botUserId: 'bot', botToken: 'bot-token', commandTokens: []})}, fetch, now: () => clock});
  return {lookup, asked, advance: (ms: number) => (clock += ms)};
}

describe('the username lookup', () => {
  it('asks Mattermost as the bot, in lower case and without the @', async () => {
    const {lookup, asked} = setup();
    expect(await lookup('@Sato')).toBe('sato-id');
    expect(asked).toEqual(['GET https://mm.example/api/v4/users/username/sato Bearer bot-token']);
  });

  it('knows nobody by a name Mattermost does not have, or a deactivated account', async () => {
    const {lookup} = setup();
    expect(await lookup('nobody')).toBeUndefined();
    expect(await lookup('gone')).toBeUndefined();
  });

  it('keeps answers for a minute, then asks again', async () => {
    const {lookup, asked, advance} = setup();
    await lookup('sato');
    await lookup('SATO');
    await lookup('nobody');
    await lookup('nobody');
    expect(asked).toHaveLength(2);
    advance(60_000);
    await lookup('sato');
    expect(asked).toHaveLength(3);
  });

  it('passes on other failures, keeping nothing', async () => {
    const {lookup, asked} = setup();
    await expect(lookup('broken')).rejects.toThrow(/500/);
    await expect(lookup('broken')).rejects.toThrow(/500/);
    expect(asked).toHaveLength(2);
  });
});
