import {once} from 'node:events';
import {createWriteStream, renameSync, rmSync} from 'node:fs';
import {finished} from 'node:stream/promises';
import {createGzip} from 'node:zlib';
import {type Kysely, sql, type Transaction} from 'kysely';
import {appliedMigrations, BACKUP_FORMAT, type BackupEnd, type BackupHeader, type IdentityState, readCatalog, type TableHeader, type TableInfo} from './backupFormat';
import type {EngineName} from './sqlPool';

// `baton-bridge backup <file>`: every Baton table, read in ONE read-only
// REPEATABLE READ transaction, so the file is one moment of the database
// even while the bridge keeps writing (PostgreSQL). The embedded engine is a
// single connection, so there the transaction alone makes the moment.

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  migrations: string[];
}

const BATCH = 500;

/** One row: each column's text form, or null. */
type Row = Array<string | null>;

export async function takeBackup<DB>(db: Kysely<DB>, engine: EngineName, file: string, now: () => Date = () => new Date()): Promise<BackupSummary> {
  // Written beside the target and renamed when complete: an interrupted
  // backup never leaves a file that looks like a good one.
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, {mode: 0o600});
  gzip.pipe(out);
  const written = finished(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const summary = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        // Text forms independent of the server's settings: ISO timestamps in UTC.
        await sql`set local timezone = 'UTC'`.execute(trx);
        await sql`set local datestyle = 'ISO, YMD'`.execute(trx);
        const migrations = await appliedMigrations(trx);
        const header: BackupHeader = {format: BACKUP_FORMAT, takenAt: now().toISOString(), engine, migrations};
        await write(header);
        const tables = await readCatalog(trx);
        let rows = 0;
        for (const table of tables) rows += await writeTable(trx, table, write);
        const end: BackupEnd = {end: true, tables: tables.length};
        await write(end);
        return {file, tables: tables.length, rows, migrations};
      });
    gzip.end();
    await written;
    renameSync(partial, file);
    return summary;
  } catch (error) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, {force: true});
    throw error;
  }
}

async function writeTable<DB>(trx: Transaction<DB>, table: TableInfo, write: (value: unknown) => Promise<void>): Promise<number> {
  const name = sql.table(table.name);
  const count = await sql<{count: string}>`select count(*)::text as count from ${name}`.execute(trx);
  const header: TableHeader = {table: table.name, columns: table.columns.map((column) => column.name), rows: Number(count.rows[0]?.count ?? 0), identity: await identityStates(trx, table)};
  await write(header);
  // json_build_array of ::text keeps each value in PostgreSQL's exact text
  // form; JSON.parse here (not the driver) so both engines read it alike.
  const values = sql.join(table.columns.map((column) => sql`${sql.ref(column.name)}::text`));
  const order = table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((column) => column.name);
  await sql`declare backup_rows no scroll cursor for select json_build_array(${values})::text as v from ${name} order by ${sql.join(order.map((column) => sql.ref(column)))}`.execute(trx);
  const held: Row[] = [];
  let rows = 0;
  for (;;) {
    const batch = await sql<{v: string}>`fetch forward ${sql.lit(BATCH)} from backup_rows`.execute(trx);
    for (const row of batch.rows) {
      const values = JSON.parse(row.v) as Row;
      if (table.selfReference) held.push(values);
      else await write(values);
      rows += 1;
    }
    if (batch.rows.length < BATCH) break;
  }
  await sql`close backup_rows`.execute(trx);
  if (table.selfReference) for (const values of parentsFirst(table, held)) await write(values);
  if (rows !== header.rows) throw new Error(`backup: ${table.name} changed while it was read (${header.rows} rows counted, ${rows} read)`);
  return rows;
}

async function identityStates<DB>(trx: Transaction<DB>, table: TableInfo): Promise<IdentityState[]> {
  const states: IdentityState[] = [];
  for (const column of table.columns.filter((each) => each.identity)) {
    const {rows} = await sql<{sequence: string}>`select pg_get_serial_sequence(${table.name}, ${column.name}) as sequence`.execute(trx);
    // The name comes from the catalog, not from input.
    const state = await sql<{lastValue: string; isCalled: boolean}>`select last_value::text as "lastValue", is_called as "isCalled" from ${sql.raw(rows[0]?.sequence ?? '')}`.execute(trx);
    const value = state.rows[0];
    if (value) states.push({column: column.name, lastValue: value.lastValue, isCalled: value.isCalled});
  }
  return states;
}

/**
 * Rows of a table that references itself (a sub-task's parent), ordered so
 * each parent comes before its children: restore inserts in batches, and a
 * child in an earlier batch than its parent would break the foreign key.
 */
function parentsFirst(table: TableInfo, rows: Row[]): Row[] {
  const reference = table.selfReference;
  if (!reference) return rows;
  const child = table.columns.findIndex((column) => column.name === reference.column);
  const key = table.columns.findIndex((column) => column.name === reference.references);
  const byKey = new Map(rows.map((row) => [row[key], row]));
  const ordered: Row[] = [];
  const state = new Map<Row, 'visiting' | 'done'>();
  const visit = (row: Row) => {
    if (state.get(row) === 'done') return;
    if (state.get(row) === 'visiting') throw new Error(`backup: ${table.name}.${reference.column} forms a cycle at ${row[key]}`);
    state.set(row, 'visiting');
    const parentKey = row[child];
    const parent = parentKey == null ? undefined : byKey.get(parentKey);
    if (parent) visit(parent);
    state.set(row, 'done');
    ordered.push(row);
  };
  for (const row of rows) visit(row);
  return ordered;
}
