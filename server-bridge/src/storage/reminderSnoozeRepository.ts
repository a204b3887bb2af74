import type {Kysely} from 'kysely';
import type {ReminderSnoozeStore} from '../domain/reminders/snooze';
import type {DatabaseSchema} from './schema';

// Snoozed reminders on either engine (migration 0011): one row per person,
// task and deadline kind; snoozing again moves its date.

export function createReminderSnoozeRepository(db: Kysely<DatabaseSchema>): ReminderSnoozeStore {
  return {
    async snooze({userId, taskId, deadlineKind, until}, at) {
      await db
        .insertInto('reminder_snoozes')
        .values({user_id: userId, task_id: taskId, deadline_kind: deadlineKind, until_date: until, snoozed_at: at})
        .onConflict((conflict) => conflict.columns(['task_id', 'user_id', 'deadline_kind']).doUpdateSet({until_date: until, snoozed_at: at}))
        .execute();
    },

    async snoozesOf(taskIds) {
      const unique = [...new Set(taskIds)];
      if (unique.length === 0) return [];
      const rows = await db.selectFrom('reminder_snoozes').select(['user_id', 'task_id', 'deadline_kind', 'until_date']).where('task_id', 'in', unique).execute();
      return rows.map((row) => ({userId: row.user_id, taskId: row.task_id, deadlineKind: row.deadline_kind, until: row.until_date}));
    },
  };
}
