import type {SimContext} from '../context';
import {mmErrors} from '../errors';
import type {Channel, User} from '../store/entities';
import {memberKey} from '../store/store';

// Mattermost's role-based permissions, reduced to the built-in roles of a
// fresh install (server/public/model/role.go MakeDefaultRoles) and the checks
// of server/channels/app/authorization.go. system_admin has every permission.

export type Permission =
  | 'add_reaction'
  | 'add_user_to_team'
  | 'create_bot'
  | 'create_direct_channel'
  | 'create_group_channel'
  | 'create_post'
  | 'create_post_ephemeral'
  | 'create_post_public'
  | 'create_private_channel'
  | 'create_public_channel'
  | 'create_team'
  | 'create_user_access_token'
  | 'delete_others_posts'
  | 'delete_post'
  | 'delete_private_channel'
  | 'delete_public_channel'
  | 'edit_others_posts'
  | 'edit_other_users'
  | 'edit_post'
  | 'invite_user'
  | 'join_private_teams'
  | 'join_public_channels'
  | 'join_public_teams'
  | 'list_private_teams'
  | 'list_public_teams'
  | 'list_team_channels'
  | 'manage_bots'
  | 'manage_channel_roles'
  | 'manage_others_bots'
  | 'manage_private_channel_members'
  | 'manage_private_channel_properties'
  | 'manage_public_channel_members'
  | 'manage_public_channel_properties'
  | 'manage_roles'
  | 'manage_system'
  | 'manage_team'
  | 'read_bots'
  | 'read_channel'
  | 'read_channel_content'
  | 'read_deleted_posts'
  | 'read_others_bots'
  | 'read_public_channel'
  | 'read_user_access_token'
  | 'remove_reaction'
  | 'remove_user_from_team'
  | 'revoke_user_access_token'
  | 'sysconsole_read_plugins'
  | 'sysconsole_read_user_management_users'
  | 'sysconsole_write_plugins'
  | 'sysconsole_write_user_management_users'
  | 'upload_file'
  | 'use_channel_mentions'
  | 'view_members'
  | 'view_team';

/** role.go MakeDefaultRoles (the subset of permissions the simulator checks). */
export const defaultRolePermissions: Readonly<Record<string, readonly Permission[]>> = {
  system_guest: ['create_direct_channel', 'create_group_channel'],
  system_user: ['list_public_teams', 'join_public_teams', 'create_direct_channel', 'create_group_channel', 'view_members', 'create_team'],
  system_post_all: ['create_post', 'use_channel_mentions'],
  system_post_all_public: ['create_post_public', 'use_channel_mentions'],
  system_user_access_token: ['create_user_access_token', 'read_user_access_token', 'revoke_user_access_token'],
  team_guest: ['view_team'],
  team_user: ['list_team_channels', 'join_public_channels', 'read_public_channel', 'view_team', 'create_public_channel', 'create_private_channel', 'invite_user', 'add_user_to_team'],
  team_post_all: ['create_post', 'use_channel_mentions'],
  team_post_all_public: ['create_post_public', 'use_channel_mentions'],
  team_admin: ['remove_user_from_team', 'manage_team', 'manage_channel_roles', 'delete_post', 'delete_others_posts'],
  channel_guest: ['read_channel', 'read_channel_content', 'add_reaction', 'remove_reaction', 'upload_file', 'edit_post', 'create_post', 'use_channel_mentions'],
  channel_user: [
    'read_channel',
    'read_channel_content',
    'add_reaction',
    'remove_reaction',
    'manage_public_channel_members',
    'upload_file',
    'create_post',
    'use_channel_mentions',
    'manage_public_channel_properties',
    'delete_public_channel',
    'manage_private_channel_properties',
    'delete_private_channel',
    'manage_private_channel_members',
    'delete_post',
    'edit_post',
  ],
  channel_admin: ['manage_channel_roles'],
};

const roleNames = (roles: string) => roles.split(' ').filter((role) => role !== '');

