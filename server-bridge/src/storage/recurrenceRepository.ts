import {type Kysely, type Selectable, sql, type Transaction} from 'kysely';
import {recurringRunTemplateSchema, recurringTaskTemplateSchema} from '../contract/recurrence';
import type {RecurrenceSchedule} from '../domain/calendar/recurrence';
import type {Recurrence, RecurrenceProblem, RecurrenceReads, RecurrenceStore, RecurrenceWrites} from '../domain/recurrence/ports';
import type {DatabaseSchema} from './schema';
import {taskTxOn} from './taskRepository';

// Recurrences and their occurrences on either engine. A transaction here is
// also a task transaction (taskTxOn), so an occurrence row commits with the
// task or run it stands for. Templates are parsed back through the contract,
// so a stored template always reads as a valid one; the schedule is checked
// by the calendar module wherever it is evaluated.

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;
type Row = Selectable<DatabaseSchema['recurrences']>;

interface StoredProblem {
  occurrenceDate: string;
  message: string;
  at: string;
}

export function createRecurrenceRepository(db: Kysely<DatabaseSchema>, options: {afterCommit?: () => void} = {}): RecurrenceStore {
  return {
    ...readsOn(db),
    async transaction(work) {
      const result = await db.transaction().execute((trx) => work({...taskTxOn(trx), recurrences: {...readsOn(trx), ...writesOn(trx)}}));
      // E.g. wake the notice delivery: a recurring task's or run's handoff notice is visible now.
      options.afterCommit?.();
      return result;
    },
  };
}

function readsOn(db: Db): RecurrenceReads {
  return {
    async findRecurrence(id) {
      const row = await db.selectFrom('recurrences').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecurrence(row) : undefined;
    },
    async listRecurrences(channelIds) {
      if (channelIds.length === 0) return [];
      const rows = await db.selectFrom('recurrences').selectAll().where('channel_id', 'in', channelIds).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRecurrence);
    },
    async dueRecurrences(now, limit) {
      const rows = await db
        .selectFrom('recurrences')
        .selectAll()
        .where('paused', '=', false)
        .where('next_due_at', '<=', now)
        .orderBy('next_due_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toRecurrence);
    },
  };
}

function writesOn(db: Transaction<DatabaseSchema>): RecurrenceWrites {
  return {
    async insertRecurrence(recurrence) {
      await db
        .insertInto('recurrences')
        .values({
          id: recurrence.id,
          kind: recurrence.kind,
          channel_id: recurrence.channelId,
          created_by: recurrence.createdBy,
          schedule: JSON.stringify(recurrence.schedule),
          template: JSON.stringify(recurrence.template),
          next_due_at: recurrence.nextDueAt,
          paused: recurrence.paused,
          version: recurrence.version,
          last_problem: storedProblem(recurrence.lastProblem),
          created_at: recurrence.createdAt,
          updated_at: recurrence.updatedAt,
        })
        .execute();
    },
    async updateRecurrence(id, changes) {
      const updated = await db
        .updateTable('recurrences')
        .set({
          ...(changes.schedule !== undefined ? {schedule: JSON.stringify(changes.schedule)} : {}),
          ...(changes.template !== undefined ? {template: JSON.stringify(changes.template)} : {}),
          ...(changes.nextDueAt !== undefined ? {next_due_at: changes.nextDueAt} : {}),
          ...(changes.paused !== undefined ? {paused: changes.paused} : {}),
          ...(changes.lastProblem !== undefined ? {last_problem: storedProblem(changes.lastProblem)} : {}),
          updated_at: changes.updatedAt,
          version: sql<number>`version + 1`,
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return (updated.numUpdatedRows ?? 0n) > 0n;
    },
    async deleteRecurrence(id) {
      const deleted = await db.deleteFrom('recurrences').where('id', '=', id).executeTakeFirst();
      return (deleted.numDeletedRows ?? 0n) > 0n;
    },
    async lockRecurrence(id) {
      return db.selectFrom('recurrences').select(['version', 'paused']).where('id', '=', id).forUpdate().executeTakeFirst();
    },
    async claimOccurrence(recurrenceId, occurrenceDate, at) {
      // The primary key decides between replicas: a concurrent claim waits for
      // this transaction, then finds the row and inserts nothing.
      const inserted = await db
        .insertInto('recurrence_occurrences')
        .values({recurrence_id: recurrenceId, occurrence_date: occurrenceDate, created_at: at})
        .onConflict((conflict) => conflict.columns(['recurrence_id', 'occurrence_date']).doNothing())
        .executeTakeFirst();
      return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },
    async linkOccurrence(recurrenceId, occurrenceDate, outcome) {
      await db
        .updateTable('recurrence_occurrences')
        .set('taskId' in outcome ? {task_id: outcome.taskId} : {run_id: outcome.runId})
        .where('recurrence_id', '=', recurrenceId)
        .where('occurrence_date', '=', occurrenceDate)
        .execute();
    },
    async advanceRecurrence(id, version, progress) {
      await db
        .updateTable('recurrences')
        .set({next_due_at: progress.nextDueAt, ...(progress.lastProblem !== undefined ? {last_problem: storedProblem(progress.lastProblem)} : {})})
        .where('id', '=', id)
        .where('version', '=', version)
        .execute();
    },
  };
}

function storedProblem(problem: RecurrenceProblem | null): string | null {
  return problem ? JSON.stringify({...problem, at: problem.at.toISOString()} satisfies StoredProblem) : null;
}

function toRecurrence(row: Row): Recurrence {
  const stored = row.last_problem as StoredProblem | null;
  const common = {
    id: row.id,
    channelId: row.channel_id,
    createdBy: row.created_by,
    schedule: row.schedule as RecurrenceSchedule,
    nextDueAt: row.next_due_at,
    paused: row.paused,
    version: row.version,
    lastProblem: stored ? {...stored, at: new Date(stored.at)} : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return row.kind === 'task'
    ? {...common, kind: 'task', template: recurringTaskTemplateSchema.parse(row.template)}
    : {...common, kind: 'workflow_run', template: recurringRunTemplateSchema.parse(row.template)};
}
