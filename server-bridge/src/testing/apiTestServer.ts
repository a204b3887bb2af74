import type {FastifyInstance} from 'fastify';
import {issueSessionToken, verifySessionToken} from '../http/bridgeSession';
import {registerAuthenticatedRoutes} from '../http/requireCaller';
import {buildHttpServer} from '../http/server';
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
}

export interface ApiTestServer {
  server: FastifyInstance;
  /** Each person's bearer token, by the name given in `people`. */
  tokens: Record<string, string>;
}

export async function startApiTestServer({register, people, publicRoutes = [], engine = 'postgres'}: ApiTestServerOptions): Promise<ApiTestServer> {
  const key = new Uint8Array(32).fill(9);
  const server = buildHttpServer({
    logger: createLogger('silent'),
    isStarted: () => true,
    readiness: {check: async () => ({engine})},
    routes: [...publicRoutes, (http) => registerAuthenticatedRoutes(http, (token) => verifySessionToken(key, token), register)],
  });
  await server.ready();
  const tokens: Record<string, string> = {};
  for (const [name, person] of Object.entries(people)) {
    const subject = typeof person === 'string' ? {userId: person, guest: false} : person;
    tokens[name] = (await issueSessionToken(key, subject)).token;
  }
  return {server, tokens};
}
