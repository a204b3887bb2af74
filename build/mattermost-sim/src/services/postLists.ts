import type {SimContext} from '../context';
import type {Post} from '../store/entities';
import {presentPost} from './posts';

// model.PostList as the REST API returns it: {order (newest first), posts
// (id → post, including the roots of replies in the page), next_post_id,
// prev_post_id, has_next, first_inaccessible_post_time}. Ephemeral posts are
// never stored, so they can never appear.

export interface PostList {
  order: string[];
  posts: Record<string, Post>;
  next_post_id: string;
  prev_post_id: string;
  has_next: boolean;
  first_inaccessible_post_time: number;
}

const newestFirst = (a: Post, b: Post) => b.create_at - a.create_at || (a.id < b.id ? 1 : -1);

function livePostsOf(ctx: SimContext, channelId: string): Post[] {
  return [...ctx.store.posts.values()].filter((post) => post.channel_id === channelId && post.delete_at === 0).sort(newestFirst);
}

/**
 * GET /channels/{id}/posts?page&per_page (app GetPostsPage, then
 * AddCursorIdsForPostList): next_post_id is the post just newer than the
 * page, prev_post_id the one just older, has_next whether older posts remain.
 */
export function channelPostPage(ctx: SimContext, channelId: string, page: number, perPage: number): PostList {
  const all = livePostsOf(ctx, channelId);
  const start = page * perPage;
  const pagePosts = all.slice(start, start + perPage);
  const posts: Record<string, Post> = {};
  for (const post of pagePosts) {
    posts[post.id] = presentPost(post);
    const root = post.root_id ? ctx.store.posts.get(post.root_id) : undefined;
    if (root && root.delete_at === 0) posts[root.id] = presentPost(root);
  }
  const first = pagePosts[0];
  const last = pagePosts[pagePosts.length - 1];
  const newerIndex = first ? all.indexOf(first) - 1 : -1;
  const olderIndex = last ? all.indexOf(last) + 1 : all.length;
  return {
    order: pagePosts.map((post) => post.id),
    posts,
    next_post_id: newerIndex >= 0 ? (all[newerIndex]?.id ?? '') : '',
    prev_post_id: all[olderIndex]?.id ?? '',
    has_next: olderIndex < all.length,
    first_inaccessible_post_time: 0,
  };
}

/**
 * GET /channels/{id}/posts?since=<ms> (app GetPostsSince, store
 * GetPostsSince): every post of the channel created or changed after `since`
 * — deleted ones too, so clients learn of deletions — at most 1000 (which
 * 1000 is left to the database there; the newest here), with the roots of
 * replies among them. Newest first; no paging cursors (AddCursorIdsForPostList).
 */
export function channelPostsSince(ctx: SimContext, channelId: string, since: number): PostList {
  const changed = [...ctx.store.posts.values()]
    .filter((post) => post.channel_id === channelId && post.update_at > since)
    .sort(newestFirst)
    .slice(0, 1000);
  const posts: Record<string, Post> = {};
  for (const post of changed) {
    posts[post.id] = presentPost(post);
    const root = post.root_id ? ctx.store.posts.get(post.root_id) : undefined;
    if (root) posts[root.id] = presentPost(root);
  }
  return {order: changed.map((post) => post.id), posts, next_post_id: '', prev_post_id: '', has_next: false, first_inaccessible_post_time: 0};
}

/** GET /posts/{id}/thread: the root and every live reply, newest first. */
export function threadOf(ctx: SimContext, post: Post): PostList {
  const rootId = post.root_id || post.id;
  const thread = [...ctx.store.posts.values()].filter((candidate) => (candidate.id === rootId || candidate.root_id === rootId) && candidate.delete_at === 0).sort(newestFirst);
  return {
    order: thread.map((candidate) => candidate.id),
    posts: Object.fromEntries(thread.map((candidate) => [candidate.id, presentPost(candidate)])),
    next_post_id: '',
    prev_post_id: '',
    has_next: false,
    first_inaccessible_post_time: 0,
  };
}
