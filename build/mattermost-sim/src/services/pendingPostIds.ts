// Mattermost's create-post deduplication (app/post.go deduplicateCreatePost,
// CreatePost): a client sends the same `pending_post_id` with each retry of
// one post, and within 30 s (pendingPostIDsCacheTTL) a retry gets the post
// already made instead of a second one.
//
// - The cache key is the bare pending_post_id, shared by all users; model.Post
//   IsValid never checks it and it is not stored with the post.
// - First sight records the id with no post yet. A retry arriving then (the
//   first still saving) is refused with 500 api.post.deduplicate_create_post.pending.
// - A failed create forgets the id, so a retry creates normally; a successful
//   one records the post id, again for 30 s from then.
// - A retry finding a post id returns that post (201), unless the caller may
//   not read it (then the id is ignored and a new post is made) or it is gone
//   (500 api.post.deduplicate_create_post.failed_to_get).
// - An LRU of 25,000 ids (PendingPostIdsCacheSize), in each server's memory.

export const PENDING_POST_ID_TTL_MS = 30_000;
export const PENDING_POST_IDS_CACHE_SIZE = 25_000;

export type PendingPostIdSighting = {seen: 'first'} | {seen: 'saving'} | {seen: 'created'; postId: string};

export interface PendingPostIds {
  /** Looks the id up, recording it as being saved when it is new (or expired). */
  sight(pendingPostId: string): PendingPostIdSighting;
  saved(pendingPostId: string, postId: string): void;
  /** The create failed: a retry may create. */
  forget(pendingPostId: string): void;
}

export function createPendingPostIds(now: () => number, {ttlMs = PENDING_POST_ID_TTL_MS, size = PENDING_POST_IDS_CACHE_SIZE} = {}): PendingPostIds {
  // A Map keeps insertion order: re-inserting on write makes the first key the least recently written.
  const entries = new Map<string, {postId: string; expiresAt: number}>();

  const write = (pendingPostId: string, postId: string) => {
    entries.delete(pendingPostId);
    entries.set(pendingPostId, {postId, expiresAt: now() + ttlMs});
    if (entries.size > size) entries.delete(entries.keys().next().value as string);
  };

  return {
    sight(pendingPostId) {
      const entry = entries.get(pendingPostId);
      if (!entry || entry.expiresAt <= now()) {
        write(pendingPostId, '');
        return {seen: 'first'};
      }
      return entry.postId === '' ? {seen: 'saving'} : {seen: 'created', postId: entry.postId};
    },
    saved: (pendingPostId, postId) => write(pendingPostId, postId),
    forget(pendingPostId) {
      entries.delete(pendingPostId);
    },
  };
}
