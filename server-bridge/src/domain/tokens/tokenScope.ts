import {errors} from '../../errors';
import type {ChannelAccess} from '../tasks/ports';
import type {Caller} from '../tasks/task';

// What an API token may see and change. A token caller is the Baton bot,
// which Mattermost does not make a member of the firm's channels, so the
// usual visibility (channel membership, domain/tasks/visibility.ts) would
// show it nothing. Instead each token caller gets its own view of channel
// access: the bot "belongs" to the token's channels (every channel when the
// token has no list), and everyone else's membership is Mattermost's as
// usual (holders and role holders must still be real members). Services built
// on that view apply every other rule unchanged: a task outside the token's
// channels is not found (404) like any invisible task, and creating there is
// refused (403).

export type TokenVia = Extract<NonNullable<Caller['via']>, {kind: 'token'}>;

export function isTokenCaller(value: unknown): value is Caller & {via: TokenVia} {
  if (value === null || typeof value !== 'object' || !('userId' in value) || !('via' in value)) return false;
  const via = (value as {via?: {kind?: unknown}}).via;
  return via?.kind === 'token';
}

export interface TokenAccessDeps {
  /** Mattermost's answers, for everyone but the token's bot. */
  access: ChannelAccess;
  /** Every channel that has tasks: what "every channel" lists for a token without a channel list. */
  taskChannelIds(): Promise<string[]>;
}

/** Channel access as one token caller sees it. */
export function tokenChannelAccess({access, taskChannelIds}: TokenAccessDeps, caller: Caller & {via: TokenVia}): ChannelAccess {
  // Absent (not from the token service): no channel at all, never every channel.
  const allowed = caller.via.channelIds === undefined ? [] : caller.via.channelIds;
  const isBot = (userId: string) => userId === caller.userId;
  return {
    ...access,
    // "Every channel" still means an existing one: a task is not made in a channel Mattermost does not know.
    isMember: async (userId, channelId) =>
      isBot(userId) ? (allowed ? allowed.includes(channelId) : (await access.channelName(channelId)) !== undefined) : access.isMember(userId, channelId),
    memberChannelIds: async (userId) => (isBot(userId) ? (allowed ? [...allowed] : taskChannelIds()) : access.memberChannelIds(userId)),
    // A token never administers a channel or the system.
    canManageChannel: async (userId, channelId) => (isBot(userId) ? false : access.canManageChannel(userId, channelId)),
    isSystemAdmin: async (userId) => (isBot(userId) ? false : access.isSystemAdmin(userId)),
    isGuest: async (userId) => (isBot(userId) ? false : access.isGuest(userId)),
  };
}

/**
 * The service for each caller: token callers get one built on their own
 * channel view (`forToken`), everyone else the shared one. Routes keep
 * calling one service object; which instance answers is decided by the
 * Caller each method is given (the first Caller-shaped argument), so no
 * route can forget the token's limits. Non-function members (e.g. the task
 * service's `operations`, which authorize nothing) are the shared ones.
 */
export function perTokenCaller<S extends object>(shared: S, forToken: (caller: Caller & {via: TokenVia}) => S): S {
  return new Proxy(shared, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        const caller = args.find(isTokenCaller);
        if (!caller) return Reflect.apply(member, target, args);
        const scoped = forToken(caller);
        return Reflect.apply(Reflect.get(scoped, property) as (...a: unknown[]) => unknown, scoped, args);
      };
    },
  });
}

/** Tokens create tasks in channels only: a personal task of the bot would be every unrestricted token's at once. */
export function requireChannelForToken(caller: Caller, channelId: string | null | undefined): void {
  if (isTokenCaller(caller) && !channelId) {
    throw errors.forbidden('token_channel', 'API tokens create tasks in a channel: give channelId.');
  }
}

/** The task service as a token caller gets it: creating needs a channel. */
export function requiringChannelForTokens<S extends {create(caller: Caller, draft: {channelId?: string | null}): Promise<unknown>}>(service: S): S {
  return {
    ...service,
    create: async (caller: Caller, draft: {channelId?: string | null}) => {
      requireChannelForToken(caller, draft.channelId);
      return service.create(caller, draft);
    },
  } as S;
}
