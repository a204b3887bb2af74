import {type Kysely, sql} from 'kysely';

// Indexes in the exact order of the default task list (updated_at desc, then
// id desc as the tie-break; taskListOrder.ts), so a board or a "mine" page is
// an index walk that stops after one page instead of a sort of every match.
// At a million tasks the busiest channel's first page read 1,697 rows through
// (channel_id, updated_at desc) (an incremental sort over tasks updated at
// the same instant) and 51 through (channel_id, updated_at desc, id desc).
//
// The channel index is replaced (the new one serves every `channel_id = …`
// query the old one did). The holder index is added beside
// tasks_holder_idx (holder_id, status_id), which stays: the sidebar counters,
// the person stats and the digests count a holder's open tasks with it
// without reading their closed ones.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index tasks_channel_idx`.execute(db);
  await sql`create index tasks_channel_idx on tasks (channel_id, updated_at desc, id desc)`.execute(db);
  await sql`create index tasks_holder_updated_idx on tasks (holder_id, updated_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index tasks_holder_updated_idx`.execute(db);
  await sql`drop index tasks_channel_idx`.execute(db);
  await sql`create index tasks_channel_idx on tasks (channel_id, updated_at desc)`.execute(db);
}
