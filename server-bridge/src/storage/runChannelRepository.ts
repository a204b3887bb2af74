import {type Kysely, sql, type Transaction} from 'kysely';
import type {RunChannel, WorkflowReads, WorkflowWrites} from '../domain/workflows/ports';
import type {DatabaseSchema} from './schema';

// Workflow runs' own channels on either engine (workflow_run_channels): the
// request made with the run, the Mattermost channel id once the delivery
// worker made it, and when its archiving was enqueued.

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** The run channels of these runs, by run id. */
export async function runChannelsOf(db: Db, runIds: string[]): Promise<Map<string, RunChannel>> {
  if (runIds.length === 0) return new Map();
  const rows = await db.selectFrom('workflow_run_channels').selectAll().where('run_id', 'in', runIds).execute();
  return new Map(rows.map((row) => [row.run_id, {channelId: row.channel_id, requestedAt: row.requested_at, archiveRequestedAt: row.archive_requested_at, failure: row.failure}]));
}

export function runChannelReadsOn(db: Db): Pick<WorkflowReads, 'runChannelsToArchive'> {
  return {
    async runChannelsToArchive(completedBefore, limit) {
      const rows = await db
        .selectFrom('workflow_run_channels as c')
        .innerJoin('workflow_runs as r', 'r.id', 'c.run_id')
        .select(['c.run_id', 'c.channel_id'])
        .where('c.channel_id', 'is not', null)
        .where('c.archive_requested_at', 'is', null)
        .where('r.status', '=', 'completed')
        .where('r.completed_at', '<=', completedBefore)
        .orderBy('r.completed_at')
        .orderBy('c.run_id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({runId: row.run_id, channelId: row.channel_id ?? ''}));
    },
  };
}

export function runChannelWritesOn(db: Db): Pick<WorkflowWrites, 'requestRunChannel' | 'recordRunChannel' | 'recordRunChannelFailure' | 'markRunChannelArchiveRequested'> {
  return {
    async requestRunChannel(runId, at) {
      await db.insertInto('workflow_run_channels').values({run_id: runId, requested_at: at}).onConflict((conflict) => conflict.column('run_id').doNothing()).execute();
    },
    async recordRunChannel(runId, channelId) {
      // The first recorded id stays: a late attempt that found the same channel changes nothing.
      await db
        .updateTable('workflow_run_channels')
        .set({channel_id: channelId, created_at: sql<Date>`now()`})
        .where('run_id', '=', runId)
        .where('channel_id', 'is', null)
        .execute();
    },
    async recordRunChannelFailure(runId, reason) {
      await db.updateTable('workflow_run_channels').set({failure: reason.slice(0, 1000)}).where('run_id', '=', runId).where('channel_id', 'is', null).execute();
    },
    async markRunChannelArchiveRequested(runId, at) {
      const result = await db.updateTable('workflow_run_channels').set({archive_requested_at: at}).where('run_id', '=', runId).where('archive_requested_at', 'is', null).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
