import {type Kysely, sql} from 'kysely';

// Web intake and guest permissions (issue 8): a channel's guest switch and
// triage holder, the external contact of a task that came from a web form,
// and the channel's intake endpoints.
//
// intake_endpoints: like API tokens, only the SHA-256 of the URL token (and
// of the optional shared secret) is kept — the URL is shown once, at
// creation. `submissions` and `spam_caught` are counters for the admin's
// list, not evidence; the tasks themselves are in the audit log.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table channel_settings add column guests_may_create_tasks boolean not null default false`.execute(db);
  await sql`alter table channel_settings add column triage_holder_id text`.execute(db);

  await sql`alter table tasks add column external_contact_name text`.execute(db);
  await sql`alter table tasks add column external_contact_email text`.execute(db);

  await sql`
    create table intake_endpoints (
      id text primary key,
      channel_id text not null,
      name text not null check (char_length(name) between 1 and 100),
      token_hash text not null unique,
      secret_hash text,
      honeypot_field text,
      created_by text not null,
      created_at timestamptz not null,
      revoked_at timestamptz,
      submissions integer not null default 0,
      spam_caught integer not null default 0,
      last_submission_at timestamptz
    )`.execute(db);
  await sql`create index intake_endpoints_channel on intake_endpoints (channel_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table intake_endpoints`.execute(db);
  await sql`alter table tasks drop column external_contact_email`.execute(db);
  await sql`alter table tasks drop column external_contact_name`.execute(db);
  await sql`alter table channel_settings drop column triage_holder_id`.execute(db);
  await sql`alter table channel_settings drop column guests_may_create_tasks`.execute(db);
}
