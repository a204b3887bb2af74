import {requireCaller} from '../../auth';
import {MmError, mmErrors} from '../../errors';
import {boolQuery, idParam, pagination, queryParams} from '../../request';
import type {RouteModule} from '../../server';
import {canReadChannel, hasPermission, requirePermission} from '../../services/permissions';
import {channelPostPage, channelPostsSince, threadOf} from '../../services/postLists';
import {presentPost} from '../../services/posts';
import type {Post, User} from '../../store/entities';

// Reading posts (api4/post.go getPost, getPostThread, getPostsForChannel by
// page or since; app/post.go GetPostIfAuthorized).

export const missingPost = () => new MmError(404, 'app.post.get.app_error', 'Unable to get the post.');

export const postReadRoutes: RouteModule = (app, ctx) => {
  /** GetPostIfAuthorized: 404 for a missing post, 403 if its channel is unreadable. */
  const readablePost = (postId: string, caller: User, includeDeleted = false): Post => {
    const post = ctx.store.posts.get(postId);
    if (!post || (post.delete_at !== 0 && !includeDeleted)) throw missingPost();
    const channel = ctx.store.channels.get(post.channel_id);
    requirePermission(channel !== undefined && canReadChannel(ctx, caller, channel), caller, 'read_channel_content');
    return post;
  };

  app.get('/api/v4/posts/:post_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const postId = idParam(request, 'post_id');
    const includeDeleted = boolQuery(request, 'include_deleted');
    if (includeDeleted) requirePermission(hasPermission(caller.user, 'manage_system'), caller.user, 'manage_system');
    return presentPost(readablePost(postId, caller.user, includeDeleted));
  });

  app.get('/api/v4/posts/:post_id/thread', async (request) => {
    const caller = requireCaller(ctx, request);
    return threadOf(ctx, readablePost(idParam(request, 'post_id'), caller.user));
  });

  app.get('/api/v4/channels/:channel_id/posts', async (request) => {
    const caller = requireCaller(ctx, request);
    const channelId = idParam(request, 'channel_id');
    // strconv.ParseInt: anything but an integer is a 400; 0 means no `since`.
    const sinceText = queryParams(request).since ?? '';
    if (sinceText !== '' && !/^[+-]?\d+$/.test(sinceText)) throw mmErrors.invalidBodyParam('since');
    const since = sinceText === '' ? 0 : Number(sinceText);
    if (boolQuery(request, 'include_deleted')) requirePermission(hasPermission(caller.user, 'manage_system'), caller.user, 'read_deleted_posts');
    const channel = ctx.store.channels.get(channelId);
    if (!channel) throw new MmError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
    requirePermission(canReadChannel(ctx, caller.user, channel), caller.user, 'read_channel_content');
    if (since > 0) return channelPostsSince(ctx, channelId, since);
    const {page, perPage} = pagination(request);
    return channelPostPage(ctx, channelId, page, perPage);
  });
};
