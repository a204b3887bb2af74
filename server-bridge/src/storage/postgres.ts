import {Client, type ClientConfig, Pool} from 'pg';
import {StartupError} from '../errors';
import type {SqlPool} from './sqlPool';

const MIN_SERVER_VERSION = 150000;
// A new connection to a healthy server takes milliseconds; one that takes
// longer means the server is not answering (restarting, unreachable), and the
// request is refused with a 503 within this time rather than left hanging.
const CONNECT_TIMEOUT_MS = 2000;
// Waiting for a free connection when all are busy (a burst of load) may take
// longer; past this the request is refused with a 503 too (overload).
const POOL_WAIT_TIMEOUT_MS = 5000;

/** node-postgres' pool gives its one timeout to both waits; its clients get the shorter connect timeout. */
class QuickConnectClient extends Client {
  constructor(config: ClientConfig = {}) {
    super({...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS});
  }
}

/**
 * Connects to PostgreSQL and refuses a database Baton cannot serve correctly:
 * too old, not UTF-8, or with a `C` character type, under which upper/lower
 * of Cyrillic and matching of CJK text silently go wrong.
 */
export async function openPostgresPool(url: string, poolSize: number): Promise<SqlPool> {
  const target = describe(url);
  // JIT compilation off: Baton's queries are short index walks, for which
  // compiling costs more than it saves (45–90 ms on board queries at 1M
  // tasks, measured by `make bench`).
  const pool = new Pool({connectionString: url, max: poolSize, connectionTimeoutMillis: POOL_WAIT_TIMEOUT_MS, Client: QuickConnectClient, options: '-c jit=off'});
  // An idle client that loses its server (restart, failover) emits 'error' on
  // the pool; unhandled, that would crash the process instead of reconnecting.
  // The pool drops such a client (and any that fails under a query), so once
  // the server is back new connections serve requests without a restart.
  pool.on('error', () => undefined);
  // A client in use that loses its server between two statements (inside a
  // transaction) emits 'error' on itself, where the pool has no listener; its
  // next statement fails (503) and the pool drops it when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
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
