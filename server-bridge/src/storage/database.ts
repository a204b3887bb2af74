import {Kysely, PostgresDialect, sql} from 'kysely';
import type {StorageConfig} from '../config/config';
import {openEmbeddedPool} from './embedded';
import {migrateToLatest, pendingMigrations} from './migrate';
import {openPostgresPool} from './postgres';
import type {DatabaseSchema} from './schema';
import type {EngineName, SqlPool} from './sqlPool';

/** One connection per delivery lane of the worker (deliveryWorker.ts: 4 notices at a time). */
const BACKGROUND_POOL_SIZE = 4;

export interface Database {
  engine: EngineName;
  db: Kysely<DatabaseSchema>;
  /**
   * For the notice delivery worker. On PostgreSQL its own few connections, so
   * that delivering DMs never queues behind a burst of requests for the
   * request pool (under load it would otherwise fall ever further behind);
   * on the embedded engine, one connection in all, the same as `db`.
   */
  background: Kysely<DatabaseSchema>;
  /** Throws when the database cannot answer or migrations are pending. */
  checkReady(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the configured engine and brings its schema up to date. The same
 * Kysely dialect serves both engines: PGlite is reached through its
 * node-postgres adapter.
 */
export async function openDatabase(config: StorageConfig): Promise<Database> {
  const sqlPool =
    config.engine === 'embedded' ? await openEmbeddedPool(config.dataDir) : await openPostgresPool(config.url, config.poolSize);
  const db = new Kysely<DatabaseSchema>({dialect: new PostgresDialect({pool: sqlPool.pool})});
  // Kysely.destroy() would end the pool too; closing goes through sqlPool so
  // the embedded engine also shuts PGlite down and releases its lock.
  let backgroundPool: SqlPool | undefined;
  const close = async () => {
    await backgroundPool?.close();
    await sqlPool.close();
  };
  let background = db;
  try {
    await migrateToLatest(db as Kysely<unknown>);
    if (config.engine === 'postgres') {
      backgroundPool = await openPostgresPool(config.url, BACKGROUND_POOL_SIZE);
      background = new Kysely<DatabaseSchema>({dialect: new PostgresDialect({pool: backgroundPool.pool})});
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    engine: sqlPool.engine,
    db,
    background,
    async checkReady() {
      await sql`select 1`.execute(db);
      const pending = await pendingMigrations(db as Kysely<unknown>);
      if (pending.length > 0) throw new Error(`migrations pending: ${pending.join(', ')}`);
    },
    close,
  };
}
