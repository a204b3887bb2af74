import {z} from 'zod';
import {requireCaller} from '../../auth';
import {MmError} from '../../errors';
import {boolQuery, pagination, pageOf, parseBody, pathParams, queryParams, userIdParam} from '../../request';
import type {RouteModule} from '../../server';
import {canSeeUser, hasChannelPermission, hasPermission, hasTeamPermission, requirePermission} from '../../services/permissions';
import {presentUser, sanitizeProfile} from '../../services/users';
import type {User} from '../../store/entities';
import {channelMemberIds, findUserByUsername, teamMemberIds} from '../../store/store';

// Reading users (api4/user.go getUser, getUserByUsername, getUsersByIds,
// getUsers). Others are sanitized like app/user.go SanitizeProfile.

const missingUser = () => new MmError(404, 'app.user.missing_account.const', 'Unable to find the user.');

/** model.IsValidUsername (RequireUsername answers SetInvalidParam). */
const USERNAME = /^[a-z][a-z0-9.\-_]{0,63}$/;

export const userReadRoutes: RouteModule = (app, ctx) => {
  app.get('/api/v4/users/:user_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const userId = userIdParam(request, caller);
    requirePermission(canSeeUser(ctx, caller.user, userId), caller.user, 'view_members');
    const user = ctx.store.users.get(userId);
    if (!user) throw missingUser();
    return presentUser(ctx, user, caller.user);
  });

  app.get('/api/v4/users/username/:username', async (request) => {
    const caller = requireCaller(ctx, request);
    const username = (pathParams(request).username ?? '').toLowerCase();
    if (!USERNAME.test(username)) throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing username in request body.');
    const user = findUserByUsername(ctx.store, username);
    if (!user) throw new MmError(404, 'app.user.get_by_username.app_error', 'Unable to find an existing account matching your username for this team. This team may require an invite from the team owner to join.');
    requirePermission(canSeeUser(ctx, caller.user, user.id), caller.user, 'view_members');
    return presentUser(ctx, user, caller.user);
  });

  app.post('/api/v4/users/ids', async (request) => {
    const caller = requireCaller(ctx, request);
    const ids = parseBody(z.array(z.string()).min(1), request.body, 'user_ids');
    const asAdmin = hasPermission(caller.user, 'manage_system');
    // GetUsersByIds sanitizes every profile, the caller's own included.
    return [...new Set(ids)]
      .map((id) => ctx.store.users.get(id))
      .filter((user): user is User => user !== undefined && canSeeUser(ctx, caller.user, user.id))
      .map((user) => sanitizeProfile(ctx, user, asAdmin));
  });

  app.get('/api/v4/users', async (request) => {
    const caller = requireCaller(ctx, request);
    const query = queryParams(request);
    const inChannel = query.in_channel ?? '';
    const inTeam = query.in_team ?? '';
    const active = boolQuery(request, 'active');
    const inactive = boolQuery(request, 'inactive');
    if (active && inactive) throw new MmError(400, 'api.context.invalid_url_param.app_error', 'Invalid or missing inactive parameter in request URL.');
    let candidates: User[];
    if (inTeam !== '') {
      requirePermission(hasTeamPermission(ctx, caller.user, inTeam, 'view_team'), caller.user, 'view_team');
      const inTeamIds = new Set(teamMemberIds(ctx.store, inTeam));
      candidates = [...ctx.store.users.values()].filter((user) => inTeamIds.has(user.id));
      if (inChannel !== '') {
        const inChannelIds = new Set(channelMemberIds(ctx.store, inChannel));
        candidates = candidates.filter((user) => inChannelIds.has(user.id));
      }
    } else if (inChannel !== '') {
      requirePermission(hasChannelPermission(ctx, caller.user, inChannel, 'read_channel'), caller.user, 'read_channel');
      const inChannelIds = new Set(channelMemberIds(ctx.store, inChannel));
      candidates = [...ctx.store.users.values()].filter((user) => inChannelIds.has(user.id));
    } else {
      candidates = [...ctx.store.users.values()].filter((user) => canSeeUser(ctx, caller.user, user.id));
    }
    const asAdmin = hasPermission(caller.user, 'manage_system');
    const filtered = candidates
      .filter((user) => (active ? user.delete_at === 0 : inactive ? user.delete_at !== 0 : true))
      .sort((a, b) => (a.username < b.username ? -1 : 1));
    return pageOf(filtered, pagination(request)).map((user) => sanitizeProfile(ctx, user, asAdmin));
  });
};
