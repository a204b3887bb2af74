import type {FastifyInstance} from 'fastify';
import type {TokenVerification} from '../domain/tokens/apiTokenService';
import {verifyBearer} from '../http/apiTokenAuth';
import {issueSessionToken, verifySessionToken} from '../http/bridgeSession';
import {registerAuthenticatedRoutes} from '../http/requireCaller';
import {buildHttpServer, type HttpServerDeps} from '../http/server';
import {createLogger} from '../logging/logger';

// The bridge's REST API as route tests need it: the real HTTP shell (error
// handler, readiness gate) and the real bearer check in front of the routes
// under test, and a bridge session for each person, as `/task connect` would
// issue it. Requests go through Fastify's inject.

export interface ApiTestServerOptions {
  /** Routes behind the session check. */
  register(api: FastifyInstance): void;
  /** Name → Mattermost user id (or id and guest flag); each gets a session token. */
  people: Record<string, string | {userId: string; guest: boolean}>;
  /** Routes outside the session check (e.g. the OpenAPI document). */
  publicRoutes?: Array<(http: FastifyInstance) => void>;
  engine?: string;
  /** Business systems' API tokens (the token service's verify); without it every API token is unknown. */
  verifyApiToken?: (token: string) => Promise<TokenVerification>;
  /** Body and rate limits, as BATON_BODY_LIMIT_BYTES and BATON_RATE_LIMIT_* set them. */
  limits?: HttpServerDeps['limits'];
}

export interface ApiTestServer {
  server: FastifyInstance;
  /** Each person's bearer token, by the name given in `people`. */
  tokens: Record<string, string>;
}

export async function startApiTestServer({register, people, publicRoutes = [], engine = 'postgres', verifyApiToken, limits}: ApiTestServerOptions): Promise<ApiTestServer> {
  const key = new Uint8Array(32).fill(9);
  const server = buildHttpServer({
    logger: createLogger('silent'),
    isStarted: () => true,
    readiness: {check: async () => ({engine})},
    ...(limits ? {limits} : {}),
    routes: [
      ...publicRoutes,
      (http) =>
        registerAuthenticatedRoutes(
          http,
          verifyBearer({session: (token) => verifySessionToken(key, token), apiToken: verifyApiToken ?? (async () => ({ok: false, reason: 'token_unknown'}))}),
          register,
        ),
    ],
  });
  await server.ready();
  const tokens: Record<string, string> = {};
  for (const [name, person] of Object.entries(people)) {
    const subject = typeof person === 'string' ? {userId: person, guest: false} : person;
    tokens[name] = (await issueSessionToken(key, subject)).token;
  }
  return {server, tokens};
}
