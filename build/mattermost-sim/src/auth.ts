import {timingSafeEqual} from 'node:crypto';
import {parse as parseCookies} from 'cookie';
import type {FastifyRequest} from 'fastify';
import type {SimContext} from './context';
import {mmErrors} from './errors';
import type {Session, User} from './store/entities';
import {isSystemAdmin} from './store/store';

// How Mattermost finds the session of a request (server/channels/web/handlers.go,
// app/session.go): an `Authorization: Bearer|Token <t>` header, else the
// MMAUTHTOKEN cookie — and for a cookie on a non-GET request, a CSRF check:
// X-CSRF-Token equal to the session's token, or X-Requested-With: XMLHttpRequest.

export interface Caller {
  session: Session;
  user: User;
}

function headerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^(?:bearer|token)\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function sessionForToken(ctx: SimContext, token: string): Session | undefined {
  const session = ctx.store.sessions.get(token);
  if (session) return session.expires_at === 0 || session.expires_at > ctx.now() ? session : undefined;
  for (const accessToken of ctx.store.accessTokens.values()) {
    if (accessToken.token !== token || !accessToken.is_active) continue;
    // app/session.go createSessionForUserAccessToken: with EnableUserAccessTokens
    // off, only bots' tokens still work (web/context.go SessionRequired agrees).
    const owner = ctx.store.users.get(accessToken.user_id);
    if (!ctx.config.ServiceSettings.EnableUserAccessTokens && !owner?.is_bot) return undefined;
    return {id: `pat-${accessToken.id}`, token, user_id: accessToken.user_id, create_at: 0, expires_at: 0, csrf_token: '', kind: 'access_token'};
  }
  return undefined;
}

/** The caller of a request, or undefined when it carries no valid credentials. */
export function resolveCaller(ctx: SimContext, request: FastifyRequest): Caller | undefined {
  let token = headerToken(request);
  let fromCookie = false;
  if (!token) {
    token = parseCookies(request.headers.cookie ?? '').MMAUTHTOKEN;
    fromCookie = token !== undefined;
  }
  if (!token) return undefined;
  const session = sessionForToken(ctx, token);
  if (!session) throw mmErrors.sessionExpired();
  if (fromCookie && request.method !== 'GET') {
    const csrf = request.headers['x-csrf-token'];
    const csrfOk = typeof csrf === 'string' && session.csrf_token !== '' && sameText(csrf, session.csrf_token);
    if (!csrfOk && request.headers['x-requested-with'] !== 'XMLHttpRequest') throw mmErrors.tokenCsrf();
  }
  const user = ctx.store.users.get(session.user_id);
  if (!user || user.delete_at !== 0) throw mmErrors.sessionExpired();
  return {session, user};
}

/** For routes that need a logged-in caller (almost all of /api/v4). */
export function requireCaller(ctx: SimContext, request: FastifyRequest): Caller {
  const caller = resolveCaller(ctx, request);
  if (!caller) throw mmErrors.sessionExpired();
  return caller;
}

export function requireSystemAdmin(ctx: SimContext, request: FastifyRequest): Caller {
  const caller = requireCaller(ctx, request);
  if (!isSystemAdmin(caller.user)) throw mmErrors.permissionTo(caller.user.id, 'manage_system');
  return caller;
}
