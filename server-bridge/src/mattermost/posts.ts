import {z} from 'zod';
import {type ClaimedNotice, type DeliveryReceipt, type NoticePost, type PostingNotice, UndeliverableNoticeError} from '../domain/notices/ports';
import {createBotRequest} from './botRequest';
import {MattermostRequestError} from './client';
import type {ConnectionSource} from './connection';

// Posting notices as the Baton bot, exactly once. Every post carries its
// notice key in props.baton_notice_key; a retry whose earlier attempt may have
// posted (the bridge died, the response was lost) first reads the channel's
// posts since that attempt and adopts the one carrying the key.
//
// Mattermost's own deduplication (app/post.go deduplicateCreatePost) is used
// too, as a second line: a create carrying a `pending_post_id` seen in the
// last 30 s returns the post made for it instead of a new one. It is not
// enough alone: the window is 30 s (pendingPostIDsCacheTTL), the cache is in
// the memory of one Mattermost node (LRU, 25,000 ids), and a duplicate that
// arrives while the first is still saving gets a 500. It does cover what the
// lookup cannot: GET .../posts?since reads a database replica, which may not
// have a post made a moment ago yet. model.Post.IsValid does not check
// pending_post_id at all (it is never stored), so any string is accepted; the
// cache key is the bare string, shared by every user, hence the `baton:` prefix.

export const NOTICE_KEY_PROP = 'baton_notice_key';

const channelSchema = z.object({id: z.string()});
const postSchema = z.object({
  id: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  create_at: z.number(),
  props: z.record(z.string(), z.unknown()).nullable().default({}),
});
const postListSchema = z.object({order: z.array(z.string()), posts: z.record(z.string(), postSchema)});

export type MattermostPost = z.infer<typeof postSchema>;

export interface BotPosts {
  /** The bot's DM channel with the user, created on first use (Mattermost returns the existing one after). */
  directChannelId(userId: string): Promise<string>;
  createPost(channelId: string, post: NoticePost, noticeKey: string): Promise<MattermostPost>;
  /** The bot's earliest post carrying the key, created or changed after `since` (deleted ones included). */
  findNoticePost(channelId: string, noticeKey: string, since: Date): Promise<MattermostPost | undefined>;
}

export interface BotPostsOptions {
  connection: ConnectionSource;
  fetch?: typeof fetch;
  /** Per request. Keep the outbox lease above a delivery's worst case (three requests). */
  timeoutMs?: number;
}

export {MattermostUnreachableError} from './botRequest';

/** The bot's REST calls for notices (client.ts holds the read-only calls). */
export function createBotPosts({connection, fetch: send = fetch, timeoutMs = 10_000}: BotPostsOptions): BotPosts {
  /** DM channel ids never change; remembered per bot so a re-run of setup with another bot starts afresh. */
  const directChannels = new Map<string, string>();

  const {current, request} = createBotRequest({connection, fetch: send, timeoutMs});

  return {
    async directChannelId(userId) {
      const {botUserId} = await current();
      const cacheKey = `${botUserId}:${userId}`;
      const known = directChannels.get(cacheKey);
      if (known) return known;
      const channel = channelSchema.parse(await request('POST', '/channels/direct', [botUserId, userId]));
      if (directChannels.size >= 10_000) directChannels.clear();
      directChannels.set(cacheKey, channel.id);
      return channel.id;
    },

    async createPost(channelId, post, noticeKey) {
      const body = {
        channel_id: channelId,
        message: post.message,
        type: post.type ?? '',
        props: {...post.props, [NOTICE_KEY_PROP]: noticeKey},
        pending_post_id: `baton:${noticeKey}`,
      };
      return postSchema.parse(await request('POST', '/posts', body));
    },

    async findNoticePost(channelId, noticeKey, since) {
      const {botUserId} = await current();
      // since must be > 0, or Mattermost returns the newest page instead.
      // Mattermost answers at most 1000 posts changed since then (store
      // GetPostsSince): ample for a bot DM, and for a channel over the few
      // minutes between attempts.
      const sinceMs = Math.max(1, since.getTime());
      const list = postListSchema.parse(await request('GET', `/channels/${encodeURIComponent(channelId)}/posts?since=${sinceMs}&skipFetchThreads=true`));
      return list.order
        .map((id) => list.posts[id])
        .filter((post): post is MattermostPost => post !== undefined && post.user_id === botUserId && post.props?.[NOTICE_KEY_PROP] === noticeKey)
        .sort((a, b) => a.create_at - b.create_at)[0];
    },
  };
}

/**
 * Whether trying again can help. 4xx answers are about the notice itself
 * (bad request, no permission in the channel, unknown user) — except 401 (the
 * bot's token: fixed by setup, then every waiting notice goes out), 408 and
 * 429 (load). Everything else (5xx, timeouts, refused connections, setup not
 * run yet) passes.
 */
export function isPermanentMattermostFailure(error: unknown): boolean {
  return error instanceof MattermostRequestError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);
}

export interface NoticeDelivererOptions {
  posts: BotPosts;
  /**
   * How far before an earlier attempt's start (bridge clock) to look for its
   * post (Mattermost clock): covers skew between the two machines.
   */
  clockSkewAllowanceMs?: number;
}

/** Delivers one claimed notice: adopts an earlier attempt's post when there is one, else posts. */
export function createNoticeDeliverer({posts, clockSkewAllowanceMs = 5 * 60_000}: NoticeDelivererOptions): (claimed: ClaimedNotice & {notice: PostingNotice}) => Promise<DeliveryReceipt> {
  return async ({notice, earlierAttemptsSince}) => {
    try {
      const channelId = notice.kind === 'direct_post' ? await posts.directChannelId(notice.userId) : notice.channelId;
      if (earlierAttemptsSince) {
        const since = new Date(earlierAttemptsSince.getTime() - clockSkewAllowanceMs);
        const earlier = await posts.findNoticePost(channelId, notice.idempotencyKey, since);
        if (earlier) return {postId: earlier.id, channelId, adopted: true};
      }
      const created = await posts.createPost(channelId, notice.post, notice.idempotencyKey);
      return {postId: created.id, channelId: created.channel_id, adopted: false};
    } catch (error) {
      if (isPermanentMattermostFailure(error)) throw new UndeliverableNoticeError((error as Error).message);
      throw error;
    }
  };
}
