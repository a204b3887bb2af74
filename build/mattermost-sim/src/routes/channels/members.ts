import {z} from 'zod';
import {requireCaller} from '../../auth';
import {MmError, mmErrors} from '../../errors';
import {isValidId} from '../../ids';
import {idParam, pagination, pageOf} from '../../request';
import type {RouteModule} from '../../server';
import {addChannelMember, removeChannelMember} from '../../services/channels';
import {hasChannelPermission, hasTeamPermission, requirePermission, type Permission} from '../../services/permissions';
import {presentChannelMember} from '../../services/presenters';
import {postAddToChannel, postJoinChannel, postLeaveChannel, postRemoveFromChannel} from '../../services/systemPosts';
import type {Channel, User} from '../../store/entities';
import {memberKey} from '../../store/store';
import {channelNotFound} from './lifecycle';

// Channel memberships (api4/channel.go getChannelMembers, getChannelMember,
// addChannelMember, removeChannelMember; app/channel.go AddChannelMember,
// RemoveUserFromChannel), with the system posts Mattermost adds.

const missingMember = () => new MmError(404, 'app.channel.get_member.missing.app_error', 'No channel member found for that user ID and channel ID.');
const missingUser = () => new MmError(404, 'app.user.missing_account.const', 'Unable to find the user.');

const addMemberBody = z.object({user_id: z.string().optional(), user_ids: z.array(z.unknown()).optional()});

export const channelMemberRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v4/channels/:channel_id/members', async (request) => {
    const caller = requireCaller(ctx, request);
    const channelId = idParam(request, 'channel_id');
    requirePermission(hasChannelPermission(ctx, caller.user, channelId, 'read_channel'), caller.user, 'read_channel');
    const members = [...ctx.store.channelMembers.values()].filter((member) => member.channel_id === channelId);
    return pageOf(members, pagination(request)).map((member) => presentChannelMember(member, caller.user.id));
  });

  app.get('/api/v4/channels/:channel_id/members/:user_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const channelId = idParam(request, 'channel_id');
    const userId = idParam(request, 'user_id');
    requirePermission(hasChannelPermission(ctx, caller.user, channelId, 'read_channel'), caller.user, 'read_channel');
    const member = ctx.store.channelMembers.get(memberKey(channelId, userId));
    if (!member) throw missingMember();
    return presentChannelMember(member, caller.user.id);
  });

  app.post('/api/v4/channels/:channel_id/members', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const channelId = idParam(request, 'channel_id');
    const parsed = addMemberBody.safeParse(request.body ?? {});
    const body = parsed.success ? parsed.data : {};
    let userIds: string[];
    if (body.user_ids !== undefined) {
      if (body.user_ids.some((id) => typeof id !== 'string' || !isValidId(id))) throw mmErrors.invalidBodyParam('user_id in user_ids');
      userIds = body.user_ids as string[];
    } else {
      if (body.user_id === undefined || !isValidId(body.user_id)) throw mmErrors.invalidBodyParam('user_id or user_ids');
      userIds = [body.user_id];
    }
    const channel = ctx.store.channels.get(channelId);
    if (!channel) throw channelNotFound();
    if (caller.user.roles.split(' ').includes('system_guest')) requirePermission(hasChannelPermission(ctx, caller.user, channelId, 'read_channel'), caller.user, 'read_channel');
    if (channel.type === 'D' || channel.type === 'G') throw new MmError(400, 'api.channel.add_user_to_channel.type.app_error', 'Can not add user to this channel type.');
    if (channel.type === 'P') requirePermission(hasChannelPermission(ctx, caller.user, channelId, 'manage_private_channel_members'), caller.user, 'manage_private_channel_members');
    const canAddSelf = channel.type === 'O' && hasTeamPermission(ctx, caller.user, channel.team_id, 'join_public_channels');
    const canAddOthers = channel.type === 'O' && hasChannelPermission(ctx, caller.user, channelId, 'manage_public_channel_members');

    const added = [];
    let lastError: MmError | undefined;
    for (const userId of userIds) {
      try {
        const existing = ctx.store.channelMembers.get(memberKey(channelId, userId));
        const isSelf = userId === caller.user.id;
        if (channel.type === 'O' && !(isSelf && existing)) {
          if (isSelf && !canAddSelf) throw permissionError(caller.user, 'join_public_channels');
          if (!isSelf && !canAddOthers) throw permissionError(caller.user, 'manage_public_channel_members');
        }
        added.push(existing ?? addMember(channel, userId, caller.user));
      } catch (error) {
        if (!(error instanceof MmError)) throw error;
        lastError = error;
      }
    }
    if (lastError && added.length === 0) throw lastError;
    const presented = added.map((member) => presentChannelMember(member, caller.user.id));
    return reply.status(201).send(body.user_ids === undefined && presented.length === 1 ? presented[0] : presented);
  });

  /** app/channel.go AddChannelMember: the user must exist, be active and be in the team. */
  const addMember = (channel: Channel, userId: string, requestor: User) => {
    const user = ctx.store.users.get(userId);
    if (!user) throw missingUser();
    if (user.delete_at > 0) throw new MmError(403, 'app.channel.add_member.deleted_user.app_error', 'Unable to add the user as a member of the channel.');
    const teamMember = ctx.store.teamMembers.get(memberKey(channel.team_id, userId));
    if (!teamMember) throw new MmError(404, 'app.team.get_member.missing.app_error', 'No team member found for that user ID and team ID.');
    if (teamMember.delete_at > 0) throw new MmError(400, 'api.channel.add_user.to.channel.failed.deleted.app_error', 'Failed to add user to channel because they have been removed from the team.');
    addChannelMember(ctx, channel.id, userId);
    if (userId === requestor.id) postJoinChannel(ctx, user, channel);
    else postAddToChannel(ctx, requestor, user, channel);
    const member = ctx.store.channelMembers.get(memberKey(channel.id, userId));
    if (!member) throw missingMember();
    return member;
  };

  app.delete('/api/v4/channels/:channel_id/members/:user_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const channelId = idParam(request, 'channel_id');
    const userId = idParam(request, 'user_id');
    const channel = ctx.store.channels.get(channelId);
    if (!channel) throw channelNotFound();
    const user = ctx.store.users.get(userId);
    if (!user) throw missingUser();
    if (channel.type !== 'O' && channel.type !== 'P') throw new MmError(400, 'api.channel.remove_channel_member.type.app_error', 'Unable to remove user from a channel.');
    if (userId !== caller.user.id) {
      const permission: Permission = channel.type === 'O' ? 'manage_public_channel_members' : 'manage_private_channel_members';
      requirePermission(hasChannelPermission(ctx, caller.user, channelId, permission), caller.user, permission);
    }
    if (channel.name === 'town-square' && !user.roles.split(' ').includes('system_guest')) {
      throw new MmError(400, 'api.channel.remove.default.app_error', 'Unable to remove user from the default channel town-square.');
    }
    removeChannelMember(ctx, channelId, userId, caller.user.id);
    if (userId === caller.user.id) postLeaveChannel(ctx, user, channel);
    else postRemoveFromChannel(ctx, caller.user, user, channel);
    return {status: 'OK'};
  });
};

function permissionError(user: User, permission: Permission): MmError {
  return mmErrors.permissionTo(user.id, permission);
}
