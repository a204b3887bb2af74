import rateLimit from '@fastify/rate-limit';
import type {FastifyInstance, FastifyReply, FastifyRequest} from 'fastify';
import {isTokenCaller} from '../domain/tokens/tokenScope';
import {errors} from '../errors';

// Request budgets of /api/v1, per API token and per person, counted after
// authentication (so the key is who is calling, not an address that a proxy
// or NAT shares). Counts live in the process: with several replicas each
// allows its own budget (a shared store would be Redis, which the bridge
// does not otherwise need). A refused request gets 429 `baton.rate_limited`
// in the usual error shape, with Retry-After.

export interface RateLimits {
  perTokenPerMinute: number;
  perUserPerMinute: number;
}

const WINDOW_MS = 60_000;

/** The rate-limit plugin, not applied to any route by itself: `callerRateLimit` applies it where callers are known. */
export function installRateLimits(server: FastifyInstance, limits: RateLimits): void {
  void server.register(rateLimit, {
    global: false,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => keyOf(request),
    max: async (request) => (isTokenCaller(request.caller) ? limits.perTokenPerMinute : limits.perUserPerMinute),
  });
}

function keyOf(request: FastifyRequest): string {
  const caller = request.caller;
  if (isTokenCaller(caller)) return `token:${caller.via.tokenId}`;
  return caller ? `user:${caller.userId}` : `ip:${request.ip}`;
}

/** Counts the request against its caller's budget; 429 with Retry-After once it is spent. */
export function callerRateLimit(scope: FastifyInstance): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  if (!scope.hasDecorator('createRateLimit')) return async () => {};
  const check = scope.createRateLimit();
  return async (request, reply) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const retryAfter = Math.max(1, result.ttlInSeconds);
    void reply.header('retry-after', String(retryAfter));
    throw errors.rateLimited(isTokenCaller(request.caller) ? 'token' : 'user', result.max, retryAfter);
  };
}
