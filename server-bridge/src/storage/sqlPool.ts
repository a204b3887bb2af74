import type {Pool} from 'pg';

export type EngineName = 'embedded' | 'postgres';

/** A node-postgres pool over either engine, and how to shut it down cleanly. */
export interface SqlPool {
  engine: EngineName;
  pool: Pool;
  close(): Promise<void>;
}
