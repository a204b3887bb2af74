import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {Post} from '../store/entities';

// Post mutations shared by the REST routes and the integration flows
// (in_channel command responses, action `update`s). Each one broadcasts the
// event Mattermost sends, so no caller can forget it.

export type NewPost = Pick<Post, 'channel_id' | 'user_id'> & Partial<Pick<Post, 'message' | 'root_id' | 'type' | 'props' | 'pending_post_id' | 'is_pinned'>>;

/**
 * What clients see of a post: Mattermost strips `integration` (url and
 * context) from every attachment action before a post leaves the server
 * (model.Post.StripActionIntegrations), so only the server can call it.
 */
export function presentPost(post: Post): Post {
  const attachments = post.props.attachments;
  if (!Array.isArray(attachments)) return post;
  const stripped = attachments.map((attachment: unknown) => {
    if (typeof attachment !== 'object' || attachment === null) return attachment;
    const actions = (attachment as {actions?: unknown}).actions;
    if (!Array.isArray(actions)) return attachment;
    return {
      ...attachment,
      actions: actions.map((action: unknown) => {
        if (typeof action !== 'object' || action === null) return action;
        const {integration: _integration, ...visible} = action as Record<string, unknown>;
        return visible;
      }),
    };
  });
  return {...post, props: {...post.props, attachments: stripped}};
}

/** A fresh post with Mattermost's defaults for everything not given. */
function newPost(ctx: SimContext, now: number, fields: Pick<Post, 'user_id' | 'channel_id'> & Partial<Post>): Post {
  return {
    id: ctx.ids(),
    create_at: now,
    update_at: now,
    edit_at: 0,
    delete_at: 0,
    is_pinned: false,
    root_id: '',
    original_id: '',
    message: '',
    type: '',
    props: {},
    hashtags: '',
    pending_post_id: '',
    reply_count: 0,
    metadata: {},
    ...fields,
  };
}

export function createPost(ctx: SimContext, input: NewPost): Post {
  const channel = ctx.store.channels.get(input.channel_id);
  // app/post.go CreatePostMissingChannel / CreatePostAsUser.
  if (!channel) throw new MmError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
  if (channel.delete_at !== 0) throw new MmError(400, 'api.post.create_post.can_not_post_to_deleted.error', 'Can not post to deleted channel.');
  if (input.root_id) {
    // app/post.go CreatePost: the root must exist (deleted roots are gone), be
    // in the same channel, and not itself be a reply. CreatePostAsUser turns
    // the channel mismatch's 500 into a 400.
    const root = ctx.store.posts.get(input.root_id);
    if (!root || root.delete_at !== 0) throw new MmError(400, 'api.post.create_post.root_id.app_error', 'Invalid RootId parameter.');
    if (root.channel_id !== input.channel_id) throw new MmError(400, 'api.post.create_post.channel_root_id.app_error', 'Invalid ChannelId for RootId parameter.');
    if (root.root_id !== '') throw new MmError(400, 'api.post.create_post.root_id.app_error', 'Invalid RootId parameter.');
  }
  const author = ctx.store.users.get(input.user_id);
  // app/post.go CreatePost marks every bot's post.
  const props = author?.is_bot ? {...input.props, from_bot: 'true'} : (input.props ?? {});
  const now = ctx.now();
  const post = newPost(ctx, now, {
    is_pinned: input.is_pinned ?? false,
    user_id: input.user_id,
    channel_id: input.channel_id,
    root_id: input.root_id ?? '',
    message: input.message ?? '',
    type: input.type ?? '',
    props,
    pending_post_id: input.pending_post_id ?? '',
  });
  ctx.store.posts.set(post.id, post);
  if (post.root_id) {
    const root = ctx.store.posts.get(post.root_id);
    if (root) root.reply_count += 1;
  }
  channel.last_post_at = now;
  channel.total_msg_count += 1;
  // app/post.go CreatePostAsUser: the author has now seen the channel —
  // unless the post came from a bot or a webhook.
  const authorMember = ctx.store.channelMembers.get(`${channel.id}:${post.user_id}`);
  if (authorMember && !('from_bot' in props) && !('from_webhook' in props)) {
    authorMember.msg_count = channel.total_msg_count;
    authorMember.last_viewed_at = now;
  }
  const sender = ctx.store.users.get(post.user_id);
  ctx.hub.publish(
    'posted',
    {
      channel_display_name: channel.display_name,
      channel_name: channel.name,
      channel_type: channel.type,
      // Mattermost sends the post as a JSON string inside the event.
      post: JSON.stringify(presentPost(post)),
      sender_name: sender ? `@${sender.username}` : '',
      set_online: true,
      team_id: channel.team_id,
    },
    {channel_id: channel.id},
  );
  return post;
}

