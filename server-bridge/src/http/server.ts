import {randomUUID} from 'node:crypto';
import fastify, {type FastifyBaseLogger, type FastifyInstance, LogController} from 'fastify';
import {errors} from '../errors';
import type {Logger} from '../logging/logger';
import {installErrorHandling} from './errorHandler';
import {acceptFormBodies} from './formBody';
import {type Readiness, registerHealthRoutes} from './routes/health';

export interface HttpServerDeps {
  logger: Logger;
  readiness: Readiness;
  /** False while the database opens; requests other than health checks get 503 until then. */
  isStarted: () => boolean;
  /** Feature routes, registered after the shared hooks and error handling. */
  routes?: Array<(server: FastifyInstance) => void>;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const ALWAYS_ANSWERED = new Set(['/healthz', '/readyz']);

export function buildHttpServer({logger, readiness, isStarted, routes = []}: HttpServerDeps): FastifyInstance {
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
    bodyLimit: 1024 * 1024,
    // On shutdown, idle keep-alive sockets close at once; busy ones finish.
    forceCloseConnections: 'idle',
  });

  server.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (!isStarted() && !ALWAYS_ANSWERED.has(request.url.split('?')[0] ?? '')) {
      throw errors.notReady('starting up');
    }
  });
  installErrorHandling(server);
  acceptFormBodies(server);
  registerHealthRoutes(server, readiness);
  for (const register of routes) register(server);
  return server;
}
