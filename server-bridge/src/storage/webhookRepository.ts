import {type Kysely, type Selectable, sql, type Transaction} from 'kysely';
import type {WebhookEventType} from '../contract/webhooks';
import type {AuditWriter} from '../domain/audit/audit';
import type {Task} from '../domain/tasks/task';
import type {WebhookDelivery, WebhookDeliveryLog, WebhookStore, WebhookSubscription, WebhookTx} from '../domain/webhooks/ports';
import {emittingWebhooks} from '../domain/webhooks/webhookEmitter';
import {auditWriterOn, insertAuditEntry} from './auditRepository';
import {createOutboxWriter} from './outboxRepository';
import type {DatabaseSchema} from './schema';

// Webhook subscriptions and their delivery log on either engine (migration
// 0014). The secret is read only by the sender (`target`); every other read
// leaves it out, and audit entries never carry it.

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;
type SubscriptionRow = Selectable<DatabaseSchema['webhook_subscriptions']>;
type DeliveryRow = Selectable<DatabaseSchema['webhook_deliveries']>;

/** Longest stored error text (a receiver's error page is not worth keeping whole). */
const MAX_ERROR_LENGTH = 500;

export function createWebhookRepository(db: Kysely<DatabaseSchema>): WebhookStore & WebhookDeliveryLog {
  return {
    async insertSubscription(subscription, secret, {actor, at}) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('webhook_subscriptions')
          .values({
            id: subscription.id,
            channel_id: subscription.channelId,
            url: subscription.url,
            event_types: subscription.eventTypes,
            secret,
            created_by: subscription.createdBy,
            created_at: subscription.createdAt,
          })
          .execute();
        await auditWriterOn(trx).record({at, actor, action: 'webhook_subscription.created', entity: {type: 'webhook_subscription', id: subscription.id}, before: null, after: subscription});
      });
    },

    async listSubscriptions(scope) {
      let query = db.selectFrom('webhook_subscriptions').selectAll().where('disabled_at', 'is', null);
      if (scope !== 'all') query = query.where('channel_id', 'in', scope.channelIds);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toSubscription);
    },

    async findSubscription(id) {
      const row = await db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
      return row ? toSubscription(row) : undefined;
    },

    async disableSubscription(id, {actor, at}) {
      return db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('webhook_subscriptions').set({disabled_at: at}).where('id', '=', id).where('disabled_at', 'is', null).returningAll().executeTakeFirst();
        if (!row) return false;
        const after = toSubscription(row);
        await auditWriterOn(trx).record({at, actor, action: 'webhook_subscription.deleted', entity: {type: 'webhook_subscription', id}, before: {...after, disabledAt: null}, after});
        return true;
      });
    },

    async recentDeliveries(subscriptionId, limit) {
      const rows = await db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toDelivery);
    },

    async target(subscriptionId) {
      const row = await db.selectFrom('webhook_subscriptions').select(['url', 'secret']).where('id', '=', subscriptionId).where('disabled_at', 'is', null).executeTakeFirst();
      return row ?? undefined;
    },

    async recordAttempt({deliveryId, subscriptionId, at, status, error, outcome}) {
      const lastError = error === null ? null : error.slice(0, MAX_ERROR_LENGTH);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('webhook_deliveries')
          .set({
            attempts: sql<number>`attempts + 1`,
            last_status: status,
            last_error: lastError,
            last_attempt_at: at,
            ...(outcome === 'delivered' ? {delivered_at: at} : {}),
            ...(outcome === 'failed' ? {gave_up_at: at} : {}),
          })
          .where('id', '=', deliveryId)
          .execute();
        await recordLastStatus(trx, subscriptionId, at, status, lastError);
      });
    },
  };
}

/** Concurrent deliveries of one subscription: the latest attempt's outcome is the one shown. */
async function recordLastStatus(db: Db, subscriptionId: string, at: Date, status: number | null, lastError: string | null): Promise<void> {
  await db
    .updateTable('webhook_subscriptions')
    .set({last_status: status, last_attempt_at: at, last_error: lastError})
    .where('id', '=', subscriptionId)
    .where((where) => where.or([where('last_attempt_at', 'is', null), where('last_attempt_at', '<=', at)]))
    .execute();
}

/** The webhook side of a change's transaction. */
export function webhookTxOn(db: Db): WebhookTx {
  return {
    async matching(channelId, type) {
      return db
        .selectFrom('webhook_subscriptions')
        .select('id')
        .where('disabled_at', 'is', null)
        .where((where) => where.or([where('channel_id', 'is', null), where('channel_id', '=', channelId)]))
        .where(sql<boolean>`${type} = any(event_types)`)
        .orderBy('id')
        .execute();
    },
    async insertDelivery({id, subscriptionId, eventType, createdAt}) {
      await db.insertInto('webhook_deliveries').values({id, subscription_id: subscriptionId, event_type: eventType, created_at: createdAt}).execute();
    },
  };
}

/** The audit writer of a change's transaction that also enqueues its webhook deliveries (domain/webhooks/webhookEmitter.ts). */
export function webhookAuditWriterOn(trx: Transaction<DatabaseSchema>, findTask: (id: string) => Promise<Task | undefined>): AuditWriter {
  return emittingWebhooks({insertEntry: (entry) => insertAuditEntry(trx, entry), webhooks: webhookTxOn(trx), outbox: createOutboxWriter(trx), findTask});
}

function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    channelId: row.channel_id,
    url: row.url,
    eventTypes: row.event_types as WebhookEventType[],
    createdBy: row.created_by,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    lastStatus: row.last_status,
    lastAttemptAt: row.last_attempt_at,
    lastError: row.last_error,
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventType: row.event_type as WebhookEventType,
    createdAt: row.created_at,
    attempts: row.attempts,
    lastStatus: row.last_status,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
    gaveUpAt: row.gave_up_at,
  };
}
