import {randomUUID} from 'node:crypto';
import cors, {type FastifyCorsOptions} from '@fastify/cors';
import fastify, {type FastifyBaseLogger, type FastifyInstance, type FastifyRequest, LogController} from 'fastify';
import {errors} from '../errors';
import type {Logger} from '../logging/logger';
import {answerFrameworkError, installErrorHandling} from './errorHandler';
import {acceptFormBodies} from './formBody';
import {installRateLimits, type RateLimits} from './rateLimits';
import {type Readiness, registerHealthRoutes} from './routes/health';

export interface HttpServerDeps {
  logger: Logger;
  readiness: Readiness;
  /** False while the database opens; requests other than health checks get 503 until then. */
  isStarted: () => boolean;
  /** Feature routes, registered after the shared hooks and error handling. */
  routes?: Array<(server: FastifyInstance) => void>;
  /**
   * Mattermost's SiteURL (or any URL of that origin): the one origin whose
   * pages may call /api/v1 from a browser. Undefined (not set up yet): no
   * origin may.
   */
  allowedOrigin?: () => Promise<string | undefined>;
  /** Largest request body (BATON_BODY_LIMIT_BYTES) and /api/v1 budgets per API token and per person (http/rateLimits.ts). */
  limits?: Partial<RateLimits> & {bodyBytes?: number};
}

const DEFAULT_LIMITS = {bodyBytes: 1024 * 1024, perTokenPerMinute: 600, perUserPerMinute: 1200};

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const ALWAYS_ANSWERED = new Set(['/healthz', '/readyz']);

export function buildHttpServer({logger, readiness, isStarted, routes = [], allowedOrigin = async () => undefined, limits = {}}: HttpServerDeps): FastifyInstance {
  const {bodyBytes, perTokenPerMinute, perUserPerMinute} = {...DEFAULT_LIMITS, ...limits};
  // Typed as Fastify's logger so routes see the default instance type.
  const loggerInstance: FastifyBaseLogger = logger;
  const server = fastify({
    loggerInstance,
    // A caller's (or proxy's) request id is kept so one id follows a request
    // across Mattermost, the proxy and the bridge; otherwise we make one.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logController: new LogController({requestIdLogLabel: 'request_id'}),
    // Larger bodies get 413 baton.payload_too_large before they are read (errorHandler.ts).
    bodyLimit: bodyBytes,
    // On shutdown, idle keep-alive sockets close at once; busy ones finish.
    forceCloseConnections: 'idle',
    // URLs the router refuses (malformed %-escapes, over-long path parts) get the bridge's error shape too.
    frameworkErrors: answerFrameworkError,
  });

  server.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (!isStarted() && !ALWAYS_ANSWERED.has(request.url.split('?')[0] ?? '')) {
      throw errors.notReady('starting up');
    }
  });
  void server.register(cors, {delegator: (request: FastifyRequest) => corsOptionsFor(request, allowedOrigin, logger)});
  installErrorHandling(server);
  installRateLimits(server, {perTokenPerMinute, perUserPerMinute});
  acceptFormBodies(server);
  registerHealthRoutes(server, readiness);
  for (const register of routes) register(server);
  return server;
}

const API_PREFIX = '/api/v1/';
const INTAKE_PREFIX = '/intake/';

/**
 * CORS for the webapp plugin, which runs on Mattermost's pages: only the
 * SiteURL's origin, only /api/v1, with the headers the REST API uses
 * (bearer session, JSON, If-Match) and ETag readable. Any other origin gets
 * no CORS headers at all, so the browser keeps the response from its page.
 */
async function corsOptionsFor(request: FastifyRequest, allowedOrigin: () => Promise<string | undefined>, logger: Logger): Promise<FastifyCorsOptions> {
  // Web intake forms live on the firm's own sites: any origin may post (the answer says nothing; the intake's own limits guard it).
  if (request.url.startsWith(INTAKE_PREFIX)) return {origin: '*', methods: ['POST'], allowedHeaders: ['Content-Type', 'X-Baton-Intake-Secret'], maxAge: 600};
  if (!request.url.startsWith(API_PREFIX)) return {origin: false};
  let allowed: string | undefined;
  try {
    const siteUrl = await allowedOrigin();
    allowed = siteUrl ? new URL(siteUrl).origin : undefined;
  } catch (error) {
    logger.warn({err: error}, 'could not read the Mattermost SiteURL for CORS; refusing cross-origin requests');
  }
  if (!allowed || request.headers.origin !== allowed) return {origin: false};
  return {
    origin: allowed,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'If-Match'],
    exposedHeaders: ['ETag'],
    maxAge: 600,
  };
}
