import type {Logger} from '../logging/logger';
import {createMattermostClient, type MattermostClient, type MattermostUser} from './client';
import type {ConnectionSource} from './connection';

/**
 * A Mattermost user's locale and time zone, read once a minute at most
 * (they change rarely; the integration issue invalidates on `user_updated`).
 * Falls back to English and UTC when Mattermost cannot be asked, so a reply
 * or a deadline is never lost over a preference.
 */
export function createUserPreferences(deps: {
  connection: ConnectionSource;
  logger: Logger;
  clientFor?: (url: string, botToken: string) => Pick<MattermostClient, 'getUser'>;
  ttlMs?: number;
  now?: () => number;
}) {
  const clientFor = deps.clientFor ?? ((url, botToken) => createMattermostClient({url, botToken}));
  const ttl = deps.ttlMs ?? 60_000;
  const now = deps.now ?? Date.now;
  const cache = new Map<string, {user: MattermostUser; at: number}>();

  async function user(userId: string): Promise<MattermostUser | undefined> {
    const hit = cache.get(userId);
    if (hit && now() - hit.at < ttl) return hit.user;
    const connection = await deps.connection.get();
    if (!connection) return undefined;
    try {
      const fetched = await clientFor(connection.url, connection.botToken).getUser(userId);
      cache.set(userId, {user: fetched, at: now()});
      return fetched;
    } catch (error) {
      deps.logger.warn({err: error, user_id: userId}, 'could not read the user from Mattermost; using defaults');
      return undefined;
    }
  }

  return {
    locale: async (userId: string): Promise<string> => (await user(userId))?.locale ?? 'en',
    /** Mattermost's rule: the manual zone unless automatic is on. */
    timeZone: async (userId: string): Promise<string> => {
      const zone = (await user(userId))?.timezone;
      const automatic = zone?.useAutomaticTimezone === true || zone?.useAutomaticTimezone === 'true';
      return (automatic ? zone?.automaticTimezone : zone?.manualTimezone) || 'UTC';
    },
  };
}
