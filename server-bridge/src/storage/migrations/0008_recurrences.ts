import {type Kysely, sql} from 'kysely';

// Recurring work (domain/recurrence): a schedule and what to create at each
// occurrence, a task or a workflow run. The occurrence table's primary key is
// what makes "exactly once" hold across replicas and restarts: the scheduler
// inserts the occurrence row in the transaction that creates the task or run,
// and a second attempt at the same occurrence finds the row and skips.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table recurrences (
      id text primary key,
      kind text not null check (kind in ('task', 'workflow_run')),
      channel_id text not null,
      created_by text not null,
      -- The calendar module's RecurrenceSchedule: rule, start, time, timeZone, shift, until.
      schedule jsonb not null,
      -- What each occurrence creates: a task draft, or {templateRef, runStart}.
      template jsonb not null,
      -- The instant of the next occurrence not yet created; null once the schedule has ended.
      next_due_at timestamptz,
      paused boolean not null default false,
      -- Bumped by every edit, never by the scheduler: an occurrence being created
      -- while someone edits or pauses the recurrence sees the change and stops.
      version integer not null default 1,
      -- Why the last occurrence could not be created ({occurrenceDate, message, at}), for its owners.
      last_problem jsonb,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create index recurrences_due_idx on recurrences (next_due_at) where not paused`.execute(db);
  await sql`create index recurrences_channel_idx on recurrences (channel_id)`.execute(db);

  // A row without task and run exists only inside the transaction that claims
  // the occurrence and then creates what it stands for.
  await sql`
    create table recurrence_occurrences (
      recurrence_id text not null references recurrences (id) on delete cascade,
      -- The date the rule named, before any shift to a business day (YYYY-MM-DD).
      occurrence_date text not null check (occurrence_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
      task_id text references tasks (id),
      run_id text references workflow_runs (id),
      created_at timestamptz not null,
      primary key (recurrence_id, occurrence_date),
      check (task_id is null or run_id is null)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table recurrence_occurrences`.execute(db);
  await sql`drop table recurrences`.execute(db);
}
