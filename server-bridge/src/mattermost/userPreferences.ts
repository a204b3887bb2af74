import type {Logger} from '../logging/logger';
import {createMattermostClient, type MattermostClient, type MattermostUser} from './client';
import type {ConnectionSource} from './connection';

/**
 * A Mattermost user's locale and time zone, read once a minute at most
 * (they change rarely; the WebSocket listener drops a user on `user_updated`,
 * and everyone after a reconnect).
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
  // Bumped by every forget: a profile read while it happened may predate the change, so it is not kept.
  let generation = 0;

  async function user(userId: string): Promise<MattermostUser | undefined> {
    const hit = cache.get(userId);
    if (hit && now() - hit.at < ttl) return hit.user;
    const connection = await deps.connection.get();
    if (!connection) return undefined;
    try {
      const loadedIn = generation;
      const fetched = await clientFor(connection.url, connection.botToken).getUser(userId);
      if (generation === loadedIn) cache.set(userId, {user: fetched, at: now()});
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
    /** Drops the user's cached preferences (their profile changed). */
    forget(userId: string): void {
      generation += 1;
      cache.delete(userId);
    },
    forgetAll(): void {
      generation += 1;
      cache.clear();
    },
  };
}
