import {z} from 'zod';
import {requireCaller} from '../auth';
import {MmError} from '../errors';
import {idParam, pagination, pageOf, parseBody, pathParams} from '../request';
import type {RouteModule} from '../server';
import {canSeeUser, hasPermission, hasTeamPermission, requirePermission} from '../services/permissions';
import {presentTeam} from '../services/presenters';
import {createTeamWithUser, joinUserToTeam} from '../services/teams';
import type {Team} from '../store/entities';
import {memberKey} from '../store/store';

// /api/v4/teams (api4/team.go createTeam, getAllTeams, getTeam,
// getTeamByName, getTeamMembers, getTeamMember, addTeamMember).

const teamNotFound = () => new MmError(404, 'app.team.get.find.app_error', 'Unable to find the existing team.');

const newTeamBody = z.object({name: z.string(), display_name: z.string(), type: z.enum(['O', 'I']).default('O')});
const newMemberBody = z.object({team_id: z.string().default(''), user_id: z.string().default('')});

/** model.IsValidTeamName, for RequireTeamName. */
const TEAM_NAME = /^[a-z0-9]+([a-z\-0-9]+|(__)?)[a-z0-9]+$/;

export const teamsRoutes: RouteModule = (app, ctx) => {
  const canViewTeam = (team: Team, userId: string) => {
    const user = ctx.store.users.get(userId);
    // Anyone may look at an open team that allows open invites.
    return (team.allow_open_invite && team.type === 'O') || (user !== undefined && hasTeamPermission(ctx, user, team.id, 'view_team'));
  };

  app.post('/api/v4/teams', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const body = parseBody(newTeamBody, request.body, 'team');
    if (!hasPermission(caller.user, 'create_team')) throw new MmError(403, 'api.team.is_team_creation_allowed.disabled.app_error', 'Team creation has been disabled. Please ask your System Administrator for details.');
    return reply.status(201).send(createTeamWithUser(ctx, body, caller.user));
  });

  app.get('/api/v4/teams', async (request) => {
    const caller = requireCaller(ctx, request);
    const listPrivate = hasPermission(caller.user, 'list_private_teams');
    const listPublic = hasPermission(caller.user, 'list_public_teams');
    if (!listPrivate && !listPublic) throw new MmError(403, 'api.team.get_all_teams.insufficient_permissions', "You don't have the appropriate permissions to list all teams");
    const teams = [...ctx.store.teams.values()]
      .filter((team) => team.delete_at === 0 && (team.allow_open_invite ? listPublic : listPrivate))
      .sort((a, b) => (a.display_name < b.display_name ? -1 : 1));
    return pageOf(teams, pagination(request)).map((team) => presentTeam(ctx, team, caller.user));
  });

  app.get('/api/v4/teams/:team_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const team = ctx.store.teams.get(idParam(request, 'team_id'));
    if (!team) throw teamNotFound();
    requirePermission(canViewTeam(team, caller.user.id), caller.user, 'view_team');
    return presentTeam(ctx, team, caller.user);
  });

  app.get('/api/v4/teams/name/:team_name', async (request) => {
    const caller = requireCaller(ctx, request);
    const name = pathParams(request).team_name ?? '';
    if (!TEAM_NAME.test(name)) throw new MmError(400, 'api.context.invalid_url_param.app_error', 'Invalid or missing team_name parameter in request URL.');
    const team = [...ctx.store.teams.values()].find((candidate) => candidate.name === name);
    if (!team) throw new MmError(404, 'app.team.get_by_name.missing.app_error', 'Unable to find the existing team.');
    requirePermission(canViewTeam(team, caller.user.id), caller.user, 'view_team');
    return presentTeam(ctx, team, caller.user);
  });

  app.get('/api/v4/teams/:team_id/members', async (request) => {
    const caller = requireCaller(ctx, request);
    const teamId = idParam(request, 'team_id');
    requirePermission(hasTeamPermission(ctx, caller.user, teamId, 'view_team'), caller.user, 'view_team');
    const members = [...ctx.store.teamMembers.values()].filter((member) => member.team_id === teamId && member.delete_at === 0 && canSeeUser(ctx, caller.user, member.user_id));
    return pageOf(members, pagination(request));
  });

  app.get('/api/v4/teams/:team_id/members/:user_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const teamId = idParam(request, 'team_id');
    const userId = idParam(request, 'user_id');
    requirePermission(hasTeamPermission(ctx, caller.user, teamId, 'view_team'), caller.user, 'view_team');
    requirePermission(canSeeUser(ctx, caller.user, userId), caller.user, 'view_members');
    const member = ctx.store.teamMembers.get(memberKey(teamId, userId));
    if (!member) throw new MmError(404, 'app.team.get_member.missing.app_error', 'No team member found for that user ID and team ID.');
    return member;
  });

  app.post('/api/v4/teams/:team_id/members', async (request, reply) => {
    const caller = requireCaller(ctx, request);
    const teamId = idParam(request, 'team_id');
    const parsed = newMemberBody.safeParse(request.body);
    if (!parsed.success) throw new MmError(400, 'api.team.add_team_member.invalid_body.app_error', 'Error parsing the body of the request.');
    const body = parsed.data;
    if (body.team_id !== teamId) throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing team_id in request body.');
    if (!/^[a-z0-9]{26}$/.test(body.user_id)) throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing user_id in request body.');
    const team = ctx.store.teams.get(teamId);
    if (body.user_id === caller.user.id) {
      if (!team) throw teamNotFound();
      const permission = team.allow_open_invite ? 'join_public_teams' : 'join_private_teams';
      requirePermission(hasPermission(caller.user, permission), caller.user, permission);
    } else {
      requirePermission(hasTeamPermission(ctx, caller.user, teamId, 'add_user_to_team'), caller.user, 'add_user_to_team');
    }
    if (!team) throw teamNotFound();
    const user = ctx.store.users.get(body.user_id);
    if (!user) throw new MmError(404, 'app.user.missing_account.const', 'Unable to find the user.');
    joinUserToTeam(ctx, team, user);
    return reply.status(201).send(ctx.store.teamMembers.get(memberKey(teamId, user.id)));
  });
};