/** Replaces a post's content (PUT /posts/{id}, action `update`), broadcasting `post_edited`. */
export function updatePost(ctx: SimContext, id: string, changes: Partial<Pick<Post, 'message' | 'props' | 'is_pinned' | 'type'>>, options: {markEdited: boolean}): Post {
  const existing = ctx.store.posts.get(id);
  if (!existing || existing.delete_at !== 0) throw new MmError(404, 'app.post.get.app_error', 'Unable to get the post.');
  const now = ctx.now();
  const updated: Post = {...existing, ...changes, update_at: now, edit_at: options.markEdited ? now : existing.edit_at};
  ctx.store.posts.set(id, updated);
  ctx.hub.publish('post_edited', {post: JSON.stringify(presentPost(updated))}, {channel_id: updated.channel_id});
  return updated;
}

/**
 * An ephemeral post: delivered once over the WebSocket to one user, never
 * stored (it is gone on reload, as in Mattermost).
 */
export function sendEphemeral(ctx: SimContext, userId: string, input: Pick<Post, 'channel_id'> & Partial<Pick<Post, 'message' | 'props' | 'root_id' | 'user_id'>>): Post {
  const now = ctx.now();
  const post = newPost(ctx, now, {
    user_id: input.user_id ?? '',
    channel_id: input.channel_id,
    root_id: input.root_id ?? '',
    message: input.message ?? '',
    type: 'system_ephemeral',
    props: input.props ?? {},
  });
  ctx.inspection.ephemerals.push({user_id: userId, post});
  ctx.hub.publish('ephemeral_message', {post: JSON.stringify(presentPost(post))}, {user_id: userId, channel_id: input.channel_id});
  return post;
}

/**
 * app/post.go UpdatePost with SafeUpdate off (PUT /posts/{id}, PATCH):
 * edit_at moves only when the message (or the attachments) change; props,
 * is_pinned are replaced as given. System messages cannot be edited.
 */
export function editPost(ctx: SimContext, id: string, changes: Partial<Pick<Post, 'message' | 'props' | 'is_pinned'>>): Post {
  const existing = ctx.store.posts.get(id);
  if (!existing || existing.delete_at !== 0) throw new MmError(400, 'api.post.update_post.find.app_error', 'We couldn\'t find the existing post or comment to update.');
  if (existing.type.startsWith('system_')) throw new MmError(400, 'api.post.update_post.system_message.app_error', 'Unable to update system message.');
  const channel = ctx.store.channels.get(existing.channel_id);
  if (channel && channel.delete_at !== 0) throw new MmError(400, 'api.post.update_post.can_not_update_post_in_deleted.error', 'Can not update a post in a deleted channel.');
  const messageChanged = changes.message !== undefined && changes.message !== existing.message;
  const attachmentsChanged = changes.props !== undefined && JSON.stringify(changes.props.attachments) !== JSON.stringify(existing.props.attachments);
  return updatePost(ctx, id, changes, {markEdited: messageChanged || attachmentsChanged});
}

/**
 * app/post.go DeletePost: a soft delete of the post and, for a root, its
 * replies. `post_deleted` carries the post JSON as it was before; the copy
 * for admins adds `delete_by`.
 */
export function deletePost(ctx: SimContext, id: string, deleterId: string): Post {
  const post = ctx.store.posts.get(id);
  if (!post || post.delete_at !== 0) throw new MmError(404, 'app.post.get.app_error', 'Unable to get the post.');
  const channel = ctx.store.channels.get(post.channel_id);
  if (channel && channel.delete_at !== 0) throw new MmError(400, 'api.post.delete_post.can_not_delete_post_in_deleted.error', 'Can not delete a post in a deleted channel.');
  const now = ctx.now();
  for (const candidate of ctx.store.posts.values()) {
    if ((candidate.id === id || candidate.root_id === id) && candidate.delete_at === 0) {
      ctx.store.posts.set(candidate.id, {...candidate, delete_at: now, update_at: now, props: {...candidate.props, deleteBy: deleterId}});
    }
  }
  if (post.root_id) {
    const root = ctx.store.posts.get(post.root_id);
    if (root) root.reply_count = Math.max(0, root.reply_count - 1);
  }
  const postJson = JSON.stringify(presentPost(post));
  ctx.hub.publish('post_deleted', {post: postJson}, {channel_id: post.channel_id, contains_sanitized_data: true});
  ctx.hub.publish('post_deleted', {post: postJson, delete_by: deleterId}, {channel_id: post.channel_id, contains_sensitive_data: true});
  return post;
}
