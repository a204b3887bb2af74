import {type Kysely, Migrator} from 'kysely';
import {StartupError} from '../errors';
import {migrations} from './migrations';

function migratorFor(db: Kysely<unknown>): Migrator {
  return new Migrator({db, provider: {getMigrations: () => Promise.resolve(migrations)}});
}

/**
 * Applies every pending migration. Kysely holds a lock row while it runs, so
 * several bridge replicas starting together on PostgreSQL apply each once.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const {error, results = []} = await migratorFor(db).migrateToLatest();
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new StartupError([`storage: migration ${failed} failed: ${(error as Error).message}`]);
  }
  return results.map((result) => result.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
  const all = await migratorFor(db).getMigrations();
  return all.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}
