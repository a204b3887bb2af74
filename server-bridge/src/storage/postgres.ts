import {Pool} from 'pg';
import {StartupError} from '../errors';
import type {SqlPool} from './sqlPool';

const MIN_SERVER_VERSION = 150000;

/**
 * Connects to PostgreSQL and refuses a database Baton cannot serve correctly:
 * too old, not UTF-8, or with a `C` character type, under which upper/lower
 * of Cyrillic and matching of CJK text silently go wrong.
 */
export async function openPostgresPool(url: string, poolSize: number): Promise<SqlPool> {
  const target = describe(url);
  const pool = new Pool({connectionString: url, max: poolSize, connectionTimeoutMillis: 5000});
  // An idle client that loses its server (restart, failover) emits 'error' on
  // the pool; unhandled, that would crash the process instead of reconnecting.
  pool.on('error', () => undefined);
  try {
    await checkDatabase(pool, target);
  } catch (error) {
    await pool.end().catch(() => undefined);
    if (error instanceof StartupError) throw error;
    throw new StartupError([`storage: cannot use PostgreSQL at ${target}: ${(error as Error).message}. Check DATABASE_URL and that the server is running.`]);
  }
  return {engine: 'postgres', pool, close: () => pool.end()};
}

interface DatabaseFacts {
  name: string;
  encoding: string;
  ctype: string;
  provider: string;
}

async function checkDatabase(pool: Pool, target: string): Promise<void> {
  // Version first: the facts query below reads a column added in 15.
  const versionResult = await pool.query<{version: number}>(`select current_setting('server_version_num')::int as version`);
  const version = versionResult.rows[0]?.version ?? 0;
  if (version < MIN_SERVER_VERSION) {
    throw new StartupError([`storage: PostgreSQL at ${target} is version ${formatVersion(version)}; Baton needs 15 or newer.`]);
  }
  const {rows} = await pool.query<DatabaseFacts>(`
    select d.datname as name,
           pg_encoding_to_char(d.encoding) as encoding,
           d.datctype as ctype,
           d.datlocprovider::text as provider
      from pg_database d
     where d.datname = current_database()`);
  const facts = rows[0];
  if (!facts) throw new StartupError([`storage: PostgreSQL at ${target} did not describe its current database.`]);
  const howToCreate = `create it with: createdb --encoding=UTF8 --locale=C.UTF-8 --template=template0 ${facts.name}  (or --locale-provider=icu --icu-locale=und)`;
  const problems: string[] = [];
  if (facts.encoding !== 'UTF8') {
    problems.push(`storage: database ${facts.name} uses encoding ${facts.encoding}; Baton needs UTF8 — ${howToCreate}`);
  }
  // With the ICU provider, character classes come from ICU whatever datctype says.
  if (facts.provider !== 'i' && (facts.ctype === 'C' || facts.ctype === 'POSIX')) {
    problems.push(`storage: database ${facts.name} has LC_CTYPE=${facts.ctype}, which breaks Cyrillic case-folding and CJK search — ${howToCreate}`);
  }
  if (problems.length > 0) throw new StartupError(problems);
}

/** host:port/database, never the password. */
function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

function formatVersion(versionNum: number): string {
  return `${Math.floor(versionNum / 10000)}.${versionNum % 10000}`;
}
