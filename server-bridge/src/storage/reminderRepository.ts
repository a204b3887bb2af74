import type {Kysely} from 'kysely';
import type {OpenDeadline, ReminderReads} from '../domain/reminders/ports';
import type {DatabaseSchema} from './schema';

// What the reminder jobs read, on either engine: who may get a digest, the
// open deadlines near their rungs, and which notices the outbox has already.

/** Bound parameters per `in (…)` list: far below either engine's limit of 65,535. */
const CHUNK = 1_000;

export function createReminderReads(db: Kysely<DatabaseSchema>): ReminderReads {
  const openStatuses = db.selectFrom('task_statuses').select('id').where('category', '=', 'open');

  return {
    async digestRecipients() {
      const holders = db.selectFrom('tasks').select('holder_id as user_id').where('holder_id', 'is not', null).where('status_id', 'in', openStatuses);
      const waiting = db
        .selectFrom('tasks')
        .select('handed_by_id as user_id')
        .where('handed_by_id', 'is not', null)
        .where('accepted_at', 'is', null)
        .where('status_id', 'in', openStatuses);
      const configured = db.selectFrom('user_settings').select('user_id');
      const rows = await holders.union(waiting).union(configured).orderBy('user_id').execute();
      return rows.map((row) => row.user_id).filter((userId): userId is string => userId !== null);
    },

    async openDeadlinesBefore(before) {
      const rows = await db
        .selectFrom('task_deadlines as d')
        .innerJoin('tasks as t', 't.id', 'd.task_id')
        .select(['t.id as task_id', 't.channel_id', 't.holder_id', 't.creator_id', 'd.kind', 'd.due_at', 'd.all_day', 'd.time_zone'])
        .where('t.status_id', 'in', openStatuses)
        .where('d.due_at', '<', before)
        .orderBy('d.due_at')
        .orderBy('t.id')
        .orderBy('d.kind')
        .execute();
      const taskIds = [...new Set(rows.map((row) => row.task_id))];
      const watchers = new Map<string, string[]>();
      for (let start = 0; start < taskIds.length; start += CHUNK) {
        const found = await db
          .selectFrom('task_watchers')
          .select(['task_id', 'user_id'])
          .where('task_id', 'in', taskIds.slice(start, start + CHUNK))
          .orderBy('user_id')
          .execute();
        for (const {task_id, user_id} of found) watchers.set(task_id, [...(watchers.get(task_id) ?? []), user_id]);
      }
      return rows.map(
        (row): OpenDeadline => ({
          taskId: row.task_id,
          channelId: row.channel_id,
          holderId: row.holder_id,
          creatorId: row.creator_id,
          watcherIds: watchers.get(row.task_id) ?? [],
          deadline: {kind: row.kind, dueAt: row.due_at, allDay: row.all_day, timeZone: row.time_zone},
        }),
      );
    },

    async enqueuedKeys(keys) {
      const unique = [...new Set(keys)];
      const found = new Set<string>();
      for (let start = 0; start < unique.length; start += CHUNK) {
        const rows = await db
          .selectFrom('outbox')
          .select('idempotency_key')
          .where('idempotency_key', 'in', unique.slice(start, start + CHUNK))
          .execute();
        for (const row of rows) found.add(row.idempotency_key);
      }
      return found;
    },
  };
}

