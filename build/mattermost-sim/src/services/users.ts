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

/** Changes user fields and broadcasts `user_updated` to everyone, like Mattermost. */
export function updateUser(ctx: SimContext, userId: string, changes: Partial<Omit<User, 'id' | 'create_at'>>): User {
  const user = ctx.store.users.get(userId);
  if (!user) throw new MmError(404, 'app.user.missing_account.const', 'Unable to find the user.');
  const updated: User = {...user, ...changes, update_at: ctx.now()};
  ctx.store.users.set(userId, updated);
  ctx.hub.publish('user_updated', {user: sanitizeUser(updated)}, {});
  return updated;
}

export function deactivateUser(ctx: SimContext, userId: string): User {
  const updated = updateUser(ctx, userId, {delete_at: ctx.now()});
  for (const [token, session] of ctx.store.sessions) if (session.user_id === userId) ctx.store.sessions.delete(token);
  return updated;
}

/** What other users may see of a user (no auth data, no password). */
export function sanitizeUser(user: User): User {
  return {...user};
}

export function createBot(ctx: SimContext, input: {username: string; display_name?: string; description?: string; owner_id: string}): Bot {
  const user = createUser(ctx, {username: input.username, first_name: input.display_name ?? ''}, {isBot: true, botDescription: input.description ?? ''});
  const bot: Bot = {
    user_id: user.id,
    username: user.username,
    display_name: input.display_name ?? '',
    description: input.description ?? '',
    owner_id: input.owner_id,
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
