import {z} from 'zod';
import {requireCaller} from '../../auth';
import {MmError} from '../../errors';
import {parseBody, userIdParam} from '../../request';
import type {RouteModule} from '../../server';
import {canManageUserOrBot, hasPermission, requirePermission} from '../../services/permissions';
import {createAccessToken} from '../../services/users';
import {isSystemAdmin} from '../../store/store';

// POST /users/{id}/tokens (api4/user.go createUserAccessToken, app
// CreateUserAccessToken), checks in Mattermost's order. The token is shown
// once, in this response.

export const userTokenRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v4/users/:user_id/tokens', async (request) => {
    const caller = requireCaller(ctx, request);
    const userId = userIdParam(request, caller);
    const user = ctx.store.users.get(userId);
    if (!user) throw new MmError(404, 'app.user.missing_account.const', 'Unable to find the user.');
    const {description} = parseBody(z.object({description: z.string().optional()}), request.body, 'user_access_token');
    if (!description) throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing description in request body.');
    requirePermission(hasPermission(caller.user, 'create_user_access_token'), caller.user, 'create_user_access_token');
    requirePermission(canManageUserOrBot(ctx, caller.user, userId), caller.user, 'edit_other_users');
    if (isSystemAdmin(user)) requirePermission(hasPermission(caller.user, 'manage_system'), caller.user, 'manage_system');
    // Bots are exempt from EnableUserAccessTokens.
    if (!ctx.config.ServiceSettings.EnableUserAccessTokens && !user.is_bot) {
      throw new MmError(501, 'app.user_access_token.disabled', 'Personal access tokens are disabled on this server. Please contact your system administrator for details.');
    }
    const token = createAccessToken(ctx, userId, description);
    return {id: token.id, token: token.token, user_id: token.user_id, description: token.description, is_active: token.is_active};
  });
};
