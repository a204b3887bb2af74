import {sql} from 'kysely';
import {dueInstant} from '../contract/dueInstant';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {addDays} from '../domain/calendar/calendarDate';
import {instantOf} from '../domain/calendar/localTime';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {createReminderJobs} from '../scheduler/reminderJobs';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {type Database, openDatabase} from './database';
import {createReminderSnoozeRepository} from './reminderSnoozeRepository';
import {createTaskRepository} from './taskRepository';

// Snoozed reminders on a real store, on both engines: the deadline ladder
// sends a person nothing for a snoozed task and kind until the snooze's date,
// then carries on (an overdue task's daily reminder comes again); a snooze
// spares only the person who made it. The scheduler ticks on a clock the
// test sets, through late November 2026 (23 November is a holiday in Japan).

const U = {tanaka: mmId('tanaka'), sato: mmId('sato'), li: mmId('li')};
const person = (userId: string): Caller => ({userId, guest: false});
const access = fakeChannelAccess({channels: {patents: {name: 'patents', members: Object.values(U)}}});
const calendar = createBusinessCalendar({country: 'JP'});
const allDay = (kind: string, date: string) => ({kind, ...dueInstant(date, 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'});

describe.each(engineNames)('snoozed reminders on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let clock = instantOf('2026-11-20', '10:00', 'Asia/Tokyo');
  const ids: Record<string, string> = {};
  const snoozes = () => createReminderSnoozeRepository(database.db);

  const ladder = () =>
    createReminderJobs({db: database.db, tasks: createTaskRepository(database.db), access, people: {timeZone: async () => 'Asia/Tokyo'}, calendar, clock: {now: () => clock}}).find((job) => job.name === 'deadline-reminders')!;

  /** Runs the ladder at 00:00 and 06:00 UTC (09:00 and 15:00 in Tokyo) each day from `from` to `to`. */
  async function runDays(from: string, to: string): Promise<void> {
    const job = ladder();
    for (let date = from; date <= to; date = addDays(date, 1)) {
      for (const time of ['00:00', '06:00']) {
        clock = instantOf(date, time, 'UTC');
        await job.run(clock);
      }
    }
  }

  /** The rungs one person got about one task and kind: `3@2026-12-04`, `2026-12-08`, … */
  const rungs = async (task: string, kind: string, userId: string) =>
    (await sql<{idempotency_key: string}>`select idempotency_key from outbox where kind = 'deadline_reminder' order by id`.execute(database.db)).rows
      .map((row) => row.idempotency_key)
      .filter((key) => key.startsWith(`reminder:${ids[task]}:${kind}:`) && key.endsWith(`:${userId}`))
      .map((key) => key.split(':')[3]);

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    tasks = createTaskService({store: createTaskRepository(database.db), access, clock: {now: () => clock}});
    ids.draft = (await tasks.create(person(U.tanaka), {title: 'Draft the response', channelId: 'patents', holderId: U.sato, deadlines: [allDay('internal', '2026-12-04')]})).id;
    ids.filing = (await tasks.create(person(U.tanaka), {title: 'File the response', channelId: 'patents', holderId: U.sato, deadlines: [allDay('legal', '2026-12-02')], watcherIds: [U.li]})).id;
    // The holder snoozes the legal deadline as far as it goes (its day); a watcher snoozes their own overdue reminders.
    await snoozes().snooze({userId: U.sato, taskId: ids.filing, deadlineKind: 'legal', until: '2026-12-02'}, clock);
    await snoozes().snooze({userId: U.li, taskId: ids.filing, deadlineKind: 'legal', until: '2026-12-08'}, clock);
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  it('keeps one snooze per person, task and kind: snoozing again moves its date', async () => {
    await snoozes().snooze({userId: U.sato, taskId: ids.draft!, deadlineKind: 'internal', until: '2026-11-21'}, clock);
    await snoozes().snooze({userId: U.sato, taskId: ids.draft!, deadlineKind: 'internal', until: '2026-11-22'}, clock);
    expect(await snoozes().snoozesOf([ids.draft!])).toEqual([{userId: U.sato, taskId: ids.draft, deadlineKind: 'internal', until: '2026-11-22'}]);
    expect(await snoozes().snoozesOf([])).toEqual([]);
  });

  it('sends a snoozed person nothing for that task and kind until the date, then the ladder carries on', async () => {
    await runDays('2026-11-24', '2026-11-30');
    expect(await rungs('draft', 'internal', U.sato)).toEqual(['7@2026-12-04']);
    // Monday 30 November: sato snoozes the draft until Tuesday 8 December.
    await snoozes().snooze({userId: U.sato, taskId: ids.draft!, deadlineKind: 'internal', until: '2026-12-08'}, clock);
    await runDays('2026-12-01', '2026-12-10');
    // No "3 days" (1 Dec), "1 day" (3 Dec), "today" (4 Dec) or overdue on 7 Dec; overdue again from 8 December.
    expect(await rungs('draft', 'internal', U.sato)).toEqual(['7@2026-12-04', '2026-12-08', '2026-12-09', '2026-12-10']);
  });

  it('spares only the person who snoozed: a legal deadline’s overdue reminders still reach the creator and the other watchers', async () => {
    // sato's snooze until the legal deadline's day: its "3 days" and "1 day" are held back, "today" and overdue come.
    expect(await rungs('filing', 'legal', U.sato)).toEqual(['0@2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
    expect(await rungs('filing', 'legal', U.tanaka)).toEqual(['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10']);
    expect(await rungs('filing', 'legal', U.li)).toEqual(['2026-12-08', '2026-12-09', '2026-12-10']);
  });
});
