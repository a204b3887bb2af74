import type {WebhookEventType} from '../../contract/webhooks';
import type {AuditSource} from '../audit/audit';
import type {Caller} from '../tasks/task';

// What webhooks need from storage: subscriptions (managed by admins), the
// look-up and delivery log written inside a change's transaction, and the
// sender's view (where to POST, with which secret, and what happened).

export interface WebhookSubscription {
  id: string;
  /** Null: every channel. */
  channelId: string | null;
  url: string;
  eventTypes: WebhookEventType[];
  createdBy: string;
  createdAt: Date;
  /** Set when it was deleted; deleted subscriptions are never listed, matched or delivered to. */
  disabledAt: Date | null;
  /** The latest attempt of any of its deliveries: HTTP status (null: no answer), when, and what went wrong. */
  lastStatus: number | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
}

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  eventType: WebhookEventType;
  createdAt: Date;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  gaveUpAt: Date | null;
}

/** Who made a change to subscriptions, for the audit entry written with it. */
export interface WebhookChangeBy {
  actor: Caller;
  at: Date;
}

export interface WebhookStore {
  /** Inserts the subscription with its secret, and its audit entry (without the secret), in one transaction. */
  insertSubscription(subscription: WebhookSubscription, secret: string, by: WebhookChangeBy): Promise<void>;
  /** Live subscriptions, newest first: every one, or those of the given channels (never global ones then). */
  listSubscriptions(scope: 'all' | {channelIds: string[]}): Promise<WebhookSubscription[]>;
  /** A live subscription. */
  findSubscription(id: string): Promise<WebhookSubscription | undefined>;
  /** Deletes (disables) it with its audit entry; false when there was no live one. */
  disableSubscription(id: string, by: WebhookChangeBy): Promise<boolean>;
  /** Newest first. */
  recentDeliveries(subscriptionId: string, limit: number): Promise<WebhookDelivery[]>;
}

/** Inside a change's transaction (domain/webhooks/webhookEmitter.ts). */
export interface WebhookTx {
  /** Live subscriptions for this channel (or every channel) that want this event type. */
  matching(channelId: string, type: WebhookEventType): Promise<Array<Pick<WebhookSubscription, 'id'>>>;
  /** The delivery's log row, committed with the change and its outbox row. */
  insertDelivery(delivery: Pick<WebhookDelivery, 'id' | 'subscriptionId' | 'eventType' | 'createdAt'>): Promise<void>;
}

/** One attempt's outcome, as the sender records it. */
export interface WebhookAttempt {
  deliveryId: string;
  subscriptionId: string;
  at: Date;
  /** The HTTP status; null when no answer came (timeout, connection refused). */
  status: number | null;
  error: string | null;
  /** delivered: 2xx; retrying: will be tried again; failed: given up for good. */
  outcome: 'delivered' | 'retrying' | 'failed';
}

/** What the sender (notices/webhookSender.ts) reads and writes. */
export interface WebhookDeliveryLog {
  /** Where to send and the secret to sign with; undefined once the subscription was deleted. */
  target(subscriptionId: string): Promise<{url: string; secret: string} | undefined>;
  recordAttempt(attempt: WebhookAttempt): Promise<void>;
}

/**
 * One event as the outbox keeps it: the domain objects as they were right
 * after the change (JSON, dates as ISO strings), turned into the payload's
 * REST shapes at delivery (notices/webhookPayload.ts).
 */
export interface WebhookEventRecord {
  type: WebhookEventType;
  occurredAt: string;
  actor: {userId: string; source: AuditSource};
  channelId: string;
  data: {task: unknown; comment?: unknown; run?: unknown};
}

/** The outbox notice of one delivery: one event to one subscription. */
export interface WebhookNotice {
  kind: 'webhook';
  subscriptionId: string;
  /** The payload's `id`, the same on every retry. */
  deliveryId: string;
  event: WebhookEventRecord;
}
