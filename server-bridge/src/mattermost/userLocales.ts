import type {Logger} from '../logging/logger';
import {createMattermostClient, type MattermostClient} from './client';
import type {ConnectionSource} from './connection';

/**
 * The locale of a Mattermost user, cached for a minute (locales change
 * rarely; issue 6 invalidates on `user_updated`). Falls back to English when
 * Mattermost cannot be asked, so a reply is never lost over a language.
 */
export function createUserLocales(deps: {
  connection: ConnectionSource;
  logger: Logger;
  clientFor?: (url: string, botToken: string) => Pick<MattermostClient, 'getUser'>;
  ttlMs?: number;
  now?: () => number;
}): (userId: string) => Promise<string> {
  const clientFor = deps.clientFor ?? ((url, botToken) => createMattermostClient({url, botToken}));
  const ttl = deps.ttlMs ?? 60_000;
  const now = deps.now ?? Date.now;
  const cache = new Map<string, {locale: string; at: number}>();
  return async (userId) => {
    const hit = cache.get(userId);
    if (hit && now() - hit.at < ttl) return hit.locale;
    const connection = await deps.connection.get();
    if (!connection) return 'en';
    try {
      const user = await clientFor(connection.url, connection.botToken).getUser(userId);
      cache.set(userId, {locale: user.locale, at: now()});
      return user.locale;
    } catch (error) {
      deps.logger.warn({err: error, user_id: userId}, 'could not read the user locale from Mattermost; answering in English');
      return 'en';
    }
  };
}
