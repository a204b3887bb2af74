import {z} from 'zod';
import {requireCaller} from '../../auth';
import {MmError, mmErrors} from '../../errors';
import {parseBody} from '../../request';
import type {RouteModule} from '../../server';
import {canReadChannel, hasChannelPermission, hasPermission, hasTeamPermission, requirePermission} from '../../services/permissions';
import {createPendingPostIds} from '../../services/pendingPostIds';
import {createPost, presentPost, sendEphemeral} from '../../services/posts';
import type {Post, User} from '../../store/entities';

// POST /posts and POST /posts/ephemeral (api4/post.go createPost,
// createEphemeralPost; api4/post_utils.go; app/post.go CreatePostAsUser).
// ServiceSettings.ExperimentalEnableHardenedMode is off by default, so
// integration props such as from_webhook or override_username are stored as
// sent; EnablePostUsernameOverride only matters for webhooks and commands.

const newPostBody = z.object({
  channel_id: z.string().default(''),
  message: z.string().default(''),
  root_id: z.string().default(''),
  type: z.string().default(''),
  props: z.record(z.string(), z.unknown()).nullable().default({}),
  pending_post_id: z.string().default(''),
});

const ephemeralBody = z.object({
  user_id: z.string().default(''),
  post: z
    .object({
      channel_id: z.string().default(''),
      message: z.string().default(''),
      root_id: z.string().default(''),
      props: z.record(z.string(), z.unknown()).nullable().default({}),
    })
    .optional(),
});

/** model.Post.IsValid: 16383 runes of message. */
const MAX_MESSAGE_RUNES = 16383;

export const postCreateRoutes: RouteModule = (app, ctx) => {
  const pendingPostIds = createPendingPostIds(() => ctx.now());

  /**
   * deduplicateCreatePost: the post an earlier request with this
   * pending_post_id made, or undefined to go on creating (first sight, or an
   * earlier post the caller may not read).
   */
  const earlierPostFor = (pendingPostId: string, caller: User): Post | undefined => {
    const sighting = pendingPostIds.sight(pendingPostId);
    if (sighting.seen === 'first') return undefined;
    if (sighting.seen === 'saving') throw new MmError(500, 'api.post.deduplicate_create_post.pending', 'Rejected post since another client is making the same request.');
    // GetPostIfAuthorized: gone is an error, unreadable is ignored.
    const earlier = ctx.store.posts.get(sighting.postId);
    if (!earlier || earlier.delete_at !== 0) throw new MmError(500, 'api.post.deduplicate_create_post.failed_to_get', 'Failed to fetch original post after deduplicating a client repeating the same request.');
    const channel = ctx.store.channels.get(earlier.channel_id);
    return channel && canReadChannel(ctx, caller, channel) ? earlier : undefined;
  };

  app.post('/api/v4/posts', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const body = parseBody(newPostBody, request.body, 'post');
    // userCreatePostPermissionCheckWithContext: create_post in the channel,
    // or create_post_public in the team for an open channel.
    const channel = ctx.store.channels.get(body.channel_id);
    const mayPost =
      hasChannelPermission(ctx, caller.user, body.channel_id, 'create_post') ||
      (channel?.type === 'O' && hasTeamPermission(ctx, caller.user, channel.team_id, 'create_post_public'));
    requirePermission(mayPost, caller.user, 'create_post');
    if (!channel) throw mmErrors.invalidParam('post.channel_id');
    if (body.type.startsWith('system_')) throw mmErrors.invalidParam('post.type');
    // app/post.go CreatePost: deduplication comes before anything that
    // validates or saves the post; a failure after it lets a retry create.
    const pendingPostId = body.pending_post_id;
    if (pendingPostId !== '') {
      const earlier = earlierPostFor(pendingPostId, caller.user);
      if (earlier) return reply.status(201).send(presentPost(earlier));
    }
    try {
      if (body.type !== '' && !body.type.startsWith('custom_')) throw new MmError(400, 'model.post.is_valid.type.app_error', 'Invalid type.');
      if ([...body.message].length > MAX_MESSAGE_RUNES) throw new MmError(400, 'model.post.is_valid.message_length.app_error', 'Post Message property is longer than the maximum permitted length.');
      const post = createPost(ctx, {...body, props: body.props ?? {}, user_id: caller.user.id});
      if (pendingPostId !== '') pendingPostIds.saved(pendingPostId, post.id);
      return reply.status(201).send(presentPost(post));
    } catch (error) {
      if (pendingPostId !== '') pendingPostIds.forget(pendingPostId);
      throw error;
    }
  });

  app.post('/api/v4/posts/ephemeral', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const body = parseBody(ephemeralBody, request.body, 'body');
    if (body.user_id === '') throw mmErrors.invalidBodyParam('user_id');
    if (!body.post) throw mmErrors.invalidBodyParam('post');
    requirePermission(hasPermission(caller.user, 'create_post_ephemeral'), caller.user, 'create_post_ephemeral');
    // app/post.go SendEphemeralPost: sent as the caller, to that one user, never stored.
    const post = sendEphemeral(ctx, body.user_id, {...body.post, props: body.post.props ?? {}, user_id: caller.user.id});
    return reply.status(201).send(presentPost(post));
  });
};
