import type {FastifyInstance} from 'fastify';
import {API_V1, webhookCreateSchema, webhookParams} from '../../contract';
import type {WebhookService} from '../../domain/webhooks/webhookService';
import {presentWebhook, presentWebhookDelivery} from '../presenters/webhookPresenter';
import {callerOf} from '../requireCaller';
import {parseRequest} from '../validation';

// /api/v1/webhooks — outgoing webhook subscriptions, for channel admins (their
// channels) and system admins (any channel, or every channel). The service
// decides who may; API tokens are refused before (http/tokenScopes.ts lists
// none of these routes). Thin routes: parse → caller → one service call → present.

export interface WebhookRouteDeps {
  webhooks: WebhookService;
}

export function registerWebhookRoutes(server: FastifyInstance, deps: () => WebhookRouteDeps): void {
  const base = `${API_V1}/webhooks`;

  server.post(base, async (request, reply) => {
    const body = parseRequest(webhookCreateSchema, request.body, 'body');
    const {subscription, secret} = await deps().webhooks.create(callerOf(request), body);
    // The only time the secret is sent: keep it out of caches.
    return reply.status(201).header('cache-control', 'no-store').send({...presentWebhook(subscription), secret});
  });

  server.get(base, async (request) => ({items: (await deps().webhooks.list(callerOf(request))).map(presentWebhook)}));

  server.get(`${base}/:webhookId`, async (request) => {
    const {webhookId} = parseRequest(webhookParams, request.params, 'params');
    const {subscription, deliveries} = await deps().webhooks.get(callerOf(request), webhookId);
    return {...presentWebhook(subscription), recentDeliveries: deliveries.map(presentWebhookDelivery)};
  });

  server.delete(`${base}/:webhookId`, async (request, reply) => {
    const {webhookId} = parseRequest(webhookParams, request.params, 'params');
    await deps().webhooks.delete(callerOf(request), webhookId);
    return reply.status(204).send();
  });
}
