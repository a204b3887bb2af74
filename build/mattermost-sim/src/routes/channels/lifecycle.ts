import {z} from 'zod';
import {requireCaller} from '../../auth';
import {MmError, mmErrors} from '../../errors';
import {isValidId} from '../../ids';
import {boolQuery, idParam, parseBody, pathParams} from '../../request';
import type {RouteModule} from '../../server';
import {addChannelMember, archiveChannel, createChannel, directChannel, groupChannel} from '../../services/channels';
import {canSeeUser, hasChannelPermission, hasPermission, hasTeamPermission, requirePermission} from '../../services/permissions';
import {postChannelArchived} from '../../services/systemPosts';
import type {Channel} from '../../store/entities';
import {findChannelByName} from '../../store/store';

// Creating, reading and archiving channels (api4/channel.go createChannel,
// createDirectChannel, createGroupChannel, getChannel, getChannelByName,
// getChannelByNameForTeamName, deleteChannel).

export const channelNotFound = () => new MmError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');

const newChannelBody = z.object({
  team_id: z.string().default(''),
  name: z.string().default(''),
  display_name: z.string().default(''),
  type: z.enum(['O', 'P', 'D', 'G']).default('O'),
  purpose: z.string().default(''),
  header: z.string().default(''),
});

/** model.IsValidChannelIdentifier, for RequireChannelName. */
const CHANNEL_NAME = /^[a-z0-9_-]{1,64}$/;

/** model.NonSortedArrayFromJSON / SortedArrayFromJSON: a JSON array of strings, deduplicated. */
function idArray(body: unknown): string[] {
  const parsed = z.array(z.string()).safeParse(body);
  if (!parsed.success) throw mmErrors.payloadParse();
  return [...new Set(parsed.data)];
}

