import type {FastifyInstance, FastifyReply, FastifyRequest} from 'fastify';
import type {Caller} from '../domain/tasks/task';
import {errors} from '../errors';
import type {SessionVerification} from './bridgeSession';
import {callerRateLimit} from './rateLimits';
import {requireTokenScope} from './tokenScopes';

// Who is calling the REST API: the bridge session token (or a business
// system's API token) in `Authorization: Bearer <token>`, and nowhere else. A token in a query
// string would end up in proxy logs and browser history, so it is ignored.

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller on routes behind requireCaller; null elsewhere. */
    caller: Caller | null;
  }
}

/**
 * Checks a bearer token: a webapp session (`verifyActiveSession`) or an API
 * token of a business system (http/apiTokenAuth.ts), which names its caller.
 */
export type VerifyBearerToken = (token: string) => Promise<SessionVerification | {ok: true; caller: Caller}>;

// RFC 6750 §2.1 b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)\s*$/i;

/** Declares `request.caller` once per server, so every request object has the same shape. */
export function decorateCaller(server: FastifyInstance): void {
  if (!server.hasRequestDecorator('caller')) server.decorateRequest('caller', null);
}

/**
 * An onRequest (or preHandler) hook: answers 401 `baton.unauthorized` with
 * `details.reason` (missing, malformed, expired, bad_signature, deactivated) unless the
 * request carries a valid session, then sets `request.caller`. As onRequest
 * it refuses before the body is read.
 */
export function requireCaller(verify: VerifyBearerToken) {
  return async function requireCallerHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
    if (token === undefined) {
      void reply.header('www-authenticate', 'Bearer realm="baton"');
      throw errors.unauthorized('missing');
    }
    const result = await verify(token);
    if (!result.ok) {
      void reply.header('www-authenticate', 'Bearer realm="baton", error="invalid_token"');
      throw errors.unauthorized(result.reason);
    }
    request.caller = 'caller' in result ? result.caller : {userId: result.session.userId, guest: result.session.guest};
    // An API token only where its scopes allow (http/tokenScopes.ts).
    requireTokenScope(request);
  };
}

/** The caller of a route behind requireCaller; a route registered without it fails closed with 401. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw errors.unauthorized('missing');
  return request.caller;
}

/**
 * Registers routes that all need a caller: an encapsulated scope whose
 * onRequest hook is requireCaller. Routes outside it (health checks, the
 * OpenAPI document, Mattermost's command callbacks) are not affected.
 */
export function registerAuthenticatedRoutes(server: FastifyInstance, verify: VerifyBearerToken, register: (scope: FastifyInstance) => void): void {
  decorateCaller(server);
  void server.register(async (scope) => {
    scope.addHook('onRequest', requireCaller(verify));
    // After the caller is known: budgets are per API token and per person.
    scope.addHook('onRequest', callerRateLimit(scope));
    register(scope);
  });
}
