import {z} from 'zod';
import {requireCaller, resolveCaller} from '../../auth';
import {MmError} from '../../errors';
import {parseBody, userIdParam} from '../../request';
import type {RouteModule} from '../../server';
import {canManageUserOrBot, hasPermission, requirePermission} from '../../services/permissions';
import {createUser, deactivateUser, presentUser, reactivateUser, sanitizeUser, updateUser} from '../../services/users';
import type {User} from '../../store/entities';
import {findUserByUsername, isSystemAdmin} from '../../store/store';

// Changing users (api4/user.go createUser, patchUser, updateUserRoles,
// deleteUser, updateUserActive). TeamSettings.EnableUserDeactivation keeps
// Mattermost's default (false): only admins deactivate accounts.

const missingUser = () => new MmError(404, 'app.user.missing_account.const', 'Unable to find the user.');

function existingUser(users: Map<string, User>, id: string): User {
  const user = users.get(id);
  if (!user) throw missingUser();
  return user;
}

const newUserBody = z.object({
  username: z.string(),
  email: z.string(),
  password: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  nickname: z.string().optional(),
  position: z.string().optional(),
  locale: z.string().optional(),
});

/** model.UserPatch; `password` only confirms an email change. */
const userPatchBody = z.object({
  username: z.string().optional(),
  nickname: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  position: z.string().optional(),
  email: z.string().optional(),
  password: z.string().optional(),
  locale: z.string().optional(),
  props: z.record(z.string(), z.string()).optional(),
  notify_props: z.record(z.string(), z.string()).optional(),
  timezone: z.object({useAutomaticTimezone: z.enum(['true', 'false']), automaticTimezone: z.string(), manualTimezone: z.string()}).optional(),
});

/** model.IsValidUserRoles: built-in roles only, and never system_admin alone. */
const ASSIGNABLE_ROLES = new Set(['system_user', 'system_admin', 'system_guest', 'system_post_all', 'system_post_all_public', 'system_user_access_token']);
const rolesBody = z.object({roles: z.string()});

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const userWriteRoutes: RouteModule = (app, ctx) => {
  app.post('/api/v4/users', async (request, reply) => {
    const caller = resolveCaller(ctx, request);
    const body = parseBody(newUserBody, request.body, 'user');
    // Without an invite, only admins create accounts (CreateUserAsAdmin);
    // signup is closed by default (TeamSettings.EnableOpenServer false).
    if (!caller || !isSystemAdmin(caller.user)) throw new MmError(403, 'api.user.create_user.no_open_server', 'This server does not allow open signups.  Please speak with your Administrator to receive an invitation.');
    if (!EMAIL.test(body.email)) throw new MmError(400, 'model.user.is_valid.email.app_error', 'Invalid email.');
    const user = createUser(ctx, {...body, roles: 'system_user'});
    ctx.hub.publish('new_user', {user_id: user.id}, {});
    return reply.status(201).send(sanitizeUser(user));
  });

  app.put('/api/v4/users/:user_id/patch', async (request) => {
    const caller = requireCaller(ctx, request);
    const userId = userIdParam(request, caller);
    const patch = parseBody(userPatchBody, request.body, 'user');
    requirePermission(canManageUserOrBot(ctx, caller.user, userId), caller.user, 'edit_other_users');
    const user = ctx.store.users.get(userId);
    if (!user) throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing user_id in request body.');
    if (isSystemAdmin(user)) requirePermission(hasPermission(caller.user, 'manage_system'), caller.user, 'manage_system');
    if (patch.email !== undefined && patch.email !== user.email && caller.user.id === userId) {
      if (patch.password === undefined) throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing password in request body.');
      if (ctx.store.credentials.get(userId)?.password !== patch.password) throw new MmError(401, 'api.user.check_user_password.invalid.app_error', 'Login failed because of invalid password');
    }
    if (patch.username !== undefined && patch.username.toLowerCase() !== user.username && findUserByUsername(ctx.store, patch.username)) {
      throw new MmError(400, 'app.user.save.username_exists.app_error', 'An account with that username already exists.');
    }
    const {password: _password, ...changes} = patch;
    const updated = updateUser(ctx, userId, {...changes, ...(changes.username ? {username: changes.username.toLowerCase()} : {})});
    return presentUser(ctx, updated, caller.user);
  });

  app.put('/api/v4/users/:user_id/roles', async (request) => {
    const caller = requireCaller(ctx, request);
    const userId = userIdParam(request, caller);
    const parsed = rolesBody.safeParse(request.body);
    const roles = parsed.success ? parsed.data.roles.split(/\s+/).filter((role) => role !== '') : [];
    if (roles.length === 0 || roles.some((role) => !ASSIGNABLE_ROLES.has(role)) || (roles.length === 1 && roles[0] === 'system_admin')) {
      throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing roles in request body.');
    }
    requirePermission(hasPermission(caller.user, 'manage_roles'), caller.user, 'manage_roles');
    const user = existingUser(ctx.store.users, userId);
    // app/user.go UpdateUserRoles: a direct store update, then user_role_updated to the user.
    const newRoles = roles.join(' ');
    ctx.store.users.set(userId, {...user, roles: newRoles, update_at: ctx.now()});
    ctx.hub.publish('user_role_updated', {user_id: userId, roles: newRoles}, {user_id: userId});
    return {status: 'OK'};
  });

  app.delete('/api/v4/users/:user_id', async (request) => {
    const caller = requireCaller(ctx, request);
    const userId = userIdParam(request, caller);
    requirePermission(canManageUserOrBot(ctx, caller.user, userId), caller.user, 'edit_other_users');
    const isAdmin = hasPermission(caller.user, 'manage_system');
    if (userId === caller.user.id && !isAdmin) throw new MmError(401, 'api.user.update_active.not_enable.app_error', 'You cannot deactivate yourself because this feature is not enabled. Please contact your System Administrator.');
    const user = existingUser(ctx.store.users, userId);
    if (isSystemAdmin(user)) requirePermission(isAdmin, caller.user, 'manage_system');
    deactivateUser(ctx, userId);
    return {status: 'OK'};
  });

  app.put('/api/v4/users/:user_id/active', async (request) => {
    const caller = requireCaller(ctx, request);
    const userId = userIdParam(request, caller);
    const parsed = z.object({active: z.boolean()}).safeParse(request.body);
    if (!parsed.success) throw new MmError(400, 'api.context.invalid_body_param.app_error', 'Invalid or missing active in request body.');
    const {active} = parsed.data;
    const selfDeactivate = !active && userId === caller.user.id;
    if (!selfDeactivate && !hasPermission(caller.user, 'sysconsole_write_user_management_users')) {
      throw new MmError(403, 'api.user.update_active.permissions.app_error', 'You do not have the appropriate permissions.');
    }
    if (selfDeactivate) throw new MmError(401, 'api.user.update_active.not_enable.app_error', 'You cannot deactivate yourself because this feature is not enabled. Please contact your System Administrator.');
    const user = existingUser(ctx.store.users, userId);
    if (isSystemAdmin(user)) requirePermission(hasPermission(caller.user, 'manage_system'), caller.user, 'manage_system');
    if (active) reactivateUser(ctx, userId);
    else deactivateUser(ctx, userId);
    ctx.hub.publish('user_activation_status_change', {}, {});
    return {status: 'OK'};
  });
};
