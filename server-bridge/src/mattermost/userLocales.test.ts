import {createLogger} from '../logging/logger';
import {MattermostRequestError, type MattermostClient} from './client';
import {createUserLocales} from './userLocales';

const connection = {get: async () => ({url: 'http://mm.test', botUserId: 'bot', botToken: 't', commandTokens: []})};

describe('user locales', () => {
  it('asks Mattermost once per user within the cache time', async () => {
    let calls = 0;
    let clock = 0;
    const client: Pick<MattermostClient, 'getUser'> = {getUser: async (id) => ((calls += 1), {id, username: id, locale: 'ja', roles: '', delete_at: 0})};
    const localeOf = createUserLocales({connection, logger: createLogger('silent'), clientFor: () => client, ttlMs: 1000, now: () => clock});
    expect(await localeOf('sato')).toBe('ja');
    expect(await localeOf('sato')).toBe('ja');
    expect(calls).toBe(1);
    clock = 1500;
    await localeOf('sato');
    expect(calls).toBe(2);
  });

  it('falls back to English when Mattermost cannot answer or is not set up', async () => {
    const failing: Pick<MattermostClient, 'getUser'> = {getUser: async () => Promise.reject(new MattermostRequestError(503, '/users/x', undefined))};
    expect(await createUserLocales({connection, logger: createLogger('silent'), clientFor: () => failing})('x')).toBe('en');
    expect(await createUserLocales({connection: {get: async () => undefined}, logger: createLogger('silent')})('x')).toBe('en');
  });
});
