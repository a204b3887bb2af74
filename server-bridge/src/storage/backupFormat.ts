import {type Kysely, sql} from 'kysely';

// What `baton-bridge backup` writes and `restore` reads (storage/backup.ts,
// storage/restore.ts): a gzip'd file of JSON lines, engine-neutral, so a
// backup of the embedded engine restores into PostgreSQL and back.
//
//   {"format":"baton.backup/1","takenAt":…,"engine":…,"migrations":[…]}
//   {"table":"tasks","columns":["id",…],"rows":2,"identity":[…]}   one per table, in dependency order,
//   ["0f…","PAT-1",…]                                               then its rows, every value as
//   …                                                               PostgreSQL's own text (or null)
//   {"end":true,"tables":24}
//
// Values are PostgreSQL's text form, cast back with the column's type on
// restore: exact for every type (microsecond timestamps, jsonb — a JSON
// `null` stays apart from SQL NULL —, arrays, bigint), where JSON numbers
// and JS Dates would round. The table list is read from the catalog, not
// hard-coded, so a new migration's tables are backed up without a change here.

export const BACKUP_FORMAT = 'baton.backup/1';

export interface BackupHeader {
  format: string;
  takenAt: string;
  engine: string;
  /** The migrations applied when the backup was taken, in order. */
  migrations: string[];
}

export interface IdentityState {
  column: string;
  /** The sequence's last_value (text: a bigint) and is_called, so ids continue where they were. */
  lastValue: string;
  isCalled: boolean;
}

export interface TableHeader {
  table: string;
  columns: string[];
  rows: number;
  identity: IdentityState[];
}

export interface BackupEnd {
  end: true;
  tables: number;
}

export interface TableInfo {
  name: string;
  columns: Array<{name: string; type: string; identity: boolean}>;
  primaryKey: string[];
  /** A single-column foreign key to the same table (tasks.parent_id): rows must come parent first. */
  selfReference?: {column: string; references: string};
}

/**
 * Tables whose rows the migrations themselves insert (the global task
 * statuses): they are not someone's data, so they don't make a database
 * "non-empty", and restore replaces them with the backup's rows.
 */
export const SEEDED_BY_MIGRATIONS: readonly string[] = ['task_statuses'];

/** Every Baton table of the current schema (Kysely's own bookkeeping aside), parents before children. */
export async function readCatalog<DB>(db: Kysely<DB>): Promise<TableInfo[]> {
  const columns = await sql<{table: string; column: string; type: string; identity: boolean}>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type, a.attidentity <> '' as identity
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid
     where n.nspname = current_schema() and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
       and a.attgenerated = '' and c.relname not like 'kysely\\_migration%'
     order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{table: string; column: string}>`
    select c.relname as table, a.attname as column
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = any(i.indkey)
     where i.indisprimary and n.nspname = current_schema()
     order by c.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const foreignKeys = await sql<{table: string; references: string; column: string | null; referencedColumn: string | null}>`
    select c.relname as table, r.relname as references,
           case when cardinality(con.conkey) = 1 then (select attname from pg_attribute where attrelid = con.conrelid and attnum = con.conkey[1]) end as "column",
           case when cardinality(con.confkey) = 1 then (select attname from pg_attribute where attrelid = con.confrelid and attnum = con.confkey[1]) end as "referencedColumn"
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_class r on r.oid = con.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where con.contype = 'f' and n.nspname = current_schema()`.execute(db);

  const tables = new Map<string, TableInfo>();
  for (const row of columns.rows) {
    const table = tables.get(row.table) ?? {name: row.table, columns: [], primaryKey: []};
    table.columns.push({name: row.column, type: row.type, identity: row.identity});
    tables.set(row.table, table);
  }
  for (const row of keys.rows) tables.get(row.table)?.primaryKey.push(row.column);
  const parents = new Map<string, Set<string>>([...tables.keys()].map((name) => [name, new Set<string>()]));
  for (const fk of foreignKeys.rows) {
    const table = tables.get(fk.table);
    if (!table) continue;
    if (fk.table !== fk.references) {
      parents.get(fk.table)?.add(fk.references);
    } else if (fk.column && fk.referencedColumn) {
      table.selfReference = {column: fk.column, references: fk.referencedColumn};
    } else {
      throw new Error(`backup: ${fk.table} references itself through several columns, which backup cannot order yet`);
    }
  }
  return dependencyOrder(tables, parents);
}

/** Parents before children; alphabetical among equals, so two backups of one database list tables alike. */
function dependencyOrder(tables: Map<string, TableInfo>, parents: Map<string, Set<string>>): TableInfo[] {
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (placed.size < tables.size) {
    const ready = [...tables.keys()].filter((name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((parent) => placed.has(parent) || !tables.has(parent))).sort();
    if (ready.length === 0) throw new Error('backup: the tables reference each other in a cycle, which backup cannot order');
    for (const name of ready) {
      placed.add(name);
      ordered.push(tables.get(name) as TableInfo);
    }
  }
  return ordered;
}

/** The migrations applied to this database, in order. */
export async function appliedMigrations<DB>(db: Kysely<DB>): Promise<string[]> {
  const {rows} = await sql<{name: string}>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}

/**
 * A refusal the operator can act on (the lock is held, the database is not
 * empty, the backup is from another schema): the CLI prints the lines and
 * exits with code 2, apart from code 1 for failures.
 */
export class BackupRefused extends Error {
  override readonly name = 'BackupRefused';

  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
