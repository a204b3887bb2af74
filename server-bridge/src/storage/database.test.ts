import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {sql} from 'kysely';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {type Database, openDatabase} from './database';
import {migrations} from './migrations';
import {createSettingsRepository} from './settingsRepository';

// The storage suite: one schema, two engines. Every case runs on the
// embedded engine (a real data directory) and on a real PostgreSQL.

describe.each(engineNames)('storage on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
  });

  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  it('reports which engine it runs on and is ready after start-up migrations', async () => {
    expect(database.engine).toBe(engine);
    await expect(database.checkReady()).resolves.toBeUndefined();
  });

  it('has applied every migration exactly once', async () => {
    const rows = await sql<{name: string}>`select name from kysely_migration order by name`.execute(database.db);
    expect(rows.rows.map((row) => row.name)).toEqual(Object.keys(migrations));
  });

  it('stores settings as JSON, round-trips CJK and Cyrillic text, and overwrites on set', async () => {
    const settings = createSettingsRepository(database.db);
    expect(await settings.get('missing')).toBeUndefined();
    await settings.set('greeting', {ja: '拒絶理由通知対応', zh: '審查意見答覆', ru: 'Ответ на запрос', list: [1, 'два', null]});
    expect(await settings.get('greeting')).toEqual({ja: '拒絶理由通知対応', zh: '審查意見答覆', ru: 'Ответ на запрос', list: [1, 'два', null]});
    await settings.set('greeting', ['replaced']);
    expect(await settings.get('greeting')).toEqual(['replaced']);
    expect(await settings.delete('greeting')).toBe(true);
    expect(await settings.delete('greeting')).toBe(false);
    expect(await settings.get('greeting')).toBeUndefined();
  });

  it('folds Cyrillic case and matches Japanese substrings (the locale Baton requires)', async () => {
    const result = await sql<{lowered: string; matches: boolean; similarity: number}>`
      select lower('ПАТЕНТНОЕ Бюро') as lowered,
             '特許事務所の案件' ilike '%事務所%' as matches,
             similarity('拒絶理由通知対応', '拒絶理由') as similarity`.execute(database.db);
    const row = result.rows[0];
    expect(row?.lowered).toBe('патентное бюро');
    expect(row?.matches).toBe(true);
    // pg_trgm is loaded and treats CJK characters as word characters.
    expect(row?.similarity).toBeGreaterThan(0.3);
  });

  it('rolls back a failed transaction on the shared connection', async () => {
    const settings = createSettingsRepository(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await createSettingsRepository(trx).set('half-done', true);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await settings.get('half-done')).toBeUndefined();
  });

  it('serves concurrent writers without losing any', async () => {
    const settings = createSettingsRepository(database.db);
    await Promise.all(Array.from({length: 40}, (_, i) => settings.set(`concurrent-${i}`, i)));
    const values = await Promise.all(Array.from({length: 40}, (_, i) => settings.get(`concurrent-${i}`)));
    expect(values).toEqual(Array.from({length: 40}, (_, i) => i));
  });

  it('keeps the first value when several writers set a missing key at once', async () => {
    const settings = createSettingsRepository(database.db);
    const stored = await Promise.all(Array.from({length: 10}, (_, i) => settings.setIfAbsent('made-once', `value-${i}`)));
    expect(new Set(stored).size).toBe(1);
    expect(await settings.get('made-once')).toBe(stored[0]);
    expect(await settings.setIfAbsent('made-once', 'later')).toBe(stored[0]);
  });

  it('keeps its data across a close and reopen', async () => {
    await createSettingsRepository(database.db).set('durable', 'yes');
    await database.close();
    database = await openDatabase(storage.config);
    expect(await createSettingsRepository(database.db).get('durable')).toBe('yes');
  });
});

describe('the migrations folder', () => {
  it('lists every migration file in migrations/index.ts, in file-name order', () => {
    const files = readdirSync(join(__dirname, 'migrations'))
      .filter((name) => /^\d{4}_.+\.ts$/.test(name) && !name.endsWith('.test.ts'))
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });
});
