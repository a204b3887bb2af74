import {requireCaller} from '../../auth';
import {MmError} from '../../errors';
import {boolQuery, idParam, userIdParam} from '../../request';
import type {RouteModule} from '../../server';
import {canManageUser, hasPermission, hasTeamPermission, requirePermission} from '../../services/permissions';
import {presentChannelMember, presentTeam} from '../../services/presenters';
import type {Channel} from '../../store/entities';
import {memberKey} from '../../store/store';

// A user's teams and channels (api4/team.go getTeamsForUser; api4/channel.go
// getChannelsForTeamForUser, getChannelMembersForTeamForUser). A team's
// channel list includes the user's direct and group messages, as
// store GetChannels(teamId, userId) does.

function userChannelsInTeam(channels: Iterable<Channel>, isMember: (channelId: string) => boolean, teamId: string, includeDeleted: boolean): Channel[] {
  return [...channels].filter((channel) => (channel.team_id === teamId || channel.team_id === '') && isMember(channel.id) && (includeDeleted || channel.delete_at === 0));
}

export const userMembershipRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v4/users/:user_id/teams', async (request) => {
    const caller = requireCaller(ctx, request);
    const userId = userIdParam(request, caller);
    if (userId !== caller.user.id) requirePermission(hasPermission(caller.user, 'sysconsole_read_user_management_users'), caller.user, 'sysconsole_read_user_management_users');
    const teams = [...ctx.store.teams.values()].filter((team) => {
      const member = ctx.store.teamMembers.get(memberKey(team.id, userId));
      return team.delete_at === 0 && member !== undefined && member.delete_at === 0;
    });
    return teams.map((team) => presentTeam(ctx, team, caller.user));
  });

  app.get('/api/v4/users/:user_id/teams/:team_id/channels', async (request) => {
    const caller = requireCaller(ctx, request);
    const userId = userIdParam(request, caller);
    const teamId = idParam(request, 'team_id');
    requirePermission(canManageUser(ctx, caller.user, userId), caller.user, 'edit_other_users');
    requirePermission(hasTeamPermission(ctx, caller.user, teamId, 'view_team'), caller.user, 'view_team');
    const channels = userChannelsInTeam(ctx.store.channels.values(), (channelId) => ctx.store.channelMembers.has(memberKey(channelId, userId)), teamId, boolQuery(request, 'include_deleted'));
    if (channels.length === 0) throw new MmError(404, 'app.channel.get_channels.not_found.app_error', 'No channels were found.');
    return channels;
  });

  app.get('/api/v4/users/:user_id/teams/:team_id/channels/members', async (request) => {
    const caller = requireCaller(ctx, request);
    const userId = userIdParam(request, caller);
    const teamId = idParam(request, 'team_id');
    requirePermission(hasTeamPermission(ctx, caller.user, teamId, 'view_team'), caller.user, 'view_team');
    if (userId !== caller.user.id) requirePermission(hasTeamPermission(ctx, caller.user, teamId, 'manage_system'), caller.user, 'manage_system');
    const channels = userChannelsInTeam(ctx.store.channels.values(), (channelId) => ctx.store.channelMembers.has(memberKey(channelId, userId)), teamId, false);
    return channels.flatMap((channel) => {
      const member = ctx.store.channelMembers.get(memberKey(channel.id, userId));
      return member ? [presentChannelMember(member, caller.user.id)] : [];
    });
  });
};
