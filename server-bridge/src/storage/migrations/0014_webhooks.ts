import {type Kysely, sql} from 'kysely';

// Outgoing webhooks (domain/webhooks/, README "Webhooks").
//
// webhook_subscriptions: `channel_id` null means every channel (system
// admins only). `secret` is kept as given to the admin, not hashed: the
// bridge signs every delivery with it (HMAC needs the key itself, unlike a
// token check, which only compares). Encrypting it with a key kept in the
// same database would add nothing. It is shown once, at creation, and never
// in a list or an audit entry. Deleting sets `disabled_at` (deliveries
// still queued then give up) so the delivery log keeps its subscription.
// `last_*` is the outcome of the latest attempt, whatever the delivery.
//
// webhook_deliveries: one row per (change, subscription), inserted in the
// change's own transaction with its outbox row, updated by the sender after
// each attempt: the per-subscription delivery log an admin reads.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_subscriptions (
      id text primary key,
      channel_id text,
      url text not null,
      event_types text[] not null,
      secret text not null,
      created_by text not null,
      created_at timestamptz not null,
      disabled_at timestamptz,
      last_status integer,
      last_attempt_at timestamptz,
      last_error text
    )`.execute(db);
  await sql`create index webhook_subscriptions_channel on webhook_subscriptions (channel_id) where disabled_at is null`.execute(db);
  await sql`
    create table webhook_deliveries (
      id text primary key,
      subscription_id text not null references webhook_subscriptions (id),
      event_type text not null,
      created_at timestamptz not null,
      attempts integer not null default 0,
      last_status integer,
      last_error text,
      last_attempt_at timestamptz,
      delivered_at timestamptz,
      gave_up_at timestamptz
    )`.execute(db);
  await sql`create index webhook_deliveries_subscription on webhook_deliveries (subscription_id, created_at desc, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table webhook_deliveries`.execute(db);
  await sql`drop table webhook_subscriptions`.execute(db);
}
