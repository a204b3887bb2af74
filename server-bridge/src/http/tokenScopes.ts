import type {FastifyRequest} from 'fastify';
import {API_V1, type ApiTokenScope} from '../contract';
import {isTokenCaller} from '../domain/tokens/tokenScope';
import {errors} from '../errors';

// Which scope each route needs from an API token, in one table. A route not
// listed here is for people's sessions only (the webapp's /me and /stream,
// admin, stats, recurrences, channel settings, template editing): a token
// gets 403 there. Fail closed: a new route is closed to tokens until it is
// given a scope here.

export const TOKEN_ROUTE_SCOPES: Readonly<Record<string, ApiTokenScope>> = {
  [`GET ${API_V1}/tasks`]: 'tasks:read',
  [`GET ${API_V1}/tasks/export`]: 'tasks:read',
  [`GET ${API_V1}/tasks/:idOrKey`]: 'tasks:read',
  [`GET ${API_V1}/tasks/:idOrKey/comments`]: 'tasks:read',
  [`GET ${API_V1}/tasks/:idOrKey/timeline`]: 'tasks:read',
  [`POST ${API_V1}/tasks`]: 'tasks:write',
  [`PATCH ${API_V1}/tasks/:idOrKey`]: 'tasks:write',
  [`POST ${API_V1}/tasks/:idOrKey/handoff`]: 'tasks:write',
  [`POST ${API_V1}/tasks/:idOrKey/transition`]: 'tasks:write',
  [`POST ${API_V1}/tasks/:idOrKey/comments`]: 'tasks:write',
  [`PATCH ${API_V1}/tasks/:idOrKey/comments/:commentId`]: 'tasks:write',
  [`DELETE ${API_V1}/tasks/:idOrKey/comments/:commentId`]: 'tasks:write',
  [`GET ${API_V1}/external/:source/tasks/:externalId`]: 'tasks:read',
  [`PUT ${API_V1}/external/:source/tasks/:externalId`]: 'tasks:write',
  [`GET ${API_V1}/workflows`]: 'tasks:read',
  [`GET ${API_V1}/workflows/:templateRef`]: 'tasks:read',
  [`GET ${API_V1}/runs/:runId`]: 'tasks:read',
  [`POST ${API_V1}/workflows/:templateRef/runs`]: 'workflows:start',
  [`POST ${API_V1}/runs/:runId/steps/:position/complete`]: 'workflows:advance',
};

/** The scope a token needs for this route; undefined: not for tokens. */
export function scopeFor(method: string, routeUrl: string | undefined): ApiTokenScope | undefined {
  // HEAD is served by the GET route.
  return routeUrl === undefined ? undefined : TOKEN_ROUTE_SCOPES[`${method === 'HEAD' ? 'GET' : method} ${routeUrl}`];
}

/** For a token caller: 403 unless the route is open to tokens and the token has its scope. People pass. */
export function requireTokenScope(request: FastifyRequest): void {
  const caller = request.caller;
  if (!isTokenCaller(caller)) return;
  const scope = scopeFor(request.method, request.routeOptions.url);
  if (!scope) {
    throw errors.forbidden('token_route', `API tokens cannot use ${request.method} ${request.routeOptions.url ?? request.url}: it is for people’s own sessions.`);
  }
  if (!(caller.via.scopes ?? []).includes(scope)) throw errors.scopeMissing(scope);
}
