import {type Kysely, sql} from 'kysely';
import type {JsonValue, SettingsStore} from '../domain/settings';
import type {DatabaseSchema} from './schema';

export function createSettingsRepository(db: Kysely<DatabaseSchema>): SettingsStore {
  return {
    async get(key) {
      const row = await db.selectFrom('bridge_settings').select('value').where('key', '=', key).executeTakeFirst();
      return row === undefined ? undefined : (row.value as JsonValue);
    },
    async set(key, value) {
      // jsonb is sent as text: node-postgres would turn a JS array into a
      // PostgreSQL array literal, not JSON.
      const json = JSON.stringify(value);
      await db
        .insertInto('bridge_settings')
        .values({key, value: json})
        .onConflict((conflict) => conflict.column('key').doUpdateSet({value: json, updated_at: sql<Date>`now()`}))
        .execute();
    },
    async setIfAbsent(key, value) {
      await db
        .insertInto('bridge_settings')
        .values({key, value: JSON.stringify(value)})
        .onConflict((conflict) => conflict.column('key').doNothing())
        .execute();
      const row = await db.selectFrom('bridge_settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
      return row.value as JsonValue;
    },
    async delete(key) {
      const result = await db.deleteFrom('bridge_settings').where('key', '=', key).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