/** RolesGrantPermission. system_admin stands for Mattermost's "all permissions" admin role. */
export function rolesGrant(roles: string, permission: Permission): boolean {
  return roleNames(roles).some((role) => role === 'system_admin' || (defaultRolePermissions[role] ?? []).includes(permission));
}

/** SessionHasPermissionTo: the user's system roles only. */
export function hasPermission(user: User, permission: Permission): boolean {
  return rolesGrant(user.roles, permission);
}

/** SessionHasPermissionToTeam: team member roles (active membership), then system roles. */
export function hasTeamPermission(ctx: SimContext, user: User, teamId: string, permission: Permission): boolean {
  if (teamId === '') return false;
  const member = ctx.store.teamMembers.get(memberKey(teamId, user.id));
  if (member && member.delete_at === 0 && rolesGrant(member.roles, permission)) return true;
  return hasPermission(user, permission);
}

/**
 * SessionHasPermissionToChannel: false for an unknown channel; channel member
 * roles; system admins; then the team (or, for DMs/GMs, system) roles.
 */
export function hasChannelPermission(ctx: SimContext, user: User, channelId: string, permission: Permission): boolean {
  const channel = ctx.store.channels.get(channelId);
  if (!channel) return false;
  const member = ctx.store.channelMembers.get(memberKey(channelId, user.id));
  if (member && rolesGrant(member.roles, permission)) return true;
  if (hasPermission(user, 'manage_system')) return true;
  if (channel.team_id !== '') return hasTeamPermission(ctx, user, channel.team_id, permission);
  return hasPermission(user, permission);
}

/**
 * HasPermissionToReadChannel: read_channel_content in the channel, or — for
 * open channels — read_public_channel in the team (so team members may read
 * an open channel they have not joined; guests never hold that permission).
 */
export function canReadChannel(ctx: SimContext, user: User, channel: Channel): boolean {
  if (hasChannelPermission(ctx, user, channel.id, 'read_channel_content')) return true;
  return channel.type === 'O' && hasTeamPermission(ctx, user, channel.team_id, 'read_public_channel');
}

/**
 * UserCanSeeOtherUser with GetViewUsersRestrictions: whoever holds
 * view_members (every system_user) sees everyone; others (guests) only see
 * themselves and people they share a channel with.
 */
export function canSeeUser(ctx: Pick<SimContext, 'store'>, viewer: User, otherId: string): boolean {
  if (viewer.id === otherId || hasPermission(viewer, 'view_members')) return true;
  for (const member of ctx.store.channelMembers.values()) {
    if (member.user_id === viewer.id && ctx.store.channelMembers.has(memberKey(member.channel_id, otherId))) return true;
  }
  return false;
}

/**
 * SessionHasPermissionToUser: admins, oneself, or edit_other_users for a
 * non-admin target.
 */
export function canManageUser(ctx: SimContext, caller: User, userId: string): boolean {
  if (hasPermission(caller, 'manage_system') || caller.id === userId) return true;
  if (!hasPermission(caller, 'edit_other_users')) return false;
  const target = ctx.store.users.get(userId);
  return target !== undefined && !target.roles.split(' ').includes('system_admin');
}

/**
 * SessionHasPermissionToUserOrBot: for a bot, the owner with manage_bots or
 * anyone with manage_others_bots; for a person, canManageUser.
 */
export function canManageUserOrBot(ctx: SimContext, caller: User, userId: string): boolean {
  const bot = ctx.store.bots.get(userId);
  if (!bot) return canManageUser(ctx, caller, userId);
  return bot.owner_id === caller.id ? hasPermission(caller, 'manage_bots') : hasPermission(caller, 'manage_others_bots');
}

/** Throws Mattermost's 403 unless `granted`. */
export function requirePermission(granted: boolean, user: User, ...permissions: Permission[]): void {
  if (!granted) throw mmErrors.permissionTo(user.id, ...permissions);
}
