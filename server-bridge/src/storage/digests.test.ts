import {sql} from 'kysely';
import {dueInstant} from '../contract/dueInstant';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {instantOf} from '../domain/calendar/localTime';
import type {DigestNotice} from '../domain/notices/ports';
import {createUserSettingsService} from '../domain/reminders/userSettings';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {createNoticeComposer} from '../notices/noticeComposer';
import {createReminderJobs} from '../scheduler/reminderJobs';
import {createScheduler, type Scheduler} from '../scheduler/scheduler';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {type Database, openDatabase} from './database';
import {createTaskRepository} from './taskRepository';
import {createUserSettingsRepository} from './userSettingsRepository';

// The daily digest and the weekly summary on a real store, on both engines,
// driven by a scheduler ticking on a clock the test sets. The patent office
// of SCENARIOS.md works in Tokyo on a Japanese calendar; smith works from New
// York. Golden Week 2027: 29 April and 3–5 May are holidays.

const U = {tanaka: mmId('tanaka'), sato: mmId('sato'), smith: mmId('smith'), ivanova: mmId('ivanova'), li: mmId('li')};
const person = (userId: string): Caller => ({userId, guest: false});
const zones: Record<string, string> = {[U.tanaka]: 'Asia/Tokyo', [U.sato]: 'Asia/Tokyo', [U.smith]: 'America/New_York', [U.ivanova]: 'Europe/Moscow', [U.li]: 'Asia/Taipei'};
const usernames = {[U.tanaka]: 'tanaka', [U.sato]: 'sato', [U.smith]: 'smith', [U.ivanova]: 'ivanova', [U.li]: 'li'};
const access = fakeChannelAccess({channels: {patents: {name: 'patents', members: Object.values(U)}}, usernames});
const calendar = createBusinessCalendar({country: 'JP'});
const tokyo = (date: string, time: string) => instantOf(date, time, 'Asia/Tokyo');
const newYork = (date: string, time: string) => instantOf(date, time, 'America/New_York');
const allDay = (kind: string, date: string, timeZone = 'Asia/Tokyo') => ({kind, ...dueInstant(date, timeZone), timeZone});

