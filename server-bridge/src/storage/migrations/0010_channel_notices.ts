import {type Kysely, sql} from 'kysely';

// Channel notices and run channels (workflow issue): a channel's notice
// settings (domain/channels), and a workflow run's own private channel —
// requested with the run, created by the delivery worker, archived by the
// scheduler some days after the run completes.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A row exists only once a channel admin changes a setting; until then the
  // defaults below apply (the domain repeats them).
  await sql`
    create table channel_settings (
      channel_id text primary key,
      handoff_notices boolean not null default false,
      exclude_guests boolean not null default false,
      updated_by text not null,
      updated_at timestamptz not null
    )`.execute(db);

  await sql`
    create table workflow_run_channels (
      run_id text primary key references workflow_runs (id),
      requested_at timestamptz not null,
      -- Null until the delivery worker has created (or found, after a lost
      -- answer) the Mattermost channel; its name is derived from the run, so
      -- a retry finds the channel an earlier attempt made.
      channel_id text unique,
      created_at timestamptz,
      -- When the archiving notice was enqueued (its outbox key makes it once).
      archive_requested_at timestamptz,
      -- Why Mattermost refused for good to make the channel (e.g. the run's
      -- channel is in no team); the run's channel lines are given up then.
      failure text
    )`.execute(db);
  // The archive job looks only at created channels not yet sent to archiving.
  await sql`create index workflow_run_channels_to_archive_idx on workflow_run_channels (run_id) where channel_id is not null and archive_requested_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table workflow_run_channels`.execute(db);
  await sql`drop table channel_settings`.execute(db);
}
