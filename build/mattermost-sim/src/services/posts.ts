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

export function createPost(ctx: SimContext, input: NewPost): Post {
  const channel = ctx.store.channels.get(input.channel_id);
  if (!channel || channel.delete_at !== 0) throw new MmError(400, 'api.post.create_post.channel_not_found', 'Unable to find the channel.');
  if (input.root_id) {
    const root = ctx.store.posts.get(input.root_id);
    if (!root || root.delete_at !== 0 || root.channel_id !== input.channel_id) {
      throw new MmError(400, 'api.post.create_post.root_id.app_error', 'Invalid RootId parameter.');
    }
  }
  const now = ctx.now();
  const post: Post = {
    id: ctx.ids(),
    create_at: now,
    update_at: now,
    edit_at: 0,
    delete_at: 0,
    is_pinned: input.is_pinned ?? false,
    user_id: input.user_id,
    channel_id: input.channel_id,
    root_id: input.root_id ?? '',
    original_id: '',
    message: input.message ?? '',
    type: input.type ?? '',
    props: input.props ?? {},
    hashtags: '',
    pending_post_id: input.pending_post_id ?? '',
    reply_count: 0,
    metadata: {},
  };
  ctx.store.posts.set(post.id, post);
  if (post.root_id) {
    const root = ctx.store.posts.get(post.root_id);
    if (root) root.reply_count += 1;
  }
  channel.last_post_at = now;
  channel.total_msg_count += 1;
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
  const post: Post = {
    id: ctx.ids(),
    create_at: now,
    update_at: now,
    edit_at: 0,
    delete_at: 0,
    is_pinned: false,
    user_id: input.user_id ?? '',
    channel_id: input.channel_id,
    root_id: input.root_id ?? '',
    original_id: '',
    message: input.message ?? '',
    type: 'system_ephemeral',
    props: input.props ?? {},
    hashtags: '',
    pending_post_id: '',
    reply_count: 0,
    metadata: {},
  };
  ctx.inspection.ephemerals.push({user_id: userId, post});
  ctx.hub.publish('ephemeral_message', {post: JSON.stringify(presentPost(post))}, {user_id: userId, channel_id: input.channel_id});
  return post;
}
