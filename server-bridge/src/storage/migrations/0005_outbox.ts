import {type Kysely, sql} from 'kysely';

// The transactional outbox (storage/outboxRepository.ts): notices are written
// here in the transaction of the change they report, and a delivery worker
// posts them to Mattermost afterwards.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table outbox (
      id bigint generated always as identity primary key,
      -- Names the notice for all time: enqueuing it again is a no-op, and a
      -- retry finds an earlier post by it (props.baton_notice_key).
      idempotency_key text not null unique,
      -- Checked by the application (outboxRepository.ts), so a new kind of
      -- notice needs no migration.
      kind text not null,
      payload jsonb not null,
      created_at timestamptz not null,
      -- When the row may next be claimed. A claim pushes it forward by a
      -- lease, so a crashed claimer's row comes back on its own; null once
      -- delivered or given up.
      next_attempt_at timestamptz,
      attempts integer not null default 0,
      -- The first attempt's start bounds where a retry looks for a post an
      -- earlier attempt may have made without recording it: looking only
      -- since the last attempt would miss a post made two attempts ago.
      first_attempt_started_at timestamptz,
      last_attempt_started_at timestamptz,
      last_error text,
      delivered_at timestamptz,
      -- {postId, channelId, adopted}
      result jsonb
    )`.execute(db);
  // Only rows still being tried are ever scanned for claiming.
  await sql`create index outbox_due_idx on outbox (next_attempt_at, id) where delivered_at is null and next_attempt_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table outbox`.execute(db);
}
