import {type Kysely, sql} from 'kysely';

// Snoozed reminders (domain/reminders/snooze.ts): one person's snooze of one
// task's reminders for one deadline kind, until a local date in their time
// zone (the first day reminders come again). Snoozing again moves the date;
// a past date leaves the row harmless.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table reminder_snoozes (
      user_id text not null,
      task_id text not null references tasks (id) on delete cascade,
      deadline_kind text not null,
      until_date text not null check (until_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      snoozed_at timestamptz not null,
      primary key (task_id, user_id, deadline_kind)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table reminder_snoozes`.execute(db);
}
