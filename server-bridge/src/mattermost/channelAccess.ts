import type {ChannelAccess} from '../domain/tasks/ports';
import {createMattermostClient, type MattermostClient} from './client';
import type {ConnectionSource} from './connection';
import {isMattermostUnavailable} from './rest';

/**
 * Channel membership, channel names and usernames from Mattermost, as the
 * Baton bot (system admin: it can check private channels). Answers are cached
 * briefly; the WebSocket listener (websocketListener.ts) drops entries on
 * user_added / user_removed / channel_deleted, and everything after a
 * (re)connect, when events may have been missed.
 */
export function createChannelAccess(deps: {
  connection: ConnectionSource;
  clientFor?: (url: string, botToken: string) => MattermostClient;
  ttlMs?: number;
  /** How long after it was learnt an answer may stand in while Mattermost is unavailable (default 15 min). */
  staleIfErrorMs?: number;
  now?: () => number;
}): ChannelAccess & {forget(channelId: string, userId?: string): void; forgetUser(userId: string): void; forgetAll(): void} {
  const clientFor = deps.clientFor ?? ((url, botToken) => createMattermostClient({url, botToken}));
  const ttl = deps.ttlMs ?? 30_000;
  const staleIfErrorMs = deps.staleIfErrorMs ?? 15 * 60_000;
  const now = deps.now ?? Date.now;
  const cache = new Map<string, {value: unknown; at: number}>();
  // Bumped by every forget: an answer loaded while it happened may predate the change, so it is not kept.
  let generation = 0;

  async function client(): Promise<MattermostClient> {
    const connection = await deps.connection.get();
    if (!connection) throw new Error('Baton is not connected to Mattermost yet: run setup.');
    return clientFor(connection.url, connection.botToken);
  }

  async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttl) return hit.value as T;
    const loadedIn = generation;
    let value: T;
    try {
      value = await load();
    } catch (error) {
      // Mattermost down: the last answer (never one an event has since invalidated) serves a while longer.
      if (hit && isMattermostUnavailable(error) && now() - hit.at < staleIfErrorMs) return hit.value as T;
      throw error;
    }
    if (generation === loadedIn) cache.set(key, {value, at: now()});
    return value;
  }

  return {
    isMember: (userId, channelId) => cached(`member:${channelId}:${userId}`, async () => (await client()).isChannelMember(channelId, userId)),
    channelName: (channelId) => cached(`channel:${channelId}`, async () => (await client()).getChannel(channelId).then((channel) => channel.name, () => undefined)),
    memberChannelIds: (userId) => cached(`channels-of:${userId}`, async () => (await client()).channelIdsOf(userId)),
    username: (userId) => cached(`user:${userId}`, async () => (await client()).getUser(userId).then((user) => user.username, () => undefined)),
    // Not cached: asked only before a settings change, which must see a just-granted or just-removed role.
    async canManageChannel(userId, channelId) {
      const mattermost = await client();
      const user = await mattermost.getUser(userId);
      return isSystemAdminRole(user.roles) || (await mattermost.isChannelAdmin(channelId, userId));
    },
    async isSystemAdmin(userId) {
      return isSystemAdminRole((await (await client()).getUser(userId)).roles);
    },
    async isGuest(userId) {
      return (await (await client()).getUser(userId)).roles.split(' ').includes('system_guest');
    },
    forget(channelId, userId) {
      generation += 1;
      for (const key of cache.keys()) {
        if (key.startsWith(`member:${channelId}:`) && (userId === undefined || key.endsWith(`:${userId}`))) cache.delete(key);
        if (key.startsWith('channels-of:') && (userId === undefined || key === `channels-of:${userId}`)) cache.delete(key);
      }
    },
    /** The user's profile changed (a new username): drop what is known of them. */
    forgetUser(userId) {
      generation += 1;
      cache.delete(`user:${userId}`);
    },
    forgetAll() {
      generation += 1;
      cache.clear();
    },
  };
}

function isSystemAdminRole(roles: string): boolean {
  return roles.split(' ').includes('system_admin');
}
