import {type Kysely, sql} from 'kysely';

// Workflows (domain/workflows): templates with immutable versions, runs that
// keep the version they started with, and the step tasks of each run. Tasks
// learn who handed them over (handed_by_id) and whether the holder accepted,
// for accept/decline and the sender's "waiting on others" list.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table tasks add column handed_by_id text, add column accepted_at timestamptz`.execute(db);
  await sql`create index tasks_handed_by_idx on tasks (handed_by_id) where handed_by_id is not null`.execute(db);

  await sql`
    create table workflow_templates (
      id text primary key,
      name text not null,
      current_version integer not null,
      created_by text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    )`.execute(db);
  await sql`create unique index workflow_templates_name_idx on workflow_templates (lower(name))`.execute(db);

  // A version is never changed once written: runs point at it.
  await sql`
    create table workflow_template_versions (
      template_id text not null references workflow_templates (id),
      version integer not null,
      definition jsonb not null,
      created_by text not null,
      created_at timestamptz not null,
      primary key (template_id, version)
    )`.execute(db);

  await sql`
    create table workflow_runs (
      id text primary key,
      template_id text not null,
      template_version integer not null,
      title text not null,
      channel_id text not null,
      requester_id text not null,
      roles jsonb not null,
      deadlines jsonb not null,
      parent_task_id text not null unique references tasks (id),
      status text not null check (status in ('active', 'completed', 'cancelled')),
      current_step integer,
      started_at timestamptz not null,
      completed_at timestamptz,
      foreign key (template_id, template_version) references workflow_template_versions (template_id, version)
    )`.execute(db);

  await sql`
    create table workflow_run_steps (
      run_id text not null references workflow_runs (id),
      position integer not null,
      task_id text not null unique references tasks (id),
      started_at timestamptz,
      completed_at timestamptz,
      primary key (run_id, position)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['workflow_run_steps', 'workflow_runs', 'workflow_template_versions', 'workflow_templates']) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
  await sql`alter table tasks drop column handed_by_id, drop column accepted_at`.execute(db);
}
