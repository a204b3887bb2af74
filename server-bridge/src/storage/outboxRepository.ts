import {type Kysely, sql} from 'kysely';
import {z} from 'zod';
import {WEBHOOK_EVENT_TYPES} from '../contract/webhooks';
import type {ClaimedNotice, Notice, OutboxQueue, OutboxWriter} from '../domain/notices/ports';
import type {Clock} from '../domain/tasks/ports';
import type {DatabaseSchema} from './schema';

// The notice outbox on either engine. Writers insert in the caller's
// transaction; the queue hands due rows to delivery workers under a lease.

const systemClock: Clock = {now: () => new Date()};

const noticePostSchema = z.object({
  message: z.string(),
  type: z.string().optional(),
  props: z.record(z.string(), z.unknown()).optional(),
});

/** The row's payload: the notice without its kind and key (those are columns). */
const id = z.string().min(1);
const key = {idempotencyKey: id};

const noticeSchema = z.discriminatedUnion('kind', [
  z.object({kind: z.literal('direct_post'), userId: id, post: noticePostSchema, ...key}),
  z.object({kind: z.literal('channel_post'), channelId: id, post: noticePostSchema, ...key}),
  z.object({kind: z.literal('handoff'), userId: id, taskId: id, fromUserId: id, previousHolderId: id.nullable(), comment: z.string().nullable(), ...key}),
  z.object({kind: z.literal('declined'), userId: id, taskId: id, fromUserId: id, comment: z.string().nullable(), ...key}),
  z.object({kind: z.literal('run_completed'), userId: id, runId: id, completedById: id, ...key}),
  z.object({kind: z.literal('holder_deactivated'), userId: id, taskId: id, holderId: id, ...key}),
  z.object({
    kind: z.literal('channel_line'),
    target: z.union([z.object({channelId: id, excludeGuests: z.boolean()}), z.object({runId: id})]),
    event: z.discriminatedUnion('type', [
      z.object({type: z.literal('handoff'), taskId: id, fromUserId: id, toUserId: id}),
      z.object({type: z.literal('run_completed'), runId: id, completedById: id}),
    ]),
    ...key,
  }),
  z.object({kind: z.literal('run_channel_open'), runId: id, userIds: z.array(id), ...key}),
  z.object({kind: z.literal('run_channel_archive'), runId: id, channelId: id, ...key}),
  z.object({
    kind: z.literal('digest'),
    userId: id,
    period: z.enum(['daily', 'weekly']),
    date: z.iso.date(),
    dueSoonDays: z.int().min(0),
    sections: z.array(
      z.object({
        name: z.enum(['overdue', 'due_today', 'due_soon', 'due_this_week', 'waiting', 'done_last_week']),
        items: z.array(z.object({taskId: id, deadlineKind: z.string().nullable()})),
        total: z.int().min(0),
      }),
    ),
    ...key,
  }),
  z.object({
    kind: z.literal('deadline_reminder'),
    userId: id,
    taskId: id,
    deadline: z.object({kind: id, dueAt: z.iso.datetime(), allDay: z.boolean(), timeZone: id}),
    audience: z.enum(['holder', 'follower']),
    ...key,
  }),
  z.object({
    kind: z.literal('webhook'),
    subscriptionId: id,
    deliveryId: id,
    event: z.object({
      type: z.enum(WEBHOOK_EVENT_TYPES),
      occurredAt: z.iso.datetime(),
      actor: z.object({userId: id, source: z.enum(['user', 'token', 'scheduler', 'intake'])}),
      channelId: id,
      data: z.object({task: z.unknown(), comment: z.unknown().optional(), run: z.unknown().optional()}),
    }),
    ...key,
  }),
]);

/**
 * Enqueues on `db`, which may be a transaction: the notice then commits or
 * rolls back with the change it reports. Enqueuing a key twice is harmless
 * (the first row stays, delivered or not).
 */
