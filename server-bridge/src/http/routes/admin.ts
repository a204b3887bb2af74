import type {FastifyInstance} from 'fastify';
import {API_V1, apiTokenCreateSchema, apiTokenParams} from '../../contract';
import type {ApiTokenService} from '../../domain/tokens/apiTokenService';
import {presentApiToken} from '../presenters/apiTokenPresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// /api/v1/admin/tokens — API tokens for business systems, for Mattermost
// system admins only (the service checks the role with Mattermost; tokens
// themselves are refused by http/tokenScopes.ts). Thin routes: parse →
// caller → one service call → present.

export interface AdminRouteDeps {
  apiTokens: ApiTokenService;
}

const CACHE_NONE = 'no-store';

export function registerAdminRoutes(server: FastifyInstance, deps: () => AdminRouteDeps): void {
  const base = `${API_V1}/admin/tokens`;

  server.post(base, async (request, reply) => {
    const body = parseRequest(apiTokenCreateSchema, request.body, 'body');
    const {record, token} = await deps().apiTokens.create(callerOf(request), body);
    // The only time the token is sent: keep it out of caches.
    return reply.status(201).header('cache-control', CACHE_NONE).send({...presentApiToken(record), token});
  });

  server.get(base, async (request) => ({items: (await deps().apiTokens.list(callerOf(request))).map(presentApiToken)}));

  server.delete(`${base}/:tokenId`, async (request) => {
    const {tokenId} = parseRequest(apiTokenParams, request.params, 'params');
    return presentApiToken(await deps().apiTokens.revoke(callerOf(request), tokenId));
  });
}
