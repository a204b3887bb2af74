import {z} from 'zod';
import {requireCaller} from '../../auth';
import {mmErrors} from '../../errors';
import {idParam, parseBody} from '../../request';
import type {RouteModule} from '../../server';
import {hasChannelPermission, requirePermission, type Permission} from '../../services/permissions';
import {deletePost, editPost, presentPost} from '../../services/posts';
import type {Post, User} from '../../store/entities';
import {missingPost} from './read';

// Changing posts (api4/post.go patchPost, updatePost, deletePost).

const patchBody = z.object({
  message: z.string().optional(),
  props: z.record(z.string(), z.unknown()).optional(),
  is_pinned: z.boolean().optional(),
});

/** A whole model.Post; Go's decoder leaves missing fields at their zero values. */
const updateBody = z.object({
  id: z.string().default(''),
  message: z.string().default(''),
  props: z.record(z.string(), z.unknown()).nullable().default({}),
  is_pinned: z.boolean().default(false),
});

export const postEditRoutes: RouteModule = (app, ctx) => {
  /**
   * postPatchChecks / updatePost: an unknown post is a permission error (not
   * a 404); the author needs edit_post, anyone else edit_others_posts.
   */
  const editablePost = (postId: string, caller: User): Post => {
    const post = ctx.store.posts.get(postId);
    if (!post || post.delete_at !== 0) throw mmErrors.permissionTo(caller.id, 'edit_post');
    const permission: Permission = post.user_id === caller.id ? 'edit_post' : 'edit_others_posts';
    requirePermission(hasChannelPermission(ctx, caller, post.channel_id, permission), caller, permission);
    return post;
  };

  app.put('/api/v4/posts/:post_id/patch', async (request) => {
    const caller = requireCaller(ctx, request);
    const postId = idParam(request, 'post_id');
    const patch = parseBody(patchBody, request.body, 'post');
    editablePost(postId, caller.user);
    return presentPost(editPost(ctx, postId, patch));
  });

  app.put('/api/v4/posts/:post_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const postId = idParam(request, 'post_id');
    const body = parseBody(updateBody, request.body, 'post');
    if (body.id !== postId) throw mmErrors.invalidBodyParam('id');
    editablePost(postId, caller.user);
    return presentPost(editPost(ctx, postId, {message: body.message, props: body.props ?? {}, is_pinned: body.is_pinned}));
  });

  app.delete('/api/v4/posts/:post_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const postId = idParam(request, 'post_id');
    const post = ctx.store.posts.get(postId);
    if (!post || post.delete_at !== 0) throw missingPost();
    const permission: Permission = post.user_id === caller.user.id ? 'delete_post' : 'delete_others_posts';
    requirePermission(hasChannelPermission(ctx, caller.user, post.channel_id, permission), caller.user, permission);
    deletePost(ctx, postId, caller.user.id);
    return {status: 'OK'};
  });
};
