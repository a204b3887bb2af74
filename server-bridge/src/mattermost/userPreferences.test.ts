import {createLogger} from '../logging/logger';
import {MattermostRequestError, type MattermostClient, type MattermostUser} from './client';
import {createUserPreferences} from './userPreferences';

const connection = {get: async () => ({url: 'http://mm.test', botUserId: 'bot', botToken: 't', commandTokens: []})};

describe('user preferences', () => {
  it('asks Mattermost once per user within the cache time', async () => {
    let calls = 0;
    let clock = 0;
    const client: Pick<MattermostClient, 'getUser'> = {getUser: async (id) => ((calls += 1), {id, username: id, locale: 'ja', roles: '', delete_at: 0})};
    const localeOf = createUserPreferences({connection, logger: createLogger('silent'), clientFor: () => client, ttlMs: 1000, now: () => clock}).locale;
    expect(await localeOf('sato')).toBe('ja');
    expect(await localeOf('sato')).toBe('ja');
    expect(calls).toBe(1);
    clock = 1500;
    await localeOf('sato');
    expect(calls).toBe(2);
  });

  it('asks again after being told the profile changed, and keeps no answer that was in flight when it was', async () => {
    let locale = 'en';
    let release: (() => void) | undefined;
    const client: Pick<MattermostClient, 'getUser'> = {
      getUser: async (id) => {
        const answer = locale;
        if (release === undefined) await new Promise<void>((resolve) => (release = resolve));
        return {id, username: id, locale: answer, roles: '', delete_at: 0};
      },
    };
    const preferences = createUserPreferences({connection, logger: createLogger('silent'), clientFor: () => client, ttlMs: 60_000});
    // A read in flight when the change is announced: its (old) answer is not cached.
    const inFlight = preferences.locale('sato');
    await new Promise((resolve) => setImmediate(resolve));
    locale = 'ja';
    preferences.forget('sato');
    release?.();
    expect(await inFlight).toBe('en');
    expect(await preferences.locale('sato')).toBe('ja');
    locale = 'ru';
    expect(await preferences.locale('sato')).toBe('ja');
    preferences.forgetAll();
    expect(await preferences.locale('sato')).toBe('ru');
  });

  it('falls back to English when Mattermost cannot answer or is not set up', async () => {
    const failing: Pick<MattermostClient, 'getUser'> = {getUser: async () => Promise.reject(new MattermostRequestError(503, '/users/x', undefined))};
    expect(await createUserPreferences({connection, logger: createLogger('silent'), clientFor: () => failing}).locale('x')).toBe('en');
    expect(await createUserPreferences({connection, logger: createLogger('silent'), clientFor: () => failing}).timeZone('x')).toBe('UTC');
    expect(await createUserPreferences({connection: {get: async () => undefined}, logger: createLogger('silent')}).locale('x')).toBe('en');
  });
});

describe('user time zones', () => {
  it('uses the manual zone unless the automatic one is switched on, as Mattermost does', async () => {
    const users: Record<string, MattermostUser> = {
      manual: {id: 'manual', username: 'm', locale: 'ja', roles: '', delete_at: 0, timezone: {useAutomaticTimezone: 'false', automaticTimezone: 'UTC', manualTimezone: 'Asia/Tokyo'}},
      automatic: {id: 'automatic', username: 'a', locale: 'ru', roles: '', delete_at: 0, timezone: {useAutomaticTimezone: 'true', automaticTimezone: 'Europe/Moscow', manualTimezone: ''}},
    };
    const preferences = createUserPreferences({connection, logger: createLogger('silent'), clientFor: () => ({getUser: async (id) => users[id] as MattermostUser})});
    expect(await preferences.timeZone('manual')).toBe('Asia/Tokyo');
    expect(await preferences.timeZone('automatic')).toBe('Europe/Moscow');
  });
});
