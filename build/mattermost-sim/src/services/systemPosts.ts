import type {SimContext} from '../context';
import type {Channel, Post, User} from '../store/entities';
import {createPost} from './posts';

// The system messages Mattermost posts for membership changes and archiving
// (app/channel.go postJoinChannelMessage, PostAddToChannelMessage,
// postLeaveChannelMessage, postRemoveFromChannelMessage, DeleteChannel).
// Types and props are Mattermost's; the English `message` is only a fallback,
// as Mattermost notes: "The client renders its own system message, ignoring
// this value altogether."

export function postJoinChannel(ctx: SimContext, user: User, channel: Channel): Post {
  const guest = user.roles.split(' ').includes('system_guest');
  return createPost(ctx, {
    channel_id: channel.id,
    user_id: user.id,
    type: guest ? 'system_guest_join_channel' : 'system_join_channel',
    message: `${user.username} joined the channel.`,
    props: {username: user.username},
  });
}

export function postAddToChannel(ctx: SimContext, requestor: User, added: User, channel: Channel): Post {
  const guest = added.roles.split(' ').includes('system_guest');
  return createPost(ctx, {
    channel_id: channel.id,
    user_id: requestor.id,
    type: guest ? 'system_add_guest_to_chan' : 'system_add_to_channel',
    message: `${added.username} added to the channel by ${requestor.username}.`,
    props: {userId: requestor.id, username: requestor.username, addedUserId: added.id, addedUsername: added.username},
  });
}

export function postLeaveChannel(ctx: SimContext, user: User, channel: Channel): Post {
  return createPost(ctx, {channel_id: channel.id, user_id: user.id, type: 'system_leave_channel', message: `@${user.username} left the channel.`, props: {username: user.username}});
}

export function postRemoveFromChannel(ctx: SimContext, remover: User, removed: User, channel: Channel): Post {
  return createPost(ctx, {
    channel_id: channel.id,
    user_id: remover.id,
    type: 'system_remove_from_channel',
    message: `@${removed.username} was removed from the channel.`,
    props: {removedUserId: removed.id, removedUsername: removed.username},
  });
}

/** Posted before the channel is archived (createPost refuses archived channels). */
export function postChannelArchived(ctx: SimContext, user: User, channel: Channel): Post {
  return createPost(ctx, {channel_id: channel.id, user_id: user.id, type: 'system_channel_deleted', message: `${user.username} archived the channel`, props: {username: user.username}});
}
