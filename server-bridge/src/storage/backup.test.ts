import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';
import {type Kysely, sql} from 'kysely';
import {dueInstant} from '../contract/dueInstant';
import {workflowDefinitionSchema} from '../contract/workflow';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createHandoffNotifier} from '../domain/notices/handoffNotifier';
import {createUserSettingsService} from '../domain/reminders/userSettings';
import type {TaskChangeListener} from '../domain/tasks/ports';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {createWorkflowService, type WorkflowService} from '../domain/workflows/workflowService';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {takeBackup} from './backup';
import {BACKUP_FORMAT, BackupRefused, readCatalog} from './backupFormat';
import {type Database, openDatabase} from './database';
import {migrations} from './migrations';
import {restoreBackup} from './restore';
import {createSettingsRepository} from './settingsRepository';
import {createTaskRepository} from './taskRepository';
import {createUserSettingsRepository} from './userSettingsRepository';

// Backup and restore on a real store, on both engines: a patent team's
// tasks, handoffs, a workflow run and settings go into one file and come
// back into another database row for row — exact to the microsecond, ids
// and sequences included — and a backup taken while work goes on is one
// consistent moment.

const U = {tanaka: mmId('tanaka'), sato: mmId('sato'), li: mmId('li'), ivanova: mmId('ivanova')};
const person = (userId: string): Caller => ({userId, guest: false});
const [tanaka, sato, li] = [U.tanaka, U.sato, U.li].map(person) as [Caller, Caller, Caller];
const access = fakeChannelAccess({channels: {patents: {name: 'patents', members: Object.values(U)}}});

interface World {
  storage: TestStorage;
  database: Database;
  tasks: TaskService;
  workflows: WorkflowService;
}

async function openWorld(engine: (typeof engineNames)[number], clock: () => Date): Promise<World> {
  const storage = await freshStorage(engine);
  const database = await openDatabase(storage.config);
  const store = createTaskRepository(database.db);
  const listeners: TaskChangeListener[] = [];
  const tasks = createTaskService({store, access, clock: {now: clock}, listeners});
  const workflows = createWorkflowService({store, access, clock: {now: clock}, calendar: createBusinessCalendar({country: 'JP', closedDays: []}), timeZone: 'Asia/Tokyo', tasks: tasks.operations});
  listeners.push(workflows.listener, createHandoffNotifier());
  return {storage, database, tasks, workflows};
}

/** The BackupRefused a promise is rejected with; fails the test if it resolves or fails otherwise. */
async function refusal(promise: Promise<unknown>): Promise<BackupRefused> {
  const error: unknown = await promise.then(
    () => new Error('expected a refusal'),
    (reason: unknown) => reason,
  );
  if (error instanceof BackupRefused) return error;
  throw error;
}

async function closeWorld(world: World | undefined): Promise<void> {
  await world?.database.close();
  await world?.storage.cleanup();
}

/** Every row of every Baton table in PostgreSQL's text form, timestamps in UTC to the microsecond. */
async function everyRow<DB>(db: Kysely<DB>): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const dump: Record<string, string[]> = {};
    for (const table of await readCatalog(trx)) {
      const {rows} = await sql<{row: string}>`select t::text as row from ${sql.table(table.name)} t order by 1`.execute(trx);
      dump[table.name] = rows.map((row) => row.row);
    }
    return dump;
  });
}

