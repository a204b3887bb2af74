import type {Kysely} from 'kysely';
import {dueInstant} from '../contract/dueInstant';
import {workflowDefinitionSchema} from '../contract/workflow';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createStatsService, type StatsService} from '../domain/stats/statsService';
import type {TaskChangeListener} from '../domain/tasks/ports';
import type {Caller, Deadline} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import type {WorkflowRun} from '../domain/workflows/ports';
import {createWorkflowService, type WorkflowService} from '../domain/workflows/workflowService';
import type {DatabaseSchema} from '../storage/schema';
import {createStatsQueries} from '../storage/statsQueries';
import {createTaskRepository} from '../storage/taskRepository';
import {fakeChannelAccess} from './fakeChannelAccess';
import {mmId} from './mattermostIds';

// A month of work at the patent office with known timings, for the stats
// tests (storage and HTTP): three finished runs of a three-step template,
// one run still at its second step, and three plain tasks of li's. Every
// instant is UTC; Tokyo is 9 hours ahead. June 2027 has no Japanese holiday.
//
// Run  started (Mon)  Draft (sato)   Translate (li)                    Review (ivanova)   total
// A    06-07 01:00    24 h, on time  48 h, late (due Wed 06-09)        2 h, customer late  74 h
// B    06-14 01:00     8 h           16 h: li declines after 1 h, sato  4 h                 28 h
//                                    hands it back 1 h later, li 14 h
// C    06-21 01:00    12 h           12 h                               6 h                 30 h
// D    06-28 01:00     4 h           held by li since 06-28 05:00, due Tue 06-29: overdue
//
// li's other tasks, all created by tanaka on Tue 06-01 01:00 with li holding them:
// X  in #partners (sato is not a member): done after 52 h, late (internal due 06-02)
// Y  personal, kim (a guest) watches it:  done after 24 h, on time (internal due 06-04)
// Z  in #patents: cancelled by tanaka after 3 h (a holding, not a completion)
//
// "Now" is Thu 2027-07-01 01:00 (10:00 in Tokyo).

export const U = {
  tanaka: mmId('tanaka'),
  sato: mmId('sato'),
  li: mmId('li'),
  ivanova: mmId('ivanova'),
  kim: mmId('kim'),
  outsider: mmId('outsider'),
};
export const CHANNELS = {patents: mmId('patents'), partners: mmId('partners')};
export const person = (userId: string): Caller => ({userId, guest: false});
export const kim: Caller = {userId: U.kim, guest: true};

export const statsAccess = fakeChannelAccess({
  channels: {
    [CHANNELS.patents]: {name: 'patents', members: [U.tanaka, U.sato, U.li, U.ivanova, U.kim]},
    [CHANNELS.partners]: {name: 'partners-only', members: [U.tanaka, U.li, U.ivanova]},
  },
});

export const TEMPLATE_NAME = 'Office action (short)';

const template = workflowDefinitionSchema.parse({
  name: TEMPLATE_NAME,
  steps: [
    {name: 'Draft', assignee: {kind: 'role', role: 'attorney'}, deadlines: [{kind: 'internal', from: 'step_start', businessDays: 2}]},
    {name: 'Translate', assignee: {kind: 'role', role: 'translator'}, deadlines: [{kind: 'internal', from: 'step_start', businessDays: 1}]},
    {
      name: 'Review',
      assignee: {kind: 'user', userId: U.ivanova},
      deadlines: [
        {kind: 'internal', from: 'step_start', businessDays: 1},
        {kind: 'customer', from: 'run', runDeadline: 'customer'},
      ],
    },
  ],
});

/** The June of the story, as the caller in Tokyo asks for it (both dates included). */
export const JUNE = {from: new Date('2027-05-31T15:00:00Z'), to: new Date('2027-06-30T15:00:00Z'), timeZone: 'Asia/Tokyo'};
export const NOW = new Date('2027-07-01T01:00:00Z');
export const HOUR = 3_600_000;

export interface StatsWorld {
  tasks: TaskService;
  workflows: WorkflowService;
  stats: StatsService;
  setNow(iso: string): void;
  later(hours: number): void;
}

