import {randomUUID} from 'node:crypto';
import {auditSource, type AuditEntry, type AuditWriter} from '../audit/audit';
import type {OutboxWriter} from '../notices/ports';
import type {Task} from '../tasks/task';
import type {WebhookTx} from './ports';
import {webhookEventsOf} from './webhookEvents';

// The audit writer of a change's transaction, made to also enqueue webhook
// deliveries (storage/taskRepository.ts taskTxOn wires it). For each event
// the entry is (webhookEvents.ts) and each live subscription that wants it,
// one outbox row and one delivery-log row join the same transaction: a change
// that rolls back sends nothing, and one that commits is delivered exactly
// once per subscription (the outbox key names entry, event and subscription,
// so nothing can enqueue it twice).

export interface WebhookEmitterDeps {
  /** Writes the audit entry; its id. */
  insertEntry(entry: AuditEntry): Promise<string>;
  webhooks: WebhookTx;
  outbox: OutboxWriter;
  findTask(id: string): Promise<Task | undefined>;
  newId?: () => string;
}

export function emittingWebhooks({insertEntry, webhooks, outbox, findTask, newId = randomUUID}: WebhookEmitterDeps): AuditWriter {
  return {
    async record(entry) {
      const entryId = await insertEntry(entry);
      const events = await webhookEventsOf(entry, findTask);
      for (const event of events) {
        for (const subscription of await webhooks.matching(event.channelId, event.type)) {
          const deliveryId = newId();
          await webhooks.insertDelivery({id: deliveryId, subscriptionId: subscription.id, eventType: event.type, createdAt: entry.at});
          await outbox.enqueue({
            kind: 'webhook',
            subscriptionId: subscription.id,
            deliveryId,
            event: {
              type: event.type,
              occurredAt: entry.at.toISOString(),
              actor: {userId: entry.actor.userId, source: auditSource(entry.actor).source},
              channelId: event.channelId,
              // Dates become ISO strings in the outbox's JSON; the sender revives them.
              data: {task: event.task, ...(event.comment ? {comment: event.comment} : {}), ...(event.run ? {run: event.run} : {})},
            },
            idempotencyKey: `webhook:${entryId}:${event.type}:${subscription.id}`,
          });
        }
      }
    },
  };
}