describe.each(engineNames)('backup and restore on the %s engine', (engine) => {
  let dir: string;
  let source: World;
  // One target for the whole story (opening an embedded database takes
  // seconds): restored into empty, then refused, then forced.
  let target: World;
  let clock = new Date('2027-04-26T01:00:00.000Z');
  const now = () => clock;
  const later = () => {
    clock = new Date(clock.getTime() + 3_600_000);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-backup-'));
    source = await openWorld(engine, now);
    const {tasks, database, workflows} = source;
    const legal = {kind: 'legal', ...dueInstant('2027-05-14', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'};
    const parent = await tasks.create(tanaka, {
      title: '拒絶理由通知への応答',
      description: 'Ответ на уведомление — claims 1–3',
      channelId: 'patents',
      priority: 'high',
      deadlines: [legal, {kind: 'internal', ...dueInstant('2027-05-12T15:30:00+09:00', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'}],
      labels: ['jpo', 'urgent'],
      caseRef: {id: 'P-2027-0042', url: 'https://ip.example/cases/P-2027-0042'},
      watcherIds: [U.li],
    });
    later();
    await tasks.create(sato, {title: 'Check the translation', channelId: 'patents', parentId: parent.id, startDate: '2027-04-27'});
    await tasks.create(li, {title: 'Personal: renew badge'});
    later();
    const handed = await tasks.handOff(tanaka, parent.key, {toUserId: U.sato, comment: 'Claims 1–3 please'});
    later();
    await tasks.addComment(sato, parent.key, '了解しました');
    await tasks.patch(sato, parent.key, handed.version, {priority: 'urgent'});
    const template = await workflows.createTemplate(tanaka, workflowDefinitionSchema.parse({name: 'Office action response', steps: [{name: 'Draft', assignee: {kind: 'role', role: 'attorney'}}, {name: 'Review', assignee: {kind: 'requester'}}]}));
    await workflows.startRun(tanaka, template.id, {channelId: 'patents', roles: {attorney: U.sato}, deadlines: [legal]});
    await createUserSettingsService({store: createUserSettingsRepository(database.db), clock: {now}}).update(li, {digestTime: '08:30', mutedDeadlineKinds: ['internal']});
    // Microseconds and a JSON null no JS Date or JSON number path would keep.
    await createSettingsRepository(database.db).set('test.null', null);
    await sql`update bridge_settings set updated_at = '2027-04-26 10:00:00.123456+09'`.execute(database.db);
    target = await openWorld(engine, now);
  });
  afterAll(async () => {
    await closeWorld(source);
    await closeWorld(target);
    rmSync(dir, {recursive: true, force: true});
  });

  const backupFile = async (name: string) => {
    const file = join(dir, name);
    await takeBackup(source.database.db, source.database.engine, file);
    return file;
  };

  it('brings back every task, event, outbox and audit row exactly into an empty database, on either engine', async () => {
    const file = await backupFile('full.baton.gz');
    const expected = await everyRow(source.database.db);
    // The seed reached every part that matters: 3 tasks + a run's parent and 2 steps.
    expect(expected.tasks).toHaveLength(6);
    for (const table of ['task_events', 'task_comments', 'task_deadlines', 'task_watchers', 'outbox', 'audit_log', 'workflow_runs', 'workflow_run_steps', 'user_settings']) {
      expect({table, empty: expected[table]?.length === 0}).toEqual({table, empty: false});
    }
    expect(expected.bridge_settings).toEqual(['(test.null,null,"2027-04-26 01:00:00.123456+00")']);

    expect(await restoreBackup(target.database.db, file)).toMatchObject({tables: Object.keys(expected).length, wiped: false});
    expect(await everyRow(target.database.db)).toEqual(expected);

    const otherEngine = await openWorld(engine === 'embedded' ? 'postgres' : 'embedded', now);
    try {
      await restoreBackup(otherEngine.database.db, file);
      expect(await everyRow(otherEngine.database.db)).toEqual(expected);
    } finally {
      await closeWorld(otherEngine);
    }
  });

  it('lets ids continue after a restore: new tasks, events and audit entries take the next numbers', async () => {
    await restoreBackup(target.database.db, await backupFile('ids.baton.gz'), {force: true});
    const highest = async <DB,>(db: Kysely<DB>) =>
      (await sql<{events: string; audit: string}>`select (select max(id) from task_events)::text as events, (select max(id) from audit_log)::text as audit`.execute(db)).rows[0];
    const before = await highest(target.database.db);
    const sequences = await sql<{events: string}>`select last_value::text as events from task_events_id_seq`.execute(source.database.db);
    await target.tasks.create(li, {title: 'After the restore'});
    const after = await highest(target.database.db);
    expect(BigInt(after?.events ?? 0)).toBe(BigInt(sequences.rows[0]?.events ?? 0) + 1n);
    expect(BigInt(after?.events ?? 0)).toBeGreaterThan(BigInt(before?.events ?? 0));
    expect(BigInt(after?.audit ?? 0)).toBe(BigInt(before?.audit ?? 0) + 1n);
  });

  it('refuses a database that already has data, naming the tables, and changes nothing', async () => {
    const file = await backupFile('refused.baton.gz');
    await target.tasks.create(li, {title: 'Already here'});
    const untouched = await everyRow(target.database.db);
    const counts = Object.entries(untouched).filter(([table, rows]) => rows.length > 0 && table !== 'task_statuses');
    expect((await refusal(restoreBackup(target.database.db, file))).lines).toEqual([
      `restore: the database already has data: ${counts.map(([table, rows]) => `${table} (${rows.length} rows)`).join(', ')}.`,
      'restore: nothing was changed; restore into an empty database, or pass --force to delete everything in it first.',
    ]);
    expect(await everyRow(target.database.db)).toEqual(untouched);
  });

  it('with force, deletes everything first and restores — and the audit log is append-only again afterwards', async () => {
    const file = await backupFile('force.baton.gz');
    await target.tasks.create(li, {title: 'Replaced by the backup'});
    expect(await restoreBackup(target.database.db, file, {force: true})).toMatchObject({wiped: true});
    expect(await everyRow(target.database.db)).toEqual(await everyRow(source.database.db));
    await expect(sql`delete from audit_log`.execute(target.database.db)).rejects.toThrow('audit_log is append-only: DELETE refused');
    await expect(sql`truncate audit_log`.execute(target.database.db)).rejects.toThrow('audit_log is append-only: TRUNCATE refused');
  });

  it('refuses a file that is not a backup, is cut off, or comes from another schema, changing nothing even with force', async () => {
    await target.tasks.create(li, {title: 'Kept'});
    const before = await everyRow(target.database.db);
    const write = (name: string, lines: unknown[]) => {
      const file = join(dir, name);
      writeFileSync(file, gzipSync(lines.map((line) => `${JSON.stringify(line)}\n`).join('')));
      return file;
    };
    const known = Object.keys(migrations);
    const header = {format: BACKUP_FORMAT, takenAt: '2027-04-26T01:00:00.000Z', engine};
    const plain = join(dir, 'notes.txt');
    writeFileSync(plain, 'not a backup');
    const cases: Array<[string, string]> = [
      [plain, `restore: ${plain} is not a Baton backup (not gzip data); nothing was changed.`],
      [write('other.gz', [{hello: 'world'}]), `restore: ${join(dir, 'other.gz')} is not a Baton backup (expected format ${BACKUP_FORMAT}, as \`baton-bridge backup\` writes it); nothing was changed.`],
      [write('newer.gz', [{...header, migrations: [...known, '9999_future']}]), 'restore: the backup was taken by a newer bridge: its schema has 9999_future, which this bridge does not know.'],
      [write('older.gz', [{...header, migrations: known.slice(0, -1)}]), `restore: the backup was taken by an older bridge (schema up to ${known.at(-2)}; this bridge is at ${known.at(-1)}).`],
      [write('cut.gz', [{...header, migrations: known}, {table: 'bridge_settings', columns: ['key', 'value', 'updated_at'], rows: 2, identity: []}, ['k', '{}', '2027-04-26 01:00:00+00']]), `restore: ${join(dir, 'cut.gz')} ends early (cut off while copying?); nothing was changed.`],
      [join(dir, 'missing.gz'), `restore: ${join(dir, 'missing.gz')} does not exist.`],
    ];
    for (const [file, message] of cases) {
      const refused = await refusal(restoreBackup(target.database.db, file, {force: true}));
      expect({file, line: refused.lines[0]}).toEqual({file, line: message});
    }
    expect(await everyRow(target.database.db)).toEqual(before);
  });

  it('takes one consistent moment while changes keep arriving: every task’s version matches its timeline', async () => {
    const load = await Promise.all([1, 2, 3].map((n) => source.tasks.create(sato, {title: `Load ${n}`, channelId: 'patents', labels: ['load']})));
    let writing = true;
    const writer = (async () => {
      for (let round = 0; writing || round < 3; round += 1) {
        for (const task of load) await source.tasks.patch(sato, task.key, undefined, {title: `Load ${task.key} round ${round}`});
        // PGlite answers without I/O: a writer that never yields would starve the backup's file writes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = await backupFile('busy.baton.gz');
    writing = false;
    await writer;
    await restoreBackup(target.database.db, file, {force: true});
    const {rows} = await sql<{key: string; version: number; events: number}>`
      select t.key, t.version, (select count(*)::int from task_events e where e.task_id = t.id) as events
        from tasks t where 'load' = any(t.labels) order by t.key`.execute(target.database.db);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect({key: row.key, events: row.events}).toEqual({key: row.key, events: row.version});
    const audit = await sql<{entries: number; versions: number}>`
      select (select count(*)::int from audit_log a join tasks t on t.id = a.entity_id where 'load' = any(t.labels)) as entries,
             (select sum(version)::int from tasks where 'load' = any(labels)) as versions`.execute(target.database.db);
    expect(audit.rows[0]?.entries).toBe(audit.rows[0]?.versions);
  });
});