/** The real services on a database, with a clock the story moves. */
export function createStatsWorld(db: Kysely<DatabaseSchema>): StatsWorld {
  let now = new Date('2027-06-01T01:00:00Z');
  const clock = {now: () => now};
  const store = createTaskRepository(db);
  const listeners: TaskChangeListener[] = [];
  const tasks = createTaskService({store, access: statsAccess, clock, listeners});
  const calendar = createBusinessCalendar({country: 'JP'});
  const workflows = createWorkflowService({store, access: statsAccess, clock, calendar, timeZone: 'Asia/Tokyo', tasks: tasks.operations});
  listeners.push(workflows.listener);
  const stats = createStatsService({store: createStatsQueries(db), access: statsAccess, clock});
  return {
    tasks,
    workflows,
    stats,
    setNow: (iso) => {
      now = new Date(iso);
    },
    later: (hours) => {
      now = new Date(now.getTime() + hours * HOUR);
    },
  };
}

export interface StatsHistory {
  runs: {a: WorkflowRun; b: WorkflowRun; c: WorkflowRun; d: WorkflowRun};
}

/** Plays the story of the table above; leaves the clock at NOW. */
export async function buildStatsHistory(world: StatsWorld): Promise<StatsHistory> {
  const {tasks, workflows, setNow, later} = world;
  const [tanaka, sato, li, ivanova] = [U.tanaka, U.sato, U.li, U.ivanova].map(person) as [Caller, Caller, Caller, Caller];
  const due = (kind: string, date: string): Deadline => ({kind, ...dueInstant(date, 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'});
  const done = (caller: Caller, run: WorkflowRun, position: number) => tasks.transition(caller, run.steps[position]!.taskId, {statusId: 'done'});
  const start = (customer: string) => workflows.startRun(tanaka, TEMPLATE_NAME, {channelId: CHANNELS.patents, roles: {attorney: U.sato, translator: U.li}, deadlines: [due('customer', customer)]});

  setNow('2027-06-01T01:00:00Z');
  await workflows.createTemplate(tanaka, template);
  const x = await tasks.create(tanaka, {title: 'Check the partner’s fee note', channelId: CHANNELS.partners, holderId: U.li, deadlines: [due('internal', '2027-06-02')]});
  const y = await tasks.create(tanaka, {title: 'Translate my letter', holderId: U.li, watcherIds: [U.kim], deadlines: [due('internal', '2027-06-04')]});
  const z = await tasks.create(tanaka, {title: 'Obsolete request', channelId: CHANNELS.patents, holderId: U.li});
  later(3);
  await tasks.transition(tanaka, z.id, {statusId: 'cancelled'});
  setNow('2027-06-02T01:00:00Z');
  await tasks.transition(li, y.id, {statusId: 'done'});
  setNow('2027-06-03T05:00:00Z');
  await tasks.transition(li, x.id, {statusId: 'done'});

  setNow('2027-06-07T01:00:00Z');
  const a = await start('2027-06-09');
  later(24);
  await done(sato, a, 0);
  later(48);
  await done(li, a, 1);
  later(2);
  await done(ivanova, a, 2);

  setNow('2027-06-14T01:00:00Z');
  const b = await start('2027-06-30');
  later(8);
  await done(sato, b, 0);
  later(1);
  await tasks.decline(li, b.steps[1]!.taskId, {reason: 'Swamped until tomorrow.'});
  later(1);
  await tasks.handOff(sato, b.steps[1]!.taskId, {toUserId: U.li, comment: 'Nobody else reads Chinese; please.'});
  await tasks.accept(li, b.steps[1]!.taskId);
  later(14);
  await done(li, b, 1);
  later(4);
  await done(ivanova, b, 2);

  setNow('2027-06-21T01:00:00Z');
  const c = await start('2027-06-30');
  later(12);
  await done(sato, c, 0);
  later(12);
  await done(li, c, 1);
  later(6);
  await done(ivanova, c, 2);

  setNow('2027-06-28T01:00:00Z');
  const d = await start('2027-07-15');
  later(4);
  await done(sato, d, 0);

  setNow(NOW.toISOString());
  return {runs: {a, b, c, d}};
}