export function createOutboxWriter(db: Kysely<DatabaseSchema>, clock: Clock = systemClock): OutboxWriter {
  return {
    async enqueue(notice) {
      // A malformed notice is a bug in its caller: fail its transaction loudly
      // rather than store something the worker can never deliver.
      const {kind, idempotencyKey, ...payload} = noticeSchema.parse(notice);
      const now = clock.now();
      await db
        .insertInto('outbox')
        // jsonb goes as JSON text; node-postgres would turn arrays into PostgreSQL arrays.
        .values({idempotency_key: idempotencyKey, kind, payload: JSON.stringify(payload), created_at: now, next_attempt_at: now})
        .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
        .execute();
    },
  };
}

interface ClaimedRow {
  id: string;
  kind: Notice['kind'];
  idempotency_key: string;
  payload: unknown;
  attempts: number;
  created_at: Date;
  earlier_attempts_since: Date | null;
}

function noticeOf(row: Pick<ClaimedRow, 'kind' | 'idempotency_key' | 'payload'>): Notice {
  return noticeSchema.parse({...(row.payload as object), kind: row.kind, idempotencyKey: row.idempotency_key});
}

export interface OutboxQueueOptions {
  /**
   * How long a claim keeps a row from other claimers. Longer than one
   * delivery can take (a few Mattermost requests, each with its own timeout),
   * or a slow delivery could be claimed and sent again by another replica.
   */
  leaseMs?: number;
}

/** Longest stored error text; Mattermost's messages are short, stack traces are not stored. */
const MAX_ERROR_LENGTH = 1000;

export function createOutboxQueue(db: Kysely<DatabaseSchema>, {leaseMs = 120_000}: OutboxQueueOptions = {}): OutboxQueue {
  return {
    async claimDue(now, limit) {
      // One statement, so one short transaction: lock due rows that no other
      // claimer holds (SKIP LOCKED: replicas never wait for or share a row),
      // and push them a lease into the future before the locks go. The FROM
      // row is the pre-update version, so it still says whether an earlier
      // attempt had started.
      const leaseUntil = new Date(now.getTime() + leaseMs);
      const {rows} = await sql<ClaimedRow>`
        with due as (
          select id, first_attempt_started_at
            from outbox
           where delivered_at is null and next_attempt_at <= ${now}
           order by next_attempt_at, id
           limit ${limit}
             for update skip locked
        )
        update outbox
           set attempts = outbox.attempts + 1,
               first_attempt_started_at = coalesce(outbox.first_attempt_started_at, ${now}),
               last_attempt_started_at = ${now},
               next_attempt_at = ${leaseUntil}
          from due
         where outbox.id = due.id
        returning outbox.id, outbox.kind, outbox.idempotency_key, outbox.payload, outbox.attempts, outbox.created_at,
                  due.first_attempt_started_at as earlier_attempts_since`.execute(db);
      return rows
        .map(
          (row): ClaimedNotice => ({
            id: String(row.id),
            notice: noticeOf(row),
            attempts: row.attempts,
            createdAt: row.created_at,
            earlierAttemptsSince: row.earlier_attempts_since,
          }),
        )
        .sort((a, b) => Number(BigInt(a.id) - BigInt(b.id)));
    },

    async markDelivered(id, receipt) {
      // Only the first delivery recorded counts (a claimer whose lease ran
      // out may finish after another one did).
      await db
        .updateTable('outbox')
        .set({delivered_at: sql<Date>`now()`, next_attempt_at: null, last_error: null, result: JSON.stringify(receipt)})
        .where('id', '=', id)
        .where('delivered_at', 'is', null)
        .execute();
    },

    async markFailed(id, error, nextAttemptAt) {
      await db
        .updateTable('outbox')
        .set({last_error: error.slice(0, MAX_ERROR_LENGTH), next_attempt_at: nextAttemptAt})
        .where('id', '=', id)
        .where('delivered_at', 'is', null)
        .execute();
    },

    async pending() {
      const row = await db
        .selectFrom('outbox')
        .select([
          sql<string>`count(*) filter (where next_attempt_at is not null)`.as('undelivered'),
          sql<string>`count(*) filter (where next_attempt_at is null)`.as('failed'),
          sql<Date | null>`min(created_at) filter (where next_attempt_at is not null)`.as('oldest'),
        ])
        .where('delivered_at', 'is', null)
        .executeTakeFirstOrThrow();
      return {undelivered: Number(row.undelivered), failed: Number(row.failed), oldestUndeliveredAt: row.oldest};
    },
  };
}
