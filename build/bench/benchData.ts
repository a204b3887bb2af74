import {join} from 'node:path';
import {Client} from 'pg';
import type {StorageConfig} from '../../server-bridge/src/config/config';
import {openDatabase} from '../../server-bridge/src/storage/database';
import {type DatasetSummary, loadDataset} from './dataset';
import type {BenchContext} from './figures';
import {buildTextPool} from './textPool';
import {type BenchWorld, benchWorld} from './world';

// The data-scale suites share one loaded database per engine: the first suite
// that asks loads it, later ones reuse it. Made once per run by suites.ts and
// passed to the suites that need it.

export type Engine = 'postgres' | 'embedded';

export interface LoadedData {
  engine: Engine;
  /** Where the bridge's storage is: a database on the runner's PostgreSQL, or a data directory. */
  storage: StorageConfig;
  world: BenchWorld;
  summary: DatasetSummary;
}

export interface BenchData {
  load(context: BenchContext, engine: Engine): Promise<LoadedData>;
}

/**
 * Tasks loaded into the embedded engine: a tenth of the PostgreSQL size, at
 * most 100,000. PGlite is single-threaded inside the bench process; on the
 * 2-core machine under other load, 100,000 tasks took 2 minutes to load and
 * a million on PostgreSQL 9.5, so a million on PGlite would take the whole
 * `make bench` budget. Its figures say which size they were measured at.
 */
export function embeddedTaskCount(tasks: number): number {
  return Math.min(tasks, Math.max(1000, Math.min(100_000, Math.round(tasks / 10))));
}

export function createBenchData(): BenchData {
  const loading = new Map<Engine, Promise<LoadedData>>();
  const world = benchWorld();
  return {
    load(context, engine) {
      let loaded = loading.get(engine);
      if (!loaded) {
        loaded = loadFor(context, engine, world);
        loading.set(engine, loaded);
      }
      return loaded;
    },
  };
}

async function loadFor(context: BenchContext, engine: Engine, world: BenchWorld): Promise<LoadedData> {
  const storage: StorageConfig = engine === 'postgres' ? {engine, url: await createBenchDatabase(context.postgresUrl), poolSize: 4} : {engine, dataDir: join(context.scratchDir, 'embedded-data')};
  const tasks = engine === 'postgres' ? context.tasks : embeddedTaskCount(context.tasks);
  context.log(`${engine}: loading ${tasks} tasks`);
  const database = await openDatabase(storage);
  try {
    const summary = await loadDataset(database.db, {tasks, world, pool: buildTextPool(), now: new Date(), parallel: engine === 'postgres' ? 2 : 1, log: (line) => context.log(`${engine} ${line}`)});
    return {engine, storage, world, summary};
  } finally {
    await database.close();
  }
}

/** A database of its own, UTF8 with a non-C character type as the bridge requires. */
async function createBenchDatabase(serverUrl: string): Promise<string> {
  const client = new Client({connectionString: serverUrl});
  await client.connect();
  try {
    await client.query(`create database baton_bench encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = '/baton_bench';
  return url.toString();
}
