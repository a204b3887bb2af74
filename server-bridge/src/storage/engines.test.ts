import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sql} from 'kysely';
import {StartupError} from '../errors';
import {adminQuery, postgresUrlFor} from '../testing/engines';
import {freePort} from '../testing/throwawayPostgres';
import {LOCK_FILE_NAME} from './dataDirLock';
import {openDatabase} from './database';

async function startupLines(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StartupError) return error.lines;
    throw error;
  }
  throw new Error('expected a StartupError');
}

describe('the embedded engine', () => {
  let parent: string;
  beforeAll(() => {
    parent = mkdtempSync(join(tmpdir(), 'baton-embedded-'));
  });
  afterAll(() => rmSync(parent, {recursive: true, force: true}));

  it('creates a missing data directory, caps the WAL, and refuses a second opener while it runs', async () => {
    const dataDir = join(parent, 'nested', 'data');
    const first = await openDatabase({engine: 'embedded', dataDir});
    try {
      const wal = await sql<{max_wal_size: string}>`show max_wal_size`.execute(first.db);
      expect(wal.rows[0]?.max_wal_size).toBe('64MB');
      const lines = await startupLines(openDatabase({engine: 'embedded', dataDir}));
      expect(lines).toEqual([`storage: the data directory ${dataDir} is already open in this process.`]);
    } catch (error) {
      await first.close();
      throw error;
    }
    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });
});

describe('the PostgreSQL engine', () => {
  it('refuses a database whose LC_CTYPE is C and says how to create a usable one', async () => {
    await adminQuery(`create database baton_ctype_c template template0 encoding 'UTF8' lc_ctype 'C' lc_collate 'C'`);
    try {
      const lines = await startupLines(openDatabase({engine: 'postgres', url: postgresUrlFor('baton_ctype_c'), poolSize: 1}));
      expect(lines).toEqual([
        'storage: database baton_ctype_c has LC_CTYPE=C, which breaks Cyrillic case-folding and CJK search — ' +
          'create it with: createdb --encoding=UTF8 --locale=C.UTF-8 --template=template0 baton_ctype_c  (or --locale-provider=icu --icu-locale=und)',
      ]);
    } finally {
      await adminQuery('drop database baton_ctype_c with (force)');
    }
  });

  it('refuses a database in a non-UTF-8 encoding', async () => {
    await adminQuery(`create database baton_latin1 template template0 encoding 'LATIN1' lc_ctype 'C' lc_collate 'C'`);
    try {
      const lines = await startupLines(openDatabase({engine: 'postgres', url: postgresUrlFor('baton_latin1'), poolSize: 1}));
      expect(lines[0]).toMatch(/^storage: database baton_latin1 uses encoding LATIN1; Baton needs UTF8/);
    } finally {
      await adminQuery('drop database baton_latin1 with (force)');
    }
  });

  it('explains an unreachable server in one line without the password', async () => {
    const port = await freePort();
    const lines = await startupLines(openDatabase({engine: 'postgres', url: `postgres://baton:s3cret@127.0.0.1:${port}/baton`, poolSize: 1}));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^storage: cannot use PostgreSQL at 127\\.0\\.0\\.1:${port}/baton: .*ECONNREFUSED.*Check DATABASE_URL`));
    expect(lines[0]).not.toContain('s3cret');
  });

  it('explains a missing database', async () => {
    const lines = await startupLines(openDatabase({engine: 'postgres', url: postgresUrlFor('baton_no_such_db'), poolSize: 1}));
    expect(lines[0]).toMatch(/database "baton_no_such_db" does not exist/);
  });
});
