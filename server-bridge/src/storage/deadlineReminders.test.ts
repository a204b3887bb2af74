import {sql} from 'kysely';
import {dueInstant} from '../contract/dueInstant';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {addDays} from '../domain/calendar/calendarDate';
import {instantOf} from '../domain/calendar/localTime';
import type {DeadlineReminderNotice} from '../domain/notices/ports';
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

// The deadline ladder on a real store, on both engines: reminders at 7, 3
// and 1 business days before a deadline and on the day, then every business
// day while it is overdue; muted kinds stay silent; an overdue legal
// deadline is told to the creator and the watchers too. The scheduler ticks
// twice a day on a clock the test sets, across Golden Week 2027.

const U = {tanaka: mmId('tanaka'), sato: mmId('sato'), ivanova: mmId('ivanova'), li: mmId('li'), kim: mmId('kim')};
const person = (userId: string): Caller => ({userId, guest: false});
const zones: Record<string, string> = {[U.tanaka]: 'Asia/Tokyo', [U.sato]: 'Asia/Tokyo', [U.ivanova]: 'Europe/Moscow', [U.li]: 'Asia/Taipei', [U.kim]: 'Asia/Seoul'};
const members = {patents: [U.tanaka, U.sato, U.ivanova, U.li, U.kim]};
const access = fakeChannelAccess({channels: {patents: {name: 'patents', members: members.patents}}, usernames: {[U.ivanova]: 'ivanova'}});
const calendar = createBusinessCalendar({country: 'JP'});
const allDay = (kind: string, date: string) => ({kind, ...dueInstant(date, 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'});

describe.each(engineNames)('deadline reminders on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let clock = instantOf('2027-04-23', '10:00', 'Asia/Tokyo');
  const ids: Record<string, string> = {};

  const replica = (): Scheduler =>
    createScheduler({
      jobs: createReminderJobs({db: database.db, tasks: createTaskRepository(database.db), access, people: {timeZone: async (userId) => zones[userId] ?? ''}, calendar, clock: {now: () => clock}}).filter(
        (job) => job.name === 'deadline-reminders',
      ),
      clock: {now: () => clock},
      tickMs: 60_000,
      logger: {debug: () => undefined, error: (fields: {err: Error}) => {
        throw fields.err;
      }},
    });

  /** Ticks at 00:00 and 06:00 UTC (09:00 in Tokyo, 09:00 in Moscow) each day from `from` to `to`. */
  async function runDays(from: string, to: string, scheduler = replica()): Promise<void> {
    for (let date = from; date <= to; date = addDays(date, 1)) {
      for (const time of ['00:00', '06:00']) {
        clock = instantOf(date, time, 'UTC');
        await scheduler.tick();
      }
    }
  }

  const reminders = async () =>
    (await sql<{idempotency_key: string; payload: Omit<DeadlineReminderNotice, 'kind'>}>`select idempotency_key, payload from outbox where kind = 'deadline_reminder' order by id`.execute(database.db)).rows;
  /** The rungs one person got about one task and kind: `3@2027-05-14`, `2027-05-17`, … */
  const rungs = async (task: string, kind: string, userId: string) =>
    (await reminders()).map((row) => row.idempotency_key).filter((key) => key.startsWith(`reminder:${ids[task]}:${kind}:`) && key.endsWith(`:${userId}`)).map((key) => key.split(':')[3]);

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    tasks = createTaskService({store: createTaskRepository(database.db), access, clock: {now: () => clock}});
    // Filing, held by ivanova (Moscow), who muted internal deadlines; created by tanaka, watched by li.
    ids.filing = (await tasks.create(person(U.tanaka), {title: 'File the response with the JPO', channelId: 'patents', holderId: U.ivanova, deadlines: [allDay('legal', '2027-05-14'), allDay('internal', '2027-05-12')], watcherIds: [U.li]})).id;
    // Drafting, held by sato (Tokyo): an internal deadline only.
    ids.draft = (await tasks.create(person(U.tanaka), {title: 'Draft the response', channelId: 'patents', holderId: U.sato, deadlines: [allDay('internal', '2027-05-12')]})).id;
    await createUserSettingsService({store: createUserSettingsRepository(database.db), clock: {now: () => clock}}).update(person(U.ivanova), {mutedDeadlineKinds: ['internal']});
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  it('climbs the ladder in business days across Golden Week, then reminds every business day while overdue', async () => {
    await runDays('2027-04-23', '2027-05-19');
    // Wednesday 12 May: 11, 10, 7 and 6 May, then 30, 28 and 27 April (29 April and 3–5 May are holidays).
    expect(await rungs('draft', 'internal', U.sato)).toEqual(['7@2027-05-12', '3@2027-05-12', '1@2027-05-12', '0@2027-05-12', '2027-05-13', '2027-05-14', '2027-05-17', '2027-05-18', '2027-05-19']);
    expect(await rungs('filing', 'legal', U.ivanova)).toEqual(['7@2027-05-14', '3@2027-05-14', '1@2027-05-14', '0@2027-05-14', '2027-05-17', '2027-05-18', '2027-05-19']);
  });

  it('reminds on the business days the rungs fall on', async () => {
    const sentOn = new Map((await reminders()).map((row) => [row.idempotency_key, row]));
    expect(sentOn.size).toBeGreaterThan(0);
    // Rung 7 of sato's 12 May: Tuesday 27 April, the 7th business day before it.
    const created = await sql<{created_at: Date}>`select created_at from outbox where idempotency_key = ${`reminder:${ids.draft}:internal:7@2027-05-12:${U.sato}`}`.execute(database.db);
    expect(created.rows[0]?.created_at.toISOString()).toBe('2027-04-27T00:00:00.000Z');
  });

  it('sends nothing for a kind the holder muted', async () => {
    expect(await rungs('filing', 'internal', U.ivanova)).toEqual([]);
  });

  it('tells the creator and the watchers of an overdue legal deadline, each business day, and nothing before', async () => {
    for (const follower of [U.tanaka, U.li]) expect(await rungs('filing', 'legal', follower)).toEqual(['2027-05-17', '2027-05-18', '2027-05-19']);
    // Not for other kinds: sato's overdue internal deadline stays between sato and the task.
    expect(await rungs('draft', 'internal', U.tanaka)).toEqual([]);
    const told = (await reminders()).filter((row) => row.idempotency_key === `reminder:${ids.filing}:legal:2027-05-17:${U.li}`);
    expect(told.map((row) => row.payload)).toEqual([
      {userId: U.li, taskId: ids.filing, audience: 'follower', deadline: {kind: 'legal', dueAt: '2027-05-14T14:59:59.999Z', allDay: true, timeZone: 'Asia/Tokyo'}},
    ]);
  });

  it('sends each rung once across replicas ticking together and after a restart', async () => {
    const before = (await reminders()).length;
    clock = instantOf('2027-05-20', '06:00', 'UTC');
    await Promise.all([replica().tick(), replica().tick(), replica().tick()]);
    const after = (await reminders()).map((row) => row.idempotency_key);
    // sato's internal, ivanova's legal, and tanaka's and li's legal as followers.
    expect(after.length - before).toBe(4);
    await runDays('2027-05-20', '2027-05-20');
    expect((await reminders()).map((row) => row.idempotency_key)).toEqual(after);
  });

  it('is written at delivery in the reader’s language: the holder’s reminder, and a follower’s with who holds the task', async () => {
    const store = createTaskRepository(database.db);
    const compose = (locale: string) =>
      createNoticeComposer({
        tasks: store,
        workflows: store.workflows,
        people: {username: async (userId) => (userId === U.ivanova ? 'ivanova' : undefined), locale: async () => locale, timeZone: async (userId) => zones[userId] ?? 'UTC'},
        taskUrl: async (task) => `https://chat.example.com/ip/channels/patents?task=${task.key}`,
        calendar,
        actions: async () => undefined,
        now: () => clock,
      });
    const row = async (key: string) => (await reminders()).find((candidate) => candidate.idempotency_key === key)!;
    const write = async (locale: string, key: string) => {
      const {payload, idempotency_key} = await row(key);
      const posted = await compose(locale)({kind: 'deadline_reminder', ...payload, idempotencyKey: idempotency_key});
      return posted.kind === 'direct_post' ? posted.post.message : '';
    };
    const link = '**[PATENT-1 File the response with the JPO](https://chat.example.com/ip/channels/patents?task=PATENT-1)**';
    // Delivered at 09:00 in Moscow on Tuesday 11 May.
    clock = instantOf('2027-05-11', '06:00', 'UTC');
    expect(await write('ru', `reminder:${ids.filing}:legal:3@2027-05-14:${U.ivanova}`)).toBe(`⏰ Напоминание о сроке: ${link}\n⚖️ Срок по закону: пт, 14 мая 2027 г. · через 3 рабочих дня\n\n#baton`);
    clock = instantOf('2027-05-17', '06:00', 'UTC');
    expect(await write('ru', `reminder:${ids.filing}:legal:2027-05-17:${U.ivanova}`)).toBe(`⚠️ Просрочено: ${link}\n⚖️ Срок по закону: пт, 14 мая 2027 г. · просрочено на 3 дня\n\n#baton`);
    expect(await write('ja', `reminder:${ids.filing}:legal:2027-05-17:${U.tanaka}`)).toBe(`⚠️ フォロー中のタスクが期限を過ぎています: ${link}\n⚖️ 法定期限: 2027年5月14日(金) · 3日超過\n担当: @ivanova さん\n\n#baton`);
  });

  it('skips someone who left the channel, stops once the task is closed, and climbs again when a deadline moves', async () => {
    clock = instantOf('2027-05-20', '12:00', 'UTC');
    await tasks.transition(person(U.sato), ids.draft!, {statusId: 'done'});
    members.patents.splice(members.patents.indexOf(U.li), 1);
    try {
      await runDays('2027-05-21', '2027-05-21');
    } finally {
      members.patents.push(U.li);
    }
    expect((await rungs('filing', 'legal', U.tanaka)).slice(-1)).toEqual(['2027-05-21']);
    expect((await rungs('filing', 'legal', U.li)).slice(-1)).toEqual(['2027-05-20']);
    expect((await rungs('draft', 'internal', U.sato)).slice(-1)).toEqual(['2027-05-20']);

    clock = instantOf('2027-05-21', '12:00', 'UTC');
    await tasks.patch(person(U.tanaka), ids.filing!, undefined, {deadlines: {legal: {...dueInstant('2027-05-27', 'Asia/Tokyo'), allDay: true, timeZone: 'Asia/Tokyo'}}});
    await runDays('2027-05-24', '2027-05-24');
    // Thursday 27 May is 3 business days after Monday 24 May: the moved deadline's ladder starts at that rung.
    expect((await rungs('filing', 'legal', U.ivanova)).slice(-2)).toEqual(['2027-05-21', '3@2027-05-27']);
    expect((await rungs('filing', 'legal', U.tanaka)).slice(-1)).toEqual(['2027-05-21']);
  });
});
