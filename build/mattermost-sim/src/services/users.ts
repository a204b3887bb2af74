import {randomBytes} from 'node:crypto';
import type {SimContext} from '../context';
import {MmError} from '../errors';
import type {Bot, Session, User, UserAccessToken} from '../store/entities';
import {findUserByUsername} from '../store/store';

// Creating people, bots, tokens and sessions. Used by the REST routes, the
// sandbox seed and tests (which set up state directly, then act over HTTP).

export interface NewUser {
  username: string;
  password?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  nickname?: string;
  position?: string;
  locale?: string;
  /** IANA zone; stored as Mattermost's manual timezone. */
  timezone?: string;
  roles?: 'system_user' | 'system_admin system_user' | 'system_guest';
}

// model/user.go: UserNameMinLength 1, UserNameMaxLength 64, first character a letter.
const USERNAME = /^[a-z][a-z0-9.\-_]{0,63}$/;

export function createUser(ctx: SimContext, input: NewUser, options: {isBot?: boolean; botDescription?: string} = {}): User {
  const username = input.username.toLowerCase();
  if (!USERNAME.test(username)) {
    throw new MmError(400, 'model.user.is_valid.username.app_error', 'Username must begin with a letter and contain between 1 and 64 lowercase characters made up of numbers, letters, and the symbols ".", "-", and "_".');
  }
  if (findUserByUsername(ctx.store, username)) {
    throw new MmError(400, 'app.user.save.username_exists.app_error', 'An account with that username already exists.');
  }
  const now = ctx.now();
  const user: User = {
    id: ctx.ids(),
    create_at: now,
    update_at: now,
    delete_at: 0,
    username,
    auth_service: '',
    email: input.email ?? `${username}@example.com`,
    nickname: input.nickname ?? '',
    first_name: input.first_name ?? '',
    last_name: input.last_name ?? '',
    position: input.position ?? '',
    roles: input.roles ?? 'system_user',
    locale: input.locale ?? 'en',
    timezone: {useAutomaticTimezone: input.timezone ? 'false' : 'true', automaticTimezone: input.timezone ? '' : 'UTC', manualTimezone: input.timezone ?? ''},
    is_bot: options.isBot ?? false,
    ...(options.isBot ? {bot_description: options.botDescription ?? ''} : {}),
    props: {},
    notify_props: {},
  };
  ctx.store.users.set(user.id, user);
  if (input.password !== undefined) ctx.store.credentials.set(user.id, {userId: user.id, password: input.password});
  return user;
}

/**
 * Changes user fields and broadcasts `user_updated` the way app/user.go
 * sendUpdatedUserEvent does: a full copy for admins and a sanitized copy for
 * everyone else (both omitting the user), and the user's own copy to them.
 */
export function updateUser(ctx: SimContext, userId: string, changes: Partial<Omit<User, 'id' | 'create_at'>>): User {
  const user = ctx.store.users.get(userId);
  if (!user) throw new MmError(404, 'app.user.missing_account.const', 'Unable to find the user.');
  const updated: User = {...user, ...changes, update_at: ctx.now()};
  ctx.store.users.set(userId, updated);
  publishUserUpdated(ctx, updated);
  return updated;
}

function publishUserUpdated(ctx: SimContext, user: User): void {
  const omitUsers = {[user.id]: true};
  ctx.hub.publish('user_updated', {user: sanitizeProfile(ctx, user, true)}, {omit_users: omitUsers, contains_sensitive_data: true});
  ctx.hub.publish('user_updated', {user: sanitizeProfile(ctx, user, false)}, {omit_users: omitUsers, contains_sanitized_data: true});
  ctx.hub.publish('user_updated', {user: sanitizeUser(user)}, {user_id: user.id});
}

/**
 * app/user.go UpdateActive(false): marks the account deleted, revokes its
 * sessions and broadcasts the change.
 */
export function deactivateUser(ctx: SimContext, userId: string): User {
  const updated = updateUser(ctx, userId, {delete_at: ctx.now()});
  for (const [token, session] of ctx.store.sessions) if (session.user_id === userId) ctx.store.sessions.delete(token);
  const bot = ctx.store.bots.get(userId);
  if (bot) ctx.store.bots.set(userId, {...bot, delete_at: updated.delete_at, update_at: updated.update_at});
  return updated;
}

