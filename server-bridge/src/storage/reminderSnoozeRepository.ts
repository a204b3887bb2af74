import type {Kysely} from 'kysely';
import type {ReminderSnoozeStore} from '../domain/reminders/snooze';
import {auditWriterOn} from './auditRepository';
import type {DatabaseSchema} from './schema';

// Snoozed reminders on either engine (migration 0011): one row per person,
// task and deadline kind; snoozing again moves its date.

export function createReminderSnoozeRepository(db: Kysely<DatabaseSchema>): ReminderSnoozeStore {
  return {
    async snooze(snooze, at) {
      const {userId, taskId, deadlineKind, until} = snooze;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('reminder_snoozes')
          .values({user_id: userId, task_id: taskId, deadline_kind: deadlineKind, until_date: until, snoozed_at: at})
          .onConflict((conflict) => conflict.columns(['task_id', 'user_id', 'deadline_kind']).doUpdateSet({until_date: until, snoozed_at: at}))
          .execute();
        // Only the person snoozes their own reminders (the snooze dialog), so they are the actor.
        await auditWriterOn(trx).record({at, actor: {userId, guest: false}, action: 'reminder.snoozed', entity: {type: 'reminder_snooze', id: `${taskId}:${userId}:${deadlineKind}`}, before: null, after: snooze});
      });
    },

    async snoozesOf(taskIds) {
      const unique = [...new Set(taskIds)];
      if (unique.length === 0) return [];
      const rows = await db.selectFrom('reminder_snoozes').select(['user_id', 'task_id', 'deadline_kind', 'until_date']).where('task_id', 'in', unique).execute();
      return rows.map((row) => ({userId: row.user_id, taskId: row.task_id, deadlineKind: row.deadline_kind, until: row.until_date}));
    },
  };
}
