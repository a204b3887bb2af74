import {createReadStream} from 'node:fs';
import {pipeline} from 'node:stream';
import {StringDecoder} from 'node:string_decoder';
import {createGunzip} from 'node:zlib';
import {type Kysely, sql, type Transaction} from 'kysely';
import {BACKUP_FORMAT, type BackupEnd, type BackupHeader, BackupRefused, readCatalog, SEEDED_BY_MIGRATIONS, type TableHeader, type TableInfo} from './backupFormat';
import {migrations} from './migrations';

// `baton-bridge restore <file> [--force]` (file format: backupFormat.ts).
// Everything happens in ONE transaction: a refused or failed restore leaves
// the database exactly as it was, a successful one has every row at once.

export interface RestoreOptions {
  /** Wipe a database that already has data, instead of refusing. */
  force?: boolean;
}

export interface RestoreSummary {
  file: string;
  takenAt: string;
  tables: number;
  rows: number;
  wiped: boolean;
}

const BATCH = 500;

/** Restores into `db`, which openDatabase has migrated to this bridge's latest schema. */
export async function restoreBackup<DB>(db: Kysely<DB>, file: string, {force = false}: RestoreOptions = {}): Promise<RestoreSummary> {
  const lines = readLines(file);
  try {
    return await restoreFrom(db, file, lines, force);
  } finally {
    await lines.return(undefined);
  }
}

async function restoreFrom<DB>(db: Kysely<DB>, file: string, lines: AsyncGenerator<string>, force: boolean): Promise<RestoreSummary> {
  const header = parseHeader(await nextLine(lines, file), file);
  checkMigrations(header.migrations);
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    await sql`set local datestyle = 'ISO, YMD'`.execute(trx);
    const withData = await tablesWithData(trx, await readCatalog(trx));
    if (withData.length > 0 && !force) {
      throw new BackupRefused([
        `restore: the database already has data: ${withData.map(({table, rows}) => `${table} (${rows} rows)`).join(', ')}.`,
        'restore: nothing was changed; restore into an empty database, or pass --force to delete everything in it first.',
      ]);
    }
    if (withData.length > 0) await wipe(trx);
    const catalog = new Map((await readCatalog(trx)).map((table) => [table.name, table]));
    // The seeded rows come back from the backup, as they were there.
    for (const table of SEEDED_BY_MIGRATIONS) if (catalog.has(table)) await sql`delete from ${sql.table(table)}`.execute(trx);

    let tables = 0;
    let rows = 0;
    for (;;) {
      const line = JSON.parse(await nextLine(lines, file)) as TableHeader | BackupEnd;
      if ('end' in line) {
        if (line.tables !== tables) throw new BackupRefused([`restore: ${file} is damaged: it ends after ${tables} of ${line.tables} tables; nothing was changed.`]);
        break;
      }
      const table = catalog.get(line.table);
      if (!table) throw new BackupRefused([`restore: ${file} has a table ${line.table} this database does not; nothing was changed.`]);
      rows += await loadTable(trx, table, line, lines, file);
      tables += 1;
    }
    return {file, takenAt: header.takenAt, tables, rows, wiped: withData.length > 0};
  });
}

function parseHeader(line: string, file: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    header = {};
  }
  if (header.format !== BACKUP_FORMAT || !Array.isArray(header.migrations)) {
    throw new BackupRefused([`restore: ${file} is not a Baton backup (expected format ${BACKUP_FORMAT}, as \`baton-bridge backup\` writes it); nothing was changed.`]);
  }
  return header as BackupHeader;
}

/**
 * A backup restores into the schema it was taken at, and only this
 * bridge's schema can be created here: migrating the restored rows up
 * afterwards would be possible, but a same-schema rule is simple to trust.
 */
function checkMigrations(taken: string[]): void {
  const known = Object.keys(migrations);
  if (taken.length === known.length && taken.every((name, index) => name === known[index])) return;
  const unknown = taken.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new BackupRefused([
      `restore: the backup was taken by a newer bridge: its schema has ${unknown.join(', ')}, which this bridge does not know.`,
      'restore: restore it with the bridge version that took it (or a newer one); nothing was changed.',
    ]);
  }
  throw new BackupRefused([
    `restore: the backup was taken by an older bridge (schema up to ${taken.at(-1) ?? 'none'}; this bridge is at ${known.at(-1)}).`,
    'restore: restore it with the bridge version that took it, then start this version on that database to migrate it; nothing was changed.',
  ]);
}

