import {z} from 'zod';

// What the Mattermost WebSocket listener hears that every replica must act
// on: each replica caches memberships and people (and holds its own event
// streams), but only the leader listens (wiring/replicas.ts). The leader
// broadcasts these; every replica applies them to its own caches.

export const cacheInvalidationSchema = z.discriminatedUnion('type', [
  z.object({type: z.literal('membership_changed'), channelId: z.string().min(1), userId: z.string().min(1)}),
  z.object({type: z.literal('channel_deleted'), channelId: z.string().min(1)}),
  z.object({type: z.literal('user_updated'), userId: z.string().min(1), active: z.boolean()}),
  /** Events may have been missed (the listener reconnected, or this replica's LISTEN did): drop everything learnt. */
  z.object({type: z.literal('resync')}),
]);

export type CacheInvalidation = z.infer<typeof cacheInvalidationSchema>;

/** The caches and streams one replica holds. */
export interface ReplicaCaches {
  access: {forget(channelId: string, userId?: string): void; forgetUser(userId: string): void; forgetAll(): void};
  preferences: {forget(userId: string): void; forgetAll(): void};
  activeUsers: {forget(userId: string): void};
  /** Ends the user's event streams on this replica (their account was deactivated). */
  endStreams(userId: string): void;
}

/** Applies one invalidation to this replica's caches; applying it twice does no harm. */
export function applyCacheInvalidation(caches: ReplicaCaches, change: CacheInvalidation): void {
  switch (change.type) {
    case 'membership_changed':
      caches.access.forget(change.channelId, change.userId);
      return;
    case 'channel_deleted':
      caches.access.forget(change.channelId);
      return;
    case 'user_updated':
      caches.preferences.forget(change.userId);
      caches.access.forgetUser(change.userId);
      caches.activeUsers.forget(change.userId);
      if (!change.active) caches.endStreams(change.userId);
      return;
    case 'resync':
      caches.access.forgetAll();
      caches.preferences.forgetAll();
      return;
  }
}
