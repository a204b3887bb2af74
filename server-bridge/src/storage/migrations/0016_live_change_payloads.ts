import {type Kysely, sql} from 'kysely';

// Several replicas share the live feed through NOTIFY (postgresChangeFeed.ts),
// whose payload must stay under 8000 bytes. A single change message larger
// than that (a task with thousands of watchers) is stored here and the
// notification carries only its id; every replica reads it by id. Rows are
// only needed until every replica has read them, so old ones are deleted as
// new ones come; they are not data worth keeping.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table live_change_payloads (
      id bigint generated always as identity primary key,
      created_at timestamptz not null default now(),
      message jsonb not null
    )`.execute(db);
  await sql`create index live_change_payloads_created_at on live_change_payloads (created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table live_change_payloads`.execute(db);
}
