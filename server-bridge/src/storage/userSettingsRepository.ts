import type {Kysely, Selectable, Updateable} from 'kysely';
import type {StoredUserSettings, UserSettingsChanges, UserSettingsStore} from '../domain/reminders/userSettings';
import {auditWriterOn} from './auditRepository';
import type {DatabaseSchema, UserSettingsTable} from './schema';

// People's own settings on either engine: one row per person who changed
// something; the defaults are the columns' defaults.

export function createUserSettingsRepository(db: Kysely<DatabaseSchema>): UserSettingsStore {
  return {
    async findMany(userIds) {
      const unique = [...new Set(userIds)];
      if (unique.length === 0) return new Map();
      const rows = await db.selectFrom('user_settings').selectAll().where('user_id', 'in', unique).execute();
      return new Map(rows.map((row) => [row.user_id, toSettings(row)]));
    },

    async save(actor, changes, at) {
      const columns = toColumns(changes);
      const userId = actor.userId;
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('user_settings').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirst();
        // One statement, so two concurrent first changes cannot both insert.
        const row = await trx
          .insertInto('user_settings')
          .values({user_id: userId, ...columns, updated_at: at})
          .onConflict((conflict) => conflict.column('user_id').doUpdateSet({...columns, updated_at: at}))
          .returningAll()
          .executeTakeFirstOrThrow();
        const saved = toSettings(row);
        await auditWriterOn(trx).record({at, actor, action: 'user_settings.updated', entity: {type: 'user_settings', id: userId}, before: before ? toSettings(before) : null, after: saved});
        return saved;
      });
    },
  };
}

function toColumns(changes: UserSettingsChanges): Updateable<UserSettingsTable> {
  const columns: Updateable<UserSettingsTable> = {};
  if (changes.digestTime !== undefined) columns.digest_time = changes.digestTime;
  if (changes.digestEnabled !== undefined) columns.digest_enabled = changes.digestEnabled;
  if (changes.weeklySummary !== undefined) columns.weekly_summary = changes.weeklySummary;
  if (changes.dueSoonDays !== undefined) columns.due_soon_days = changes.dueSoonDays;
  if (changes.mutedDeadlineKinds !== undefined) columns.muted_deadline_kinds = changes.mutedDeadlineKinds;
  if (changes.requireAcceptance !== undefined) columns.require_acceptance = changes.requireAcceptance;
  return columns;
}

function toSettings(row: Selectable<UserSettingsTable>): StoredUserSettings {
  return {
    userId: row.user_id,
    digestTime: row.digest_time,
    digestEnabled: row.digest_enabled,
    weeklySummary: row.weekly_summary,
    dueSoonDays: row.due_soon_days,
    mutedDeadlineKinds: row.muted_deadline_kinds,
    requireAcceptance: row.require_acceptance,
    updatedAt: row.updated_at,
  };
}