/** app/user.go UpdateActive(true). */
export function reactivateUser(ctx: SimContext, userId: string): User {
  const updated = updateUser(ctx, userId, {delete_at: 0});
  const bot = ctx.store.bots.get(userId);
  if (bot) ctx.store.bots.set(userId, {...bot, delete_at: 0, update_at: updated.update_at});
  return updated;
}

/** What a user sees of themselves (model.User.Sanitize({})): no password or auth data, which the simulator never stores on User. */
export function sanitizeUser(user: User): User {
  return {...user};
}

/**
 * What others see (app/user.go SanitizeProfile → model.User.SanitizeProfile):
 * notify_props emptied; auth_service kept for admins only; email and names
 * hidden unless PrivacySettings allow them (admins always see them).
 */
export function sanitizeProfile(ctx: SimContext, user: User, asAdmin: boolean): User {
  const privacy = ctx.config.PrivacySettings;
  return {
    ...user,
    notify_props: {},
    auth_service: asAdmin ? user.auth_service : '',
    email: asAdmin || privacy.ShowEmailAddress ? user.email : '',
    first_name: asAdmin || privacy.ShowFullName ? user.first_name : '',
    last_name: asAdmin || privacy.ShowFullName ? user.last_name : '',
  };
}

/** A user as `viewer` may see them over the API (api4/user.go getUser). */
export function presentUser(ctx: SimContext, user: User, viewer: User): User {
  if (viewer.id === user.id) return sanitizeUser(user);
  return sanitizeProfile(ctx, user, viewer.roles.split(' ').includes('system_admin'));
}

/**
 * The checks of api4/user.go login → app AuthenticateUserForLogin, in their
 * order: a deactivated account is refused before the password is looked at
 * (CheckUserPreflightAuthenticationCriteria), bots may not log in, and every
 * other failure is masked as invalid credentials.
 */
export function authenticate(ctx: SimContext, loginId: string, password: string): User {
  const wanted = loginId.toLowerCase();
  const user = [...ctx.store.users.values()].find((candidate) => candidate.username === wanted || candidate.email.toLowerCase() === wanted);
  const invalid = new MmError(401, 'api.user.login.invalid_credentials_email_username', 'Enter a valid email or username and/or password.');
  if (!user) throw invalid;
  if (user.delete_at !== 0) throw new MmError(401, 'api.user.login.inactive.app_error', 'Login failed because your account has been deactivated. Please contact an administrator.');
  if (user.is_bot) throw new MmError(401, 'api.user.login.bot_login_forbidden.app_error', 'Bot login is forbidden.');
  if (password === '') throw new MmError(401, 'api.user.login.blank_pwd.app_error', 'Password field must not be blank');
  if (ctx.store.credentials.get(user.id)?.password !== password) throw invalid;
  return user;
}

export function createBot(ctx: SimContext, input: {username: string; display_name?: string; description?: string; owner_id: string}): Bot {
  // model.UserFromBot: bots get <username>@localhost and their display name as first name.
  const user = createUser(ctx, {username: input.username, email: `${input.username.toLowerCase()}@localhost`, first_name: input.display_name ?? ''}, {isBot: true, botDescription: input.description ?? ''});
  const bot: Bot = {
    user_id: user.id,
    username: user.username,
    display_name: input.display_name ?? '',
    description: input.description ?? '',
    owner_id: input.owner_id,
    last_icon_update: 0,
    create_at: user.create_at,
    update_at: user.update_at,
    delete_at: 0,
  };
  ctx.store.bots.set(bot.user_id, bot);
  return bot;
}

export function createAccessToken(ctx: SimContext, userId: string, description: string): UserAccessToken {
  const token: UserAccessToken = {id: ctx.ids(), token: ctx.ids(), user_id: userId, description, is_active: true};
  ctx.store.accessTokens.set(token.id, token);
  return token;
}

/** A login session (what POST /users/login creates). */
export function createSession(ctx: SimContext, userId: string): Session {
  const now = ctx.now();
  const session: Session = {
    id: ctx.ids(),
    token: ctx.ids(),
    user_id: userId,
    create_at: now,
    expires_at: now + 30 * 24 * 3600 * 1000,
    csrf_token: randomBytes(13).toString('hex'),
    kind: 'login',
  };
  ctx.store.sessions.set(session.token, session);
  return session;
}
