import {mkdirSync} from 'node:fs';
import {resolve} from 'node:path';
import {type Extension, PGlite} from '@electric-sql/pglite';
import {createPgConfig} from '@electric-sql/pglite/node-postgres';
import {Pool} from 'pg';
import {StartupError} from '../errors';
import {lockDataDir} from './dataDirLock';
import type {SqlPool} from './sqlPool';

/**
 * Extensions the schema uses. PGlite only has an extension when it is loaded
 * at open time, so every open passes all of them (a migration's
 * CREATE EXTENSION would fail otherwise).
 */
const extensions = {pg_trgm: loadContrib('pg_trgm')};

/**
 * PGlite's package map sends TypeScript to the ESM typings for contrib
 * extensions even under `require`, while Node resolves the CommonJS build
 * (dist/contrib/*.cjs) just fine; requiring it directly keeps the bridge a
 * plain CommonJS program.
 */
function loadContrib(name: 'pg_trgm'): Extension {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(`@electric-sql/pglite/contrib/${name}`) as Record<string, Extension>;
  const extension = module[name];
  if (!extension) throw new Error(`PGlite contrib module ${name} has no export ${name}`);
  return extension;
}

/**
 * Without a cap PGlite keeps up to 1 GB of WAL beside a small database; these
 * keep the data directory close to the size of the data.
 */
const postgresqlConf = ['max_wal_size = 64MB', 'min_wal_size = 32MB'];

/**
 * Opens PGlite on a real data directory behind node-postgres' Pool API, so
 * the rest of the bridge has a single code path for both engines. PGlite is
 * one connection; the pool size of 1 serialises transactions on it.
 */
export async function openEmbeddedPool(dataDir: string): Promise<SqlPool> {
  const directory = resolve(dataDir);
  try {
    mkdirSync(directory, {recursive: true});
  } catch (error) {
    throw new StartupError([`storage: cannot create the data directory ${directory} (${(error as NodeJS.ErrnoException).code}); set BATON_DATA_DIR to a writable path.`]);
  }
  const lock = lockDataDir(directory);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(directory, {extensions, postgresqlconf: postgresqlConf});
  } catch (error) {
    lock.release();
    throw new StartupError([`storage: cannot open the embedded database in ${directory}: ${(error as Error).message}`]);
  }
  const pool = new Pool(createPgConfig(pglite));
  return {
    engine: 'embedded',
    pool,
    async close() {
      try {
        await pool.end();
        await pglite.close();
      } finally {
        lock.release();
      }
    },
  };
}
