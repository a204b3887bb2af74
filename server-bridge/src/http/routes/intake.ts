import type {FastifyInstance} from 'fastify';
import {z} from 'zod';
import {API_V1, channelId} from '../../contract';
import {INTAKE_SECRET_HEADER, intakeCreateSchema, intakeParams} from '../../contract/intake';
import type {IntakeService} from '../../domain/intake/intakeService';
import {errors} from '../../errors';
import {presentIntake} from '../presenters/intakePresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// Web intake. Channel admins manage a channel's endpoints under
// /api/v1/channels/{channelId}/intakes (thin routes: parse → caller → one
// service call, which authorizes → present). The form posts to the public
// POST /intake/{token}: no session, its own small body limit and a budget per
// client address; every answer is one of a few fixed ones (202, 400 naming
// the field, 403 wrong secret, 404, 413, 429), never an internal detail.

export interface IntakeRouteDeps {
  intakes: IntakeService;
}

export interface IntakeLimits {
  /** Largest submission, in bytes (BATON_INTAKE_BODY_LIMIT_BYTES). */
  bodyBytes: number;
  /** Submissions per minute from one client address (BATON_INTAKE_RATE_LIMIT_PER_MINUTE). */
  perAddressPerMinute: number;
}

export const INTAKE_PATH = '/intake';
const CACHE_NONE = 'no-store';
const channelParams = z.object({channelId});
// Any text: a malformed token gets the same 404 as an unknown one.
const tokenParams = z.object({token: z.string()});

export function registerIntakeAdminRoutes(server: FastifyInstance, deps: () => IntakeRouteDeps): void {
  const base = `${API_V1}/channels/:channelId/intakes`;

  server.post(base, async (request, reply) => {
    const params = parseRequest(channelParams, request.params, 'params');
    const body = parseRequest(intakeCreateSchema, request.body, 'body');
    const {endpoint, token, secret} = await deps().intakes.create(callerOf(request), params.channelId, body);
    // The only time the URL and the secret are sent: keep them out of caches.
    return reply
      .status(201)
      .header('cache-control', CACHE_NONE)
      .send({...presentIntake(endpoint), path: `${INTAKE_PATH}/${token}`, secret});
  });

  server.get(base, async (request) => {
    const params = parseRequest(channelParams, request.params, 'params');
    return {items: (await deps().intakes.list(callerOf(request), params.channelId)).map(presentIntake)};
  });

  server.delete(`${base}/:intakeId`, async (request) => {
    const params = parseRequest(intakeParams, request.params, 'params');
    return presentIntake(await deps().intakes.revoke(callerOf(request), params.channelId, params.intakeId));
  });
}

/** The public form endpoint, outside /api/v1's session check. */
export function registerIntakeSubmitRoute(server: FastifyInstance, deps: () => IntakeRouteDeps, limits: IntakeLimits): void {
  void server.register(async (scope) => {
    const budget = scope.hasDecorator('createRateLimit')
      ? scope.createRateLimit({max: limits.perAddressPerMinute, timeWindow: 60_000, keyGenerator: (request) => `intake:${request.ip}`})
      : undefined;
    scope.addHook('onRequest', async (request, reply) => {
      if (budget) {
        const result = await budget(request);
        if (!result.isAllowed && result.isExceeded) {
          const retryAfter = Math.max(1, result.ttlInSeconds);
          void reply.header('retry-after', String(retryAfter));
          throw errors.rateLimited('address', result.max, retryAfter);
        }
      }
      // Refused before the body is read when the length is declared (a chunked body meets the route's bodyLimit).
      if (Number(request.headers['content-length'] ?? 0) > limits.bodyBytes) throw errors.payloadTooLarge(limits.bodyBytes);
    });

    scope.post(`${INTAKE_PATH}/:token`, {bodyLimit: limits.bodyBytes}, async (request, reply) => {
      const {token} = parseRequest(tokenParams, request.params, 'params');
      const secret = request.headers[INTAKE_SECRET_HEADER];
      await deps().intakes.submit(token, {secret: typeof secret === 'string' ? secret : undefined, form: request.body});
      // The same answer whether a task was made or the honeypot caught it.
      return reply.status(202).header('cache-control', CACHE_NONE).send({received: true});
    });
  });
}
