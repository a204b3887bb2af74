import {type Kysely, sql} from 'kysely';

// The audit log (domain/audit/audit.ts). Append-only by construction: a
// trigger refuses UPDATE, DELETE and TRUNCATE for every role, so no code
// path of the bridge (or a mistaken script using its credentials) can
// rewrite history. Dropping the table (the down migration) stays possible
// for the owner, as it must for a migration.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null,
      actor_id text not null,
      source text not null check (source in ('user', 'token', 'scheduler', 'intake')),
      source_id text,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      before jsonb,
      after jsonb
    )`.execute(db);
  await sql`create index audit_log_at on audit_log (at, id)`.execute(db);
  await sql`create index audit_log_entity on audit_log (entity_type, entity_id, id)`.execute(db);
  await sql`
    create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = '42501';
    end
    $$`.execute(db);
  await sql`create trigger audit_log_no_update_or_delete before update or delete on audit_log for each row execute function audit_log_refuse_change()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_refuse_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_log`.execute(db);
  await sql`drop function audit_log_refuse_change()`.execute(db);
}
