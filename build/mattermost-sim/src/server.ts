import {randomUUID} from 'node:crypto';
import fastify, {type FastifyInstance} from 'fastify';
import type {SimContext} from './context';
import {MmError, errorBody, mmErrors} from './errors';

// The HTTP shell of the simulator: Mattermost's error shape on every failure,
// X-Version-Id / X-Request-Id headers on every response, and a loud 501 for
// any /api/v4 route nobody implemented (never a silent 200).

export type RouteModule = (app: FastifyInstance, ctx: SimContext) => void;

export function buildSimulatorServer(ctx: SimContext, routeModules: RouteModule[]): FastifyInstance {
  const app = fastify({logger: false, genReqId: () => randomUUID().replace(/-/g, '').slice(0, 26), bodyLimit: 50 * 1024 * 1024});

  // Mattermost reads JSON bodies whatever the Content-Type says.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', {parseAs: 'string'}, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(new MmError(400, 'api.context.invalid_body_param.app_error', 'Unable to parse the request body.'), undefined);
    }
  });

  // Multipart bodies (file uploads) reach their route as raw bytes; the route reads the parts.
  app.addContentTypeParser('multipart/form-data', {parseAs: 'buffer'}, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('X-Request-Id', request.id);
    void reply.header('X-Version-Id', `${ctx.serverVersion}.sim.0.false`);
  });

  app.setErrorHandler((error, request, reply) => {
    const mmError =
      error instanceof MmError
        ? error
        : new MmError(
            (error as {statusCode?: number}).statusCode ?? 500,
            'sim.internal',
            (error as Error).message,
          );
    void reply.status(mmError.statusCode).send(errorBody(mmError, request.id));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const error = path.startsWith('/api/v4/')
      ? mmErrors.notImplemented(request.method, path)
      : new MmError(404, 'api.context.404.app_error', 'Sorry, we could not find the page.');
    void reply.status(error.statusCode).send(errorBody(error, request.id));
  });

  for (const register of routeModules) register(app, ctx);
  return app;
}
