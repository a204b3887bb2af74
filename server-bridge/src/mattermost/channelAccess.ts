import type {ChannelAccess} from '../domain/tasks/ports';
import {createMattermostClient, type MattermostClient} from './client';
import type {ConnectionSource} from './connection';

/**
 * Channel membership, channel names and usernames from Mattermost, as the
 * Baton bot (system admin: it can check private channels). Answers are cached
 * briefly; the WebSocket listener (Mattermost integration issue) will drop
 * entries on user_added / user_removed / channel_deleted.
 */
export function createChannelAccess(deps: {
  connection: ConnectionSource;
  clientFor?: (url: string, botToken: string) => MattermostClient;
  ttlMs?: number;
  now?: () => number;
}): ChannelAccess & {forget(channelId: string, userId?: string): void} {
  const clientFor = deps.clientFor ?? ((url, botToken) => createMattermostClient({url, botToken}));
  const ttl = deps.ttlMs ?? 30_000;
  const now = deps.now ?? Date.now;
  const cache = new Map<string, {value: unknown; at: number}>();

  async function client(): Promise<MattermostClient> {
    const connection = await deps.connection.get();
    if (!connection) throw new Error('Baton is not connected to Mattermost yet: run setup.');
    return clientFor(connection.url, connection.botToken);
  }

  async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttl) return hit.value as T;
    const value = await load();
    cache.set(key, {value, at: now()});
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
      return user.roles.split(' ').includes('system_admin') || (await mattermost.isChannelAdmin(channelId, userId));
    },
    forget(channelId, userId) {
      for (const key of cache.keys()) {
        if (key.startsWith(`member:${channelId}:`) && (userId === undefined || key.endsWith(`:${userId}`))) cache.delete(key);
        if (key.startsWith('channels-of:') && (userId === undefined || key === `channels-of:${userId}`)) cache.delete(key);
      }
    },
  };
}