async function tablesWithData<DB>(trx: Transaction<DB>, tables: TableInfo[]): Promise<Array<{table: string; rows: number}>> {
  const found: Array<{table: string; rows: number}> = [];
  for (const table of tables) {
    if (SEEDED_BY_MIGRATIONS.includes(table.name)) continue;
    const {rows} = await sql<{count: string}>`select count(*)::text as count from ${sql.table(table.name)}`.execute(trx);
    const count = Number(rows[0]?.count ?? 0);
    if (count > 0) found.push({table: table.name, rows: count});
  }
  return found;
}

/**
 * --force: every migration's down, newest first, then every up again, in
 * this transaction. Not TRUNCATE: the audit log refuses TRUNCATE and DELETE
 * by trigger (0012_audit_log), and that guarantee must hold for everything
 * else the bridge does; dropping the table (which its down migration does,
 * as the owner may) is the one way to empty it, and the up re-creates it
 * with its triggers. Kysely's migration table is untouched: the list of
 * applied migrations is the same before and after.
 */
async function wipe<DB>(trx: Transaction<DB>): Promise<void> {
  const all = Object.values(migrations);
  for (const migration of [...all].reverse()) await migration.down?.(trx);
  for (const migration of all) await migration.up(trx);
}

async function loadTable<DB>(trx: Transaction<DB>, table: TableInfo, header: TableHeader, lines: AsyncIterator<string>, file: string): Promise<number> {
  const types = new Map(table.columns.map((column) => [column.name, column.type]));
  const expected = table.columns.map((column) => column.name);
  if (header.columns.length !== expected.length || header.columns.some((column) => !types.has(column))) {
    throw new BackupRefused([`restore: ${file} has columns ${header.columns.join(', ')} for ${table.name}, this database ${expected.join(', ')}; nothing was changed.`]);
  }
  // Identity columns (e.g. task_events.id) keep their ids: the timeline, the
  // outbox and the audit log are referred to by them.
  const overriding = table.columns.some((column) => column.identity) ? sql`overriding system value` : sql``;
  // Types come from this database's catalog; only values come from the file.
  const casts = sql.join(header.columns.map((column, index) => sql`(r.v ->> ${sql.lit(index)})::${sql.raw(types.get(column) ?? 'text')}`));
  const insert = (batch: unknown[]) =>
    sql`insert into ${sql.table(table.name)} (${sql.join(header.columns.map((column) => sql.ref(column)))}) ${overriding}
        select ${casts} from jsonb_array_elements(${JSON.stringify(batch)}::jsonb) with ordinality as r(v, n) order by r.n`.execute(trx);
  let batch: unknown[] = [];
  for (let index = 0; index < header.rows; index += 1) {
    batch.push(JSON.parse(await nextLine(lines, file)));
    if (batch.length === BATCH) {
      await insert(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await insert(batch);
  for (const identity of header.identity) {
    await sql`select setval(pg_get_serial_sequence(${table.name}, ${identity.column}), ${identity.lastValue}::bigint, ${identity.isCalled})`.execute(trx);
  }
  return header.rows;
}

async function nextLine(lines: AsyncIterator<string>, file: string): Promise<string> {
  const next = await lines.next();
  if (next.done) throw new BackupRefused([`restore: ${file} ends early (cut off while copying?); nothing was changed.`]);
  return next.value;
}

/** The file's lines; a missing file or broken gzip rejects the iteration. */
async function* readLines(file: string): AsyncGenerator<string> {
  const gunzip = pipeline(createReadStream(file), createGunzip(), () => undefined);
  // A chunk may end inside a multi-byte character (Japanese titles).
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BackupRefused([`restore: ${file} does not exist.`]);
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new BackupRefused([`restore: ${file} is not a Baton backup (not gzip data); nothing was changed.`]);
    throw error;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}
