import {type Kysely, sql} from 'kysely';

// API tokens for business systems (domain/tokens/) and tasks known by a
// business system's own reference (domain/external/).
//
// api_tokens: only the SHA-256 of each token's secret is kept (the token is
// shown once, at creation); `channel_ids` null means every channel. A name is
// unique among tokens not revoked, so an admin's list never shows two alike.
//
// task_external_refs: (source, external_id) → task. The primary key is what
// makes "create by external reference" idempotent: the row is inserted in the
// transaction that creates the task, and a concurrent retry's insert meets the
// key (ON CONFLICT) and rolls its own task back instead of making a second one.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table api_tokens (
      id text primary key,
      name text not null check (char_length(name) between 1 and 100),
      token_hash text not null,
      scopes text[] not null,
      channel_ids text[],
      created_by text not null,
      created_at timestamptz not null,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create unique index api_tokens_active_name on api_tokens (lower(name)) where revoked_at is null`.execute(db);
  await sql`
    create table task_external_refs (
      source text not null,
      external_id text not null,
      task_id text not null references tasks (id) on delete cascade,
      created_at timestamptz not null,
      primary key (source, external_id)
    )`.execute(db);
  await sql`create index task_external_refs_task on task_external_refs (task_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table task_external_refs`.execute(db);
  await sql`drop table api_tokens`.execute(db);
}
