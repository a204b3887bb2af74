import type {WebhookView} from '../../contract/webhooks';
import type {WebhookDelivery, WebhookSubscription} from '../../domain/webhooks/ports';

// Webhook subscriptions and deliveries → /api/v1 JSON. Never the secret
// (the create route adds it to its one answer).

export function presentWebhook(subscription: WebhookSubscription): WebhookView {
  return {
    id: subscription.id,
    channelId: subscription.channelId,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    createdBy: subscription.createdBy,
    createdAt: subscription.createdAt.toISOString(),
    lastStatus: subscription.lastStatus,
    lastAttemptAt: subscription.lastAttemptAt?.toISOString() ?? null,
    lastError: subscription.lastError,
  };
}

export function presentWebhookDelivery(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    eventType: delivery.eventType,
    createdAt: delivery.createdAt.toISOString(),
    status: delivery.deliveredAt ? ('delivered' as const) : delivery.gaveUpAt ? ('failed' as const) : ('pending' as const),
    attempts: delivery.attempts,
    lastStatus: delivery.lastStatus,
    lastError: delivery.lastError,
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
  };
}
