import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {Channel, User} from '../store/entities';
import {isSystemAdmin, memberKey} from '../store/store';

// The permission checks the integration routes need, with Mattermost's
// default role permissions (server/public/model/role.go MakeDefaultRoles) and
// its lookup order (server/channels/app/authorization.go):
//   SessionHasPermissionToTeam: team "" → no; team member roles; system roles.
//   SessionHasPermissionToChannel: channel member roles; else the channel's
//     team; else (DM/GM) system roles; an unknown channel → no.
//   SessionHasPermissionToChannelByPost: member roles of the post's channel;
//     else that channel's team; else system roles.
// A system admin has every permission. Only what these routes use is listed.

export type Permission =
  | 'create_post'
  | 'read_channel_content'
  | 'read_public_channel'
  | 'view_team'
  | 'manage_own_slash_commands'
  | 'manage_others_slash_commands';

const ROLE_PERMISSIONS: Record<string, readonly Permission[]> = {
  channel_user: ['create_post', 'read_channel_content'],
  channel_guest: ['create_post', 'read_channel_content'],
  channel_admin: [],
  team_user: ['view_team', 'read_public_channel'],
  team_guest: ['view_team'],
  // team_admin holds manage_slash_commands (own) and manage_others_slash_commands;
  // team_user does not, so by default only team and system admins manage commands.
  team_admin: ['manage_own_slash_commands', 'manage_others_slash_commands'],
};

function rolesGrant(roles: string, permission: Permission): boolean {
  return roles.split(' ').some((role) => ROLE_PERMISSIONS[role]?.includes(permission) ?? false);
}

export function isTeamMember(ctx: SimContext, teamId: string, userId: string): boolean {
  const member = ctx.store.teamMembers.get(memberKey(teamId, userId));
  return member !== undefined && member.delete_at === 0;
}

export function hasSystemPermission(user: User, _permission: Permission): boolean {
  return isSystemAdmin(user);
}

export function hasTeamPermission(ctx: SimContext, user: User, teamId: string, permission: Permission): boolean {
  if (teamId === '') return false;
  const member = ctx.store.teamMembers.get(memberKey(teamId, user.id));
  if (member && member.delete_at === 0 && rolesGrant(member.roles, permission)) return true;
  return hasSystemPermission(user, permission);
}

export function hasChannelPermission(ctx: SimContext, user: User, channelId: string, permission: Permission): boolean {
  if (channelId === '') return false;
  const member = ctx.store.channelMembers.get(memberKey(channelId, user.id));
  if (member && rolesGrant(member.roles, permission)) return true;
  const channel = ctx.store.channels.get(channelId);
  if (!channel) return false;
  if (channel.team_id !== '') return hasTeamPermission(ctx, user, channel.team_id, permission);
  return hasSystemPermission(user, permission);
}

export function hasChannelPermissionByPost(ctx: SimContext, user: User, postId: string, permission: Permission): boolean {
  const post = ctx.store.posts.get(postId);
  const channel = post ? ctx.store.channels.get(post.channel_id) : undefined;
  if (channel) {
    const member = ctx.store.channelMembers.get(memberKey(channel.id, user.id));
    if (member && rolesGrant(member.roles, permission)) return true;
    if (channel.team_id !== '') return hasTeamPermission(ctx, user, channel.team_id, permission);
  }
  return hasSystemPermission(user, permission);
}

/** app.HasPermissionToReadChannel: read_channel_content, or any team member for an open channel. */
export function canReadChannel(ctx: SimContext, user: User, channel: Channel): boolean {
  if (hasChannelPermission(ctx, user, channel.id, 'read_channel_content')) return true;
  return channel.type === 'O' && hasTeamPermission(ctx, user, channel.team_id, 'read_public_channel');
}

/** model.MakePermissionError: the message never says which permission; detailed_error does. */
export function permissionError(user: User, permission: Permission): MmError {
  return new MmError(403, 'api.context.permissions.app_error', 'You do not have the appropriate permissions.', `userId=${user.id}, permission=${permission},`);
}
