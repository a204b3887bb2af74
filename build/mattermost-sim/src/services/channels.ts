import type {SimContext} from '../context';
import {MmError} from '../errors';
import {createHash} from 'node:crypto';
import type {Channel, ChannelType, Team} from '../store/entities';
import {findChannelByName, memberKey} from '../store/store';

// Teams, channels and memberships, with the WebSocket events Mattermost sends
// for membership changes (user_added, user_removed in both forms).

export function createTeam(ctx: SimContext, input: {name: string; display_name: string; type?: 'O' | 'I'}): Team {
  const now = ctx.now();
  const team: Team = {
    id: ctx.ids(),
    create_at: now,
    update_at: now,
    delete_at: 0,
    name: input.name,
    display_name: input.display_name,
    description: '',
    email: '',
    type: input.type ?? 'O',
    allow_open_invite: (input.type ?? 'O') === 'O',
  };
  ctx.store.teams.set(team.id, team);
  return team;
}

export function addTeamMember(ctx: SimContext, teamId: string, userId: string, admin = false): void {
  const user = ctx.store.users.get(userId);
  const guest = user?.roles.includes('system_guest') ?? false;
  ctx.store.teamMembers.set(memberKey(teamId, userId), {
    team_id: teamId,
    user_id: userId,
    roles: guest ? 'team_guest' : admin ? 'team_user team_admin' : 'team_user',
    delete_at: 0,
    scheme_guest: guest,
    scheme_user: !guest,
    scheme_admin: admin,
  });
}

export function createChannel(ctx: SimContext, input: {team_id: string; name: string; display_name: string; type: ChannelType; creator_id?: string; header?: string; purpose?: string}): Channel {
  if (input.type === 'O' || input.type === 'P') {
    if (findChannelByName(ctx.store, input.team_id, input.name)) {
      throw new MmError(400, 'store.sql_channel.save_channel.exists.app_error', 'A channel with that name already exists on the same team.');
    }
  }
  const now = ctx.now();
  const channel: Channel = {
    id: ctx.ids(),
    create_at: now,
    update_at: now,
    delete_at: 0,
    team_id: input.team_id,
    type: input.type,
    display_name: input.display_name,
    name: input.name,
    header: input.header ?? '',
    purpose: input.purpose ?? '',
    last_post_at: now,
    total_msg_count: 0,
    creator_id: input.creator_id ?? '',
  };
  ctx.store.channels.set(channel.id, channel);
  return channel;
}

export function addChannelMember(ctx: SimContext, channelId: string, userId: string, options: {admin?: boolean; silent?: boolean} = {}): void {
  const channel = ctx.store.channels.get(channelId);
  if (!channel) throw new MmError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
  if (ctx.store.channelMembers.has(memberKey(channelId, userId))) return;
  const user = ctx.store.users.get(userId);
  const guest = user?.roles.includes('system_guest') ?? false;
  ctx.store.channelMembers.set(memberKey(channelId, userId), {
    channel_id: channelId,
    user_id: userId,
    roles: guest ? 'channel_guest' : options.admin ? 'channel_user channel_admin' : 'channel_user',
    last_viewed_at: 0,
    msg_count: 0,
    mention_count: 0,
    notify_props: {desktop: 'default', mark_unread: 'all'},
    last_update_at: ctx.now(),
    scheme_guest: guest,
    scheme_user: !guest,
    scheme_admin: options.admin ?? false,
  });
  if (!options.silent) publishUserAdded(ctx, channel, userId);
}

/**
 * app/channel.go AddUserToChannel sends `user_added` twice: to the channel
 * (minus the new member) and to the new member, so either side learns of it
 * whatever their cache of memberships says.
 */
function publishUserAdded(ctx: SimContext, channel: Channel, userId: string): void {
  const data = {user_id: userId, team_id: channel.team_id};
  ctx.hub.publish('user_added', data, {channel_id: channel.id, omit_users: {[userId]: true}});
  ctx.hub.publish('user_added', data, {channel_id: channel.id, user_id: userId});
}

export function removeChannelMember(ctx: SimContext, channelId: string, userId: string, removerId: string): void {
  const key = memberKey(channelId, userId);
  if (!ctx.store.channelMembers.has(key)) throw new MmError(404, 'app.channel.get_member.missing.app_error', 'No channel member found for that user ID and channel ID.');
  ctx.store.channelMembers.delete(key);
  // app/channel.go removeUserFromChannel: after the removal, the channel learns
  // who left; then the removed user (no longer a member, so addressed
  // directly) learns which channel.
  ctx.hub.publish('user_removed', {user_id: userId, remover_id: removerId}, {channel_id: channelId});
  ctx.hub.publish('user_removed', {channel_id: channelId, remover_id: removerId}, {user_id: userId});
}

/**
 * app/channel.go DeleteChannel (archive): sets delete_at and announces
 * `channel_deleted` {channel_id, delete_at} — to the team for an open
 * channel, to its members otherwise.
 */
export function archiveChannel(ctx: SimContext, channel: Channel): Channel {
  const deleteAt = ctx.now();
  const archived: Channel = {...channel, delete_at: deleteAt, update_at: deleteAt};
  ctx.store.channels.set(channel.id, archived);
  ctx.hub.publish('channel_deleted', {channel_id: channel.id, delete_at: deleteAt}, channel.type === 'O' ? {team_id: channel.team_id} : {channel_id: channel.id});
  return archived;
}

/** The DM channel between two users (created on first use), named `<idA>__<idB>` with ids sorted. */
export function directChannel(ctx: SimContext, userA: string, userB: string): Channel {
  const [first, second] = [userA, userB].sort() as [string, string];
  const name = `${first}__${second}`;
  for (const channel of ctx.store.channels.values()) if (channel.type === 'D' && channel.name === name) return channel;
  const channel = createChannel(ctx, {team_id: '', name, display_name: '', type: 'D', creator_id: userA});
  addChannelMember(ctx, channel.id, first, {silent: true});
  if (second !== first) addChannelMember(ctx, channel.id, second, {silent: true});
  return channel;
}

/** model.GetGroupNameFromUserIds: the sha1 of the sorted member ids. */
export function groupChannelName(userIds: string[]): string {
  const hash = createHash('sha1');
  for (const id of [...userIds].sort()) hash.update(id);
  return hash.digest('hex');
}

/**
 * The group message channel of 3–8 users (app/channel.go CreateGroupChannel):
 * found by its name if it exists, else created with every user a member and
 * the usernames, sorted, as display name.
 */
export function groupChannel(ctx: SimContext, userIds: string[], creatorId: string): Channel {
  const unique = [...new Set(userIds)];
  if (unique.length < 3 || unique.length > 8) throw new MmError(400, 'api.channel.create_group.bad_size.app_error', 'Group message channels must contain at least 3 and no more than 8 users.');
  const users = unique.map((id) => ctx.store.users.get(id));
  if (users.some((user) => user === undefined)) throw new MmError(400, 'api.channel.create_group.bad_user.app_error', 'One of the provided users does not exist.');
  const name = groupChannelName(unique);
  for (const channel of ctx.store.channels.values()) if (channel.type === 'G' && channel.name === name) return channel;
  const displayName = users.map((user) => user?.username ?? '').sort().join(', ');
  const channel = createChannel(ctx, {team_id: '', name, display_name: displayName, type: 'G', creator_id: creatorId});
  for (const id of unique) addChannelMember(ctx, channel.id, id, {silent: true});
  return channel;
}