describe.each(engineNames)('digests on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let clock = tokyo('2027-04-27', '10:00');
  const ids: Record<string, string> = {};

  /** A bridge replica: its own jobs and scheduler on the shared database ("restarting" is making a new one). */
  const replica = (): Scheduler =>
    createScheduler({
      jobs: createReminderJobs({db: database.db, tasks: createTaskRepository(database.db), access, people: {timeZone: async (userId) => zones[userId] ?? ''}, calendar, clock: {now: () => clock}}).filter(
        (job) => job.name === 'digests',
      ),
      clock: {now: () => clock},
      tickMs: 60_000,
      logger: {debug: () => undefined, error: (fields: {err: Error}) => {
        throw fields.err;
      }},
    });
  const tickAt = async (at: Date, scheduler = replica()) => {
    clock = at;
    await scheduler.tick();
  };
  const digests = async () =>
    (await sql<{idempotency_key: string; payload: Omit<DigestNotice, 'kind'>}>`select idempotency_key, payload from outbox where kind = 'digest' order by id`.execute(database.db)).rows;
  const keys = async () => (await digests()).map((row) => row.idempotency_key);

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    tasks = createTaskService({store: createTaskRepository(database.db), access, clock: {now: () => clock}});
    const create = async (name: string, creator: string, draft: Parameters<TaskService['create']>[1]) => (ids[name] = (await tasks.create(person(creator), {channelId: 'patents', ...draft})).id);
    // Handed from tanaka to sato and not accepted yet: tanaka waits on it.
    await create('draft', U.tanaka, {title: 'Draft response to office action', holderId: U.tanaka, deadlines: [allDay('legal', '2027-05-11')]});
    await tasks.handOff(person(U.tanaka), ids.draft!, {toUserId: U.sato, comment: 'Client wants claim 3 kept.'});
    await create('check', U.tanaka, {title: 'Check the examiner’s citations', holderId: U.sato, deadlines: [allDay('internal', '2027-05-07')]});
    await create('translate', U.tanaka, {title: '翻訳レポート', holderId: U.sato, deadlines: [allDay('internal', '2027-05-10')]});
    await create('report', U.tanaka, {title: 'Report to the US client', holderId: U.smith, deadlines: [allDay('customer', '2027-05-10', 'America/New_York')]});
    await create('someday', U.tanaka, {title: 'Tidy the docket', holderId: U.li});
    // ivanova wants neither; li has settings but nothing due.
    const settings = createUserSettingsService({store: createUserSettingsRepository(database.db), clock: {now: () => clock}});
    await settings.update(person(U.ivanova), {digestEnabled: false, weeklySummary: false});
    await settings.update(person(U.li), {dueSoonDays: 1});
    await create('ivanovaTask', U.tanaka, {title: 'Review the Russian filing', holderId: U.ivanova, deadlines: [allDay('legal', '2027-05-07')]});
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  it('sends nothing on Golden Week holidays or the weekend, and the weekly summary on the week’s first business day (Thursday)', async () => {
    for (const date of ['2027-05-03', '2027-05-04', '2027-05-05', '2027-05-08', '2027-05-09']) {
      await tickAt(tokyo(date, '09:00'));
      await tickAt(newYork(date, '09:00'));
      await tickAt(tokyo(date, '18:00'));
    }
    // (09:00 on Saturday in Tokyo is still Friday in New York: smith’s Friday digest is due then.)
    const offDays = ['2027-05-03', '2027-05-04', '2027-05-05', '2027-05-08', '2027-05-09'];
    expect((await keys()).filter((key) => offDays.some((date) => key.endsWith(date)))).toEqual([]);
    await tickAt(tokyo('2027-05-06', '09:00'));
    expect((await keys()).filter((key) => key.endsWith('2027-05-06') || key.endsWith('W18')).sort()).toEqual(
      [`digest:${U.sato}:2027-05-06`, `digest:${U.tanaka}:2027-05-06`, `weekly:${U.sato}:2027-W18`, `weekly:${U.tanaka}:2027-W18`].sort(),
    );
  });

  it('sends at each person’s own 09:00: Tokyo’s on the same UTC day thirteen hours before New York’s', async () => {
    const before = (await keys()).length;
    await tickAt(tokyo('2027-05-10', '08:59'));
    expect((await keys()).slice(before)).toEqual([]);
    // 00:00 UTC on Monday 10 May: 09:00 in Tokyo, still Sunday evening in New York.
    expect(tokyo('2027-05-10', '09:00').toISOString()).toBe('2027-05-10T00:00:00.000Z');
    await tickAt(tokyo('2027-05-10', '09:00'));
    const tokyoKeys = (await keys()).slice(before);
    expect(tokyoKeys.filter((key) => key.startsWith('digest:')).sort()).toEqual([`digest:${U.sato}:2027-05-10`, `digest:${U.tanaka}:2027-05-10`].sort());
    await tickAt(newYork('2027-05-10', '08:59'));
    expect((await keys()).filter((key) => key.includes(U.smith) && key.includes('2027-05-10'))).toEqual([]);
    expect(newYork('2027-05-10', '09:00').toISOString()).toBe('2027-05-10T13:00:00.000Z');
    await tickAt(newYork('2027-05-10', '09:00'));
    expect((await keys()).filter((key) => key.includes(U.smith))).toEqual(expect.arrayContaining([`digest:${U.smith}:2027-05-10`, `weekly:${U.smith}:2027-W19`]));
    // ivanova turned both off; li has settings but nothing to be told: no empty digest.
    expect((await keys()).filter((key) => key.includes(U.ivanova) || key.includes(U.li))).toEqual([]);
  });

  it('lists overdue, due today, due soon and waiting on others, each task once', async () => {
    const byKey = new Map((await digests()).map((row) => [row.idempotency_key, row.payload]));
    const sections = (key: string) => Object.fromEntries(byKey.get(key)!.sections.map((section) => [section.name, section.items.map((item) => `${item.taskId}:${item.deadlineKind}`)]));
    expect(sections(`digest:${U.sato}:2027-05-10`)).toEqual({
      overdue: [`${ids.check}:internal`],
      due_today: [`${ids.translate}:internal`],
      due_soon: [`${ids.draft}:legal`],
      waiting: [],
    });
    expect(sections(`digest:${U.tanaka}:2027-05-10`)).toMatchObject({overdue: [], waiting: [`${ids.draft}:null`]});
    expect(sections(`digest:${U.smith}:2027-05-10`)).toMatchObject({due_today: [`${ids.report}:customer`]});
    expect(sections(`weekly:${U.sato}:2027-W19`)).toEqual({
      overdue: [`${ids.check}:internal`],
      due_this_week: [`${ids.translate}:internal`, `${ids.draft}:legal`],
      waiting: [],
      done_last_week: [],
    });
  });

  it('is written at delivery in the receiver’s language, with links and deadlines worded for them', async () => {
    const store = createTaskRepository(database.db);
    const compose = createNoticeComposer({
      tasks: store,
      workflows: store.workflows,
      people: {username: async (userId) => usernames[userId], locale: async () => 'ja', timeZone: async (userId) => zones[userId] ?? 'UTC'},
      taskUrl: async (task) => `https://chat.example.com/patents/channels/patents?task=${task.key}`,
      calendar,
      actions: async () => undefined,
      now: () => clock,
    });
    const row = (await digests()).find((digest) => digest.idempotency_key === `digest:${U.sato}:2027-05-10`)!;
    clock = tokyo('2027-05-10', '09:00');
    const posted = await compose({kind: 'digest', ...row.payload, idempotencyKey: row.idempotency_key});
    expect(posted).toMatchObject({kind: 'direct_post', userId: U.sato, idempotencyKey: `digest:${U.sato}:2027-05-10`});
    expect(posted.kind === 'direct_post' && posted.post.message.split('\n')).toEqual([
      '**2027年5月10日(月) の Baton ダイジェスト**',
      '',
      '**期限超過 (1)**',
      '- [PATENT-2 Check the examiner’s citations](https://chat.example.com/patents/channels/patents?task=PATENT-2) · 社内期限: 2027年5月7日(金) · 3日超過',
      '',
      '**本日期限 (1)**',
      '- [PATENT-3 翻訳レポート](https://chat.example.com/patents/channels/patents?task=PATENT-3) · 社内期限: 2027年5月10日(月) · 本日期限',
      '',
      '**3営業日以内に期限 (1)**',
      '- [PATENT-1 Draft response to office action](https://chat.example.com/patents/channels/patents?task=PATENT-1) · ⚖️ 法定期限: 2027年5月11日(火) · 明日期限',
      '',
      '#baton',
    ]);
  });

  it('sends one digest per person and date across two replicas ticking at once, and after a restart', async () => {
    const before = await keys();
    await Promise.all([tickAt(tokyo('2027-05-11', '09:05'), replica()), tickAt(tokyo('2027-05-11', '09:05'), replica())]);
    const after = await keys();
    expect(after.slice(before.length).sort()).toEqual([`digest:${U.sato}:2027-05-11`, `digest:${U.tanaka}:2027-05-11`].sort());
    expect(new Set(after).size).toBe(after.length);
    // A restart: a new scheduler with nothing in memory, the same database.
    await tickAt(tokyo('2027-05-11', '10:00'), replica());
    await tickAt(tokyo('2027-05-11', '18:00'), replica());
    expect(await keys()).toEqual(after);
  });

  it('catches up later the same day, never the next: a day the bridge was down passes without a digest', async () => {
    // Down at 09:00 on Wednesday 12 May; up at 11:00.
    await tickAt(tokyo('2027-05-12', '11:00'));
    expect(await keys()).toContain(`digest:${U.sato}:2027-05-12`);
    // Down all of Thursday 13 May; back early on Friday.
    await tickAt(tokyo('2027-05-14', '07:00'));
    await tickAt(tokyo('2027-05-14', '08:59'));
    const tokyoPeople = (key: string) => key.includes(U.sato) || key.includes(U.tanaka);
    expect((await keys()).filter((key) => tokyoPeople(key) && (key.endsWith('2027-05-13') || key.endsWith('2027-05-14')))).toEqual([]);
    await tickAt(tokyo('2027-05-14', '09:00'));
    expect((await keys()).filter((key) => key.startsWith(`digest:${U.sato}:2027-05-1`))).toEqual([
      `digest:${U.sato}:2027-05-10`,
      `digest:${U.sato}:2027-05-11`,
      `digest:${U.sato}:2027-05-12`,
      `digest:${U.sato}:2027-05-14`,
    ]);
  });

  it('comes at the time each person chose, and not when they turned it off', async () => {
    const settings = createUserSettingsService({store: createUserSettingsRepository(database.db), clock: {now: () => clock}});
    await settings.update(person(U.sato), {digestTime: '07:30', weeklySummary: false});
    await settings.update(person(U.tanaka), {digestEnabled: false});
    await tickAt(tokyo('2027-05-17', '07:29'));
    expect((await keys()).filter((key) => key.includes('2027-05-17') || key.includes('2027-W20'))).toEqual([]);
    await tickAt(tokyo('2027-05-17', '07:30'));
    expect((await keys()).filter((key) => key.includes('2027-05-17') || key.includes('2027-W20')).sort()).toEqual([`digest:${U.sato}:2027-05-17`]);
    await tickAt(tokyo('2027-05-17', '09:00'));
    expect((await keys()).filter((key) => key.includes('2027-05-17') || key.includes('2027-W20')).sort()).toEqual([`digest:${U.sato}:2027-05-17`, `weekly:${U.tanaka}:2027-W20`].sort());
  });

  it('sums up the week: what was done since last Monday, in New York’s Monday morning', async () => {
    clock = newYork('2027-05-12', '15:00');
    await tasks.transition(person(U.smith), ids.report!, {statusId: 'done'});
    // Holding nothing now, smith still gets the summary: having settings makes one a recipient.
    await createUserSettingsService({store: createUserSettingsRepository(database.db), clock: {now: () => clock}}).update(person(U.smith), {dueSoonDays: 5});
    await tickAt(newYork('2027-05-17', '09:00'));
    const weekly = (await digests()).find((row) => row.idempotency_key === `weekly:${U.smith}:2027-W20`);
    expect(weekly?.payload.sections).toEqual([
      {name: 'overdue', items: [], total: 0},
      {name: 'due_this_week', items: [], total: 0},
      {name: 'waiting', items: [], total: 0},
      {name: 'done_last_week', items: [{taskId: ids.report, deadlineKind: null}], total: 1},
    ]);
  });
});
