import {type Kysely, sql} from 'kysely';

// Each person's own settings for what Baton sends them by the clock
// (domain/reminders/userSettings.ts). A row exists only once someone changes
// a setting; until then the defaults below apply (the domain repeats them).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table user_settings (
      user_id text primary key,
      -- Local time in the person's Mattermost time zone.
      digest_time text not null default '09:00' check (digest_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
      digest_enabled boolean not null default true,
      weekly_summary boolean not null default true,
      -- Business days the digest's "due soon" section looks ahead.
      due_soon_days integer not null default 3 check (due_soon_days between 0 and 30),
      muted_deadline_kinds text[] not null default '{}',
      require_acceptance boolean not null default false,
      updated_at timestamptz not null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table user_settings`.execute(db);
}
