import type {Pool} from 'pg';

export type EngineName = 'embedded' | 'postgres';

/** A node-postgres pool over either engine, and how to shut it down cleanly. */
export interface SqlPool {
  engine: EngineName;
  pool: Pool;
  close(): Promise<void>;
}

// SQLSTATEs that mean "the server is going away or not there yet", not that
// the statement was wrong: admin/crash shutdown, starting up or shutting
// down, the connection exceptions of class 08, too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
// Socket errors on the way to the server (refused while it restarts, reset when it dies).
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// node-postgres says these in words only: the pool's connection timeout and a
// connection that ended under a query, or a client left unusable by one.
const UNAVAILABLE_MESSAGES = [
  /^timeout exceeded when trying to connect$/i,
  /^Connection terminated/i,
  /^Client has encountered a connection error and is not queryable$/i,
  /^Client was closed and is not queryable$/i,
];

/**
 * Whether an error says the database cannot be reached right now (it is
 * down, restarting or not answering in time) rather than that a query is
 * wrong: such a request is answered 503 with Retry-After, and the pool
 * reconnects by itself once the server is back.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 3 || typeof error !== 'object' || error === null) return false;
  const {code, message, cause, errors: inner} = error as {code?: unknown; message?: unknown; cause?: unknown; errors?: unknown};
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // Node reports a refused connect to several addresses (localhost: ::1 and 127.0.0.1) as an AggregateError.
  if (Array.isArray(inner) && inner.length > 0 && inner.every((each) => isDatabaseUnavailable(each, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
