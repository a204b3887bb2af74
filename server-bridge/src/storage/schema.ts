import type {ColumnType} from 'kysely';

// Row types of the tables, as Kysely sees them. Migrations in ./migrations
// create the tables; keep this file in step with them (the storage tests
// exercise every table through a repository).

export interface BridgeSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface DatabaseSchema {
  bridge_settings: BridgeSettingsTable;
}