export const channelLifecycleRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v4/channels', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const body = parseBody(newChannelBody, request.body, 'channel');
    if (body.team_id === '') throw mmErrors.invalidBodyParam('team_id');
    if (body.display_name === '') throw mmErrors.invalidBodyParam('display_name');
    if (body.type === 'O') requirePermission(hasTeamPermission(ctx, caller.user, body.team_id, 'create_public_channel'), caller.user, 'create_public_channel');
    if (body.type === 'P') requirePermission(hasTeamPermission(ctx, caller.user, body.team_id, 'create_private_channel'), caller.user, 'create_private_channel');
    if (body.type === 'D' || body.type === 'G') throw new MmError(400, 'api.channel.create_channel.direct_channel.app_error', 'Must use createDirectChannel API service for direct message channel creation.');
    if (!ctx.store.teams.has(body.team_id)) throw new MmError(404, 'app.team.get.find.app_error', 'Unable to find the existing team.');
    // CreateChannelWithUser: the creator joins as channel admin.
    const channel = createChannel(ctx, {...body, creator_id: caller.user.id});
    addChannelMember(ctx, channel.id, caller.user.id, {admin: true, silent: true});
    return reply.status(201).send(channel);
  });

  app.post('/api/v4/channels/direct', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    let userIds = idArray(request.body);
    // A single id is allowed for a self-DM.
    if (userIds.length === 1 && userIds[0] === caller.user.id) userIds = [caller.user.id, caller.user.id];
    if (userIds.length !== 2) throw mmErrors.invalidBodyParam('user_ids');
    if (userIds.some((id) => !isValidId(id))) throw mmErrors.invalidBodyParam('user_id');
    requirePermission(hasPermission(caller.user, 'create_direct_channel'), caller.user, 'create_direct_channel');
    if (!userIds.includes(caller.user.id)) requirePermission(hasPermission(caller.user, 'manage_system'), caller.user, 'manage_system');
    const [first, second] = userIds as [string, string];
    const other = first === caller.user.id ? second : first;
    requirePermission(canSeeUser(ctx, caller.user, other), caller.user, 'view_members');
    if (!ctx.store.users.has(first) || !ctx.store.users.has(second)) throw new MmError(400, 'api.channel.create_direct_channel.invalid_user.app_error', 'Invalid user ID for direct channel creation.');
    return reply.status(201).send(directChannel(ctx, first, second));
  });

  app.post('/api/v4/channels/group', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const userIds = idArray(request.body).sort();
    if (userIds.length === 0) throw mmErrors.invalidBodyParam('user_ids');
    if (userIds.some((id) => !isValidId(id))) throw mmErrors.invalidBodyParam('user_id');
    if (!userIds.includes(caller.user.id)) userIds.push(caller.user.id);
    requirePermission(hasPermission(caller.user, 'create_group_channel'), caller.user, 'create_group_channel');
    requirePermission(
      userIds.every((id) => canSeeUser(ctx, caller.user, id)),
      caller.user,
      'view_members',
    );
    return reply.status(201).send(groupChannel(ctx, userIds, caller.user.id));
  });

  app.get('/api/v4/channels/:channel_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const channel = ctx.store.channels.get(idParam(request, 'channel_id'));
    if (!channel) throw channelNotFound();
    // Open channels: readable by the team (read_public_channel) or a member;
    // anything else only with read_channel — members and admins.
    const teamMayRead = channel.type === 'O' && hasTeamPermission(ctx, caller.user, channel.team_id, 'read_public_channel');
    requirePermission(teamMayRead || hasChannelPermission(ctx, caller.user, channel.id, 'read_channel'), caller.user, 'read_channel');
    return channel;
  });

  const byName = (channel: Channel | undefined, callerId: string): Channel => {
    const caller = ctx.store.users.get(callerId);
    if (!channel || !caller) throw new MmError(404, 'app.channel.get_by_name.missing.app_error', 'Channel does not exist.');
    const channelOk = hasChannelPermission(ctx, caller, channel.id, 'read_channel');
    if (channel.type === 'O') {
      requirePermission(channelOk || hasTeamPermission(ctx, caller, channel.team_id, 'read_public_channel'), caller, 'read_public_channel');
    } else if (!channelOk && !hasTeamPermission(ctx, caller, channel.team_id, 'manage_team')) {
      // A private channel the caller cannot read does not exist for them.
      throw new MmError(404, 'app.channel.get_by_name.missing.app_error', 'Channel does not exist.', `teamId=${channel.team_id}, name=${channel.name}`);
    }
    return channel;
  };
  const channelName = (raw: string | undefined) => {
    if (!CHANNEL_NAME.test(raw ?? '')) throw mmErrors.invalidUrlParam('channel_name');
    return raw ?? '';
  };
  const visible = (channel: Channel | undefined, includeDeleted: boolean) => (channel && (includeDeleted || channel.delete_at === 0) ? channel : undefined);

  app.get('/api/v4/teams/:team_id/channels/name/:channel_name', async (request) => {
    const caller = requireCaller(ctx, request);
    const teamId = idParam(request, 'team_id');
    const name = channelName(pathParams(request).channel_name);
    return byName(visible(findChannelByName(ctx.store, teamId, name), boolQuery(request, 'include_deleted')), caller.user.id);
  });

  app.get('/api/v4/teams/name/:team_name/channels/name/:channel_name', async (request) => {
    const caller = requireCaller(ctx, request);
    const name = channelName(pathParams(request).channel_name);
    const team = [...ctx.store.teams.values()].find((candidate) => candidate.name === pathParams(request).team_name);
    if (!team) throw new MmError(404, 'app.team.get_by_name.missing.app_error', 'Unable to find the existing team.');
    return byName(visible(findChannelByName(ctx.store, team.id, name), boolQuery(request, 'include_deleted')), caller.user.id);
  });

  app.delete('/api/v4/channels/:channel_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const channel = ctx.store.channels.get(idParam(request, 'channel_id'));
    if (!channel) throw channelNotFound();
    if (channel.type === 'D' || channel.type === 'G') throw new MmError(400, 'api.channel.delete_channel.type.invalid', 'Unable to delete direct or group message channels');
    const permission = channel.type === 'O' ? 'delete_public_channel' : 'delete_private_channel';
    requirePermission(hasChannelPermission(ctx, caller.user, channel.id, permission), caller.user, permission);
    if (channel.delete_at > 0) throw new MmError(400, 'api.channel.delete_channel.deleted.app_error', 'The channel has been archived or deleted.');
    if (channel.name === 'town-square') throw new MmError(400, 'api.channel.delete_channel.cannot.app_error', 'Unable to delete the default channel town-square.');
    postChannelArchived(ctx, caller.user, channel);
    archiveChannel(ctx, channel);
    return {status: 'OK'};
  });
};
