import {sql} from 'kysely';
import type {z} from 'zod';
import {RECURRENCE_SHIFTS, recurrenceCreateSchema} from '../contract/recurrence';
import {dueInstant} from '../contract/dueInstant';
import {workflowDefinitionSchema} from '../contract/workflow';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {SHIFTS} from '../domain/calendar/recurrence';
import {createHandoffNotifier} from '../domain/notices/handoffNotifier';
import {createRecurrenceJob} from '../domain/recurrence/recurrenceJob';
import {createRecurrenceService, type RecurrenceInput, type RecurrenceService} from '../domain/recurrence/recurrenceService';
import type {ScheduledJob} from '../domain/scheduling/job';
import type {TaskChangeListener} from '../domain/tasks/ports';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {createWorkflowService, type WorkflowService} from '../domain/workflows/workflowService';
import {rejection} from '../testing/rejection';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {type Database, openDatabase} from './database';
import {createRecurrenceRepository} from './recurrenceRepository';
import {createTaskRepository} from './taskRepository';

// Recurring work on a real store, on both engines, with a clock the tests
// move by hand (the scheduler's ticks are calls to job.run). The patent
// office of SCENARIOS.md: a weekly docket review, a monthly report on the
// first business day (Japanese holidays and the year-end closure), a yearly
// filing moved back to the previous business day, a monthly workflow run.

const U = {tanaka: mmId('tanaka'), sato: mmId('sato'), li: mmId('li'), kim: mmId('kim'), smith: mmId('smith')};
const person = (userId: string): Caller => ({userId, guest: false});
const [tanaka, sato, smith] = [U.tanaka, U.sato, U.smith].map(person) as [Caller, Caller, Caller];
const kim: Caller = {userId: U.kim, guest: true};

const patentsMembers = [U.tanaka, U.sato, U.li, U.kim];
const [patents, acme] = [mmId('patents'), mmId('clientacme')];
const access = fakeChannelAccess({channels: {[patents]: {name: 'patents', members: patentsMembers}, [acme]: {name: 'client-acme', members: [U.smith]}}});

const japaneseFirm = createBusinessCalendar({country: 'JP', closedDays: ['2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']});
const TOKYO = 'Asia/Tokyo';
const endOfDay = (date: string) => ({...dueInstant(date, TOKYO), timeZone: TOKYO});

type RecurrenceRequest = z.input<typeof recurrenceCreateSchema>;

/** A recurrence as the route hands it to the service: parsed by the contract (defaults applied), the zone resolved. */
function input(request: RecurrenceRequest): RecurrenceInput {
  const parsed = recurrenceCreateSchema.parse(request);
  return {...parsed, schedule: {...parsed.schedule, timeZone: parsed.schedule.timeZone ?? TOKYO}};
}

describe.each(engineNames)('recurring work on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let workflows: WorkflowService;
  let recurrences: RecurrenceService;
  let now = new Date('2027-02-26T01:00:00Z');

  /** A scheduler job as a freshly started bridge builds it: its own repositories over the same database. */
  const newJob = (): ScheduledJob =>
    createRecurrenceJob({store: createRecurrenceRepository(database.db), tasks: tasks.operations, runs: workflows, access, calendar: japaneseFirm});
  const at = (instant: string) => {
    now = new Date(instant);
    return now;
  };

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    const store = createTaskRepository(database.db);
    const clock = {now: () => now};
    const listeners: TaskChangeListener[] = [];
    tasks = createTaskService({store, access, clock, listeners});
    workflows = createWorkflowService({store, access, clock, calendar: japaneseFirm, timeZone: TOKYO, tasks: tasks.operations});
    listeners.push(workflows.listener, createHandoffNotifier());
    recurrences = createRecurrenceService({store: createRecurrenceRepository(database.db), access, clock, calendar: japaneseFirm, runs: workflows});
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  /** What a recurrence has created so far, one row per occurrence, oldest first. */
  const occurrencesOf = async (recurrenceId: string) =>
    (
      await sql<{occurrence_date: string; task_id: string | null; run_id: string | null}>`
        select occurrence_date, task_id, run_id from recurrence_occurrences where recurrence_id = ${recurrenceId} order by occurrence_date`.execute(database.db)
    ).rows;
  const tasksTitled = async (pattern: string) =>
    (await sql<{title: string}>`select title from tasks where title like ${pattern} order by title`.execute(database.db)).rows.map((row) => row.title);
  const handoffNoticesFor = async (taskId: string) =>
    Number((await sql<{count: string}>`select count(*) as count from outbox where kind = 'handoff' and payload->>'taskId' = ${taskId}`.execute(database.db)).rows[0]?.count);

  const weeklyReview = (overrides: Partial<RecurrenceInput['schedule']> = {}): Extract<RecurrenceRequest, {kind: 'task'}> => ({
    kind: 'task',
    channelId: patents,
    schedule: {rule: 'FREQ=WEEKLY;BYDAY=MO', start: '2027-03-01', time: '09:00', timeZone: TOKYO, shift: 'none', ...overrides},
    template: {title: 'Docket review {date}', description: 'Check every deadline of the week.', holderId: U.sato, priority: 'high', deadlines: [{kind: 'internal', businessDays: 2}]},
  });

  it('uses the calendar module’s shifts in its contract', () => {
    expect([...RECURRENCE_SHIFTS]).toEqual([...SHIFTS]);
  });

  it('creates an every-Monday task exactly once per Monday: two jobs at once, a second tick, a restart, a lost bookmark', async () => {
    at('2027-02-26T01:00:00Z'); // Friday 10:00 in Tokyo
    const recurrence = await recurrences.create(tanaka, input(weeklyReview()));
    expect(recurrence.nextDueAt).toEqual(new Date('2027-03-01T00:00:00Z')); // Monday 09:00 in Tokyo

    await newJob().run(at('2027-02-28T23:59:00Z'));
    expect(await occurrencesOf(recurrence.id)).toEqual([]);

    // Monday 09:00: two replicas tick at the same moment.
    const [first, second] = [newJob(), newJob()];
    await Promise.all([first.run(at('2027-03-01T00:00:00Z')), second.run(now)]);
    await first.run(now);
    // A restart: a new job over the same database, later that morning.
    await newJob().run(at('2027-03-01T03:00:00Z'));
    const [monday] = await occurrencesOf(recurrence.id);
    expect(await occurrencesOf(recurrence.id)).toEqual([{occurrence_date: '2027-03-01', task_id: expect.any(String), run_id: null}]);
    expect(await tasksTitled('Docket review %')).toEqual(['Docket review 2027-03-01']);

    // The holder gets the baton from the creator, with a DM, and a deadline two business days on.
    const task = await tasks.get(sato, monday!.task_id!);
    expect(task).toMatchObject({channelId: patents, creatorId: U.tanaka, holderId: U.sato, handedById: U.tanaka, priority: 'high', startDate: '2027-03-01'});
    expect(task.deadlines).toEqual([{kind: 'internal', ...endOfDay('2027-03-03')}]);
    expect(await handoffNoticesFor(task.id)).toBe(1);
    expect((await recurrences.get(sato, recurrence.id)).nextDueAt).toEqual(new Date('2027-03-08T00:00:00Z'));

    // The next Monday, again two at once.
    await Promise.all([newJob().run(at('2027-03-08T00:05:00Z')), newJob().run(now)]);
    // A crash between creating and advancing loses the bookmark: the occurrence rows still say what exists.
    await sql`update recurrences set next_due_at = ${new Date('2027-03-01T00:00:00Z')} where id = ${recurrence.id}`.execute(database.db);
    await Promise.all([newJob().run(at('2027-03-08T00:00:00Z')), newJob().run(now)]);
    expect((await occurrencesOf(recurrence.id)).map((row) => row.occurrence_date)).toEqual(['2027-03-01', '2027-03-08']);
    expect(await tasksTitled('Docket review %')).toEqual(['Docket review 2027-03-01', 'Docket review 2027-03-08']);
  });

  it('catches up at most a week after downtime, and never creates the missed weeks before that', async () => {
    at('2027-03-05T01:00:00Z');
    const recurrence = await recurrences.create(tanaka, input({...weeklyReview(), template: {title: 'Weekly filing check {date}', deadlines: []}}));
    // The bridge is off from before Monday Mar 8 until Wednesday Mar 31.
    await newJob().run(at('2027-03-31T01:00:00Z'));
    expect((await occurrencesOf(recurrence.id)).map((row) => row.occurrence_date)).toEqual(['2027-03-29']);
    expect((await recurrences.get(tanaka, recurrence.id)).nextDueAt).toEqual(new Date('2027-04-05T00:00:00Z'));
  });

  it('monthly on the first business day: January 2027 in Japan lands on Monday the 4th', async () => {
    at('2026-12-15T01:00:00Z');
    const recurrence = await recurrences.create(tanaka, input({
      kind: 'task',
      channelId: patents,
      schedule: {rule: 'FREQ=MONTHLY;BYMONTHDAY=1', start: '2026-12-01', time: '09:00', timeZone: TOKYO, shift: 'next_business_day'},
      template: {title: 'Monthly annuity report {date}', deadlines: [{kind: 'internal', businessDays: 0}]},
    }));
    // Jan 1 is New Year’s Day, Jan 2–3 the firm’s closure and a weekend.
    expect(recurrence.nextDueAt).toEqual(new Date('2027-01-04T00:00:00Z'));
    await newJob().run(at('2027-01-01T00:00:00Z'));
    expect(await occurrencesOf(recurrence.id)).toEqual([]);
    await newJob().run(at('2027-01-04T00:00:00Z'));
    const [january] = await occurrencesOf(recurrence.id);
    // Named by the date the rule gave (Jan 1), happening on Jan 4.
    expect(january?.occurrence_date).toBe('2027-01-01');
    const task = await tasks.get(tanaka, january!.task_id!);
    expect(task).toMatchObject({title: 'Monthly annuity report 2027-01-04', startDate: '2027-01-04', holderId: null});
    expect(task.deadlines).toEqual([{kind: 'internal', ...endOfDay('2027-01-04')}]);
  });

  it('yearly on Mar 31, moved back to Friday Mar 30 in 2029 (a Saturday)', async () => {
    at('2029-03-01T00:00:00Z');
    const recurrence = await recurrences.create(tanaka, input({
      kind: 'task',
      channelId: patents,
      schedule: {rule: 'FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31', start: '2029-01-01', time: '17:00', timeZone: TOKYO, shift: 'previous_business_day'},
      template: {title: 'Fiscal year-end fee payments', deadlines: []},
    }));
    expect(recurrence.nextDueAt).toEqual(new Date('2029-03-30T08:00:00Z'));
    await newJob().run(at('2029-03-30T08:00:00Z'));
    const [fiscalYearEnd] = await occurrencesOf(recurrence.id);
    expect(fiscalYearEnd?.occurrence_date).toBe('2029-03-31');
    expect((await tasks.get(tanaka, fiscalYearEnd!.task_id!)).startDate).toBe('2029-03-30');
    // Mar 31, 2030 is a Sunday: Friday Mar 29.
    expect((await recurrences.get(tanaka, recurrence.id)).nextDueAt).toEqual(new Date('2030-03-29T08:00:00Z'));
  });

  it('starts a recurring workflow run: the first step’s holder gets the baton, run deadlines count from the day', async () => {
    at('2027-01-20T01:00:00Z');
    const template = await workflows.createTemplate(
      tanaka,
      workflowDefinitionSchema.parse({
        name: 'Monthly IDS check',
        steps: [
          {name: 'Collect cited references', assignee: {kind: 'role', role: 'attorney'}, deadlines: [{kind: 'internal', from: 'step_start', businessDays: 3}]},
          {name: 'File the IDS', assignee: {kind: 'requester'}, deadlines: [{kind: 'customer', from: 'run', runDeadline: 'customer'}]},
        ],
      }),
    );
    const recurrence = await recurrences.create(tanaka, input({
      kind: 'workflow_run',
      channelId: patents,
      schedule: {rule: 'FREQ=MONTHLY;BYMONTHDAY=1', start: '2027-02-01', time: '09:00', timeZone: TOKYO, shift: 'next_business_day'},
      template: {templateRef: 'monthly ids check', runStart: {roles: {attorney: U.sato}, deadlines: [{kind: 'customer', businessDays: 10}], comment: 'This month’s references are in the shared folder.'}},
    }));
    // Stored by id: renaming the template later changes nothing.
    expect(recurrence.template).toMatchObject({templateRef: template.id});
    await workflows.replaceTemplate(tanaka, template.id, {...template.definition, name: 'IDS check (monthly)'});

    await Promise.all([newJob().run(at('2027-02-01T00:00:00Z')), newJob().run(now)]);
    const occurrences = await occurrencesOf(recurrence.id);
    expect(occurrences).toEqual([{occurrence_date: '2027-02-01', task_id: null, run_id: expect.any(String)}]);
    const run = await workflows.getRun(sato, occurrences[0]!.run_id!);
    expect(run).toMatchObject({requesterId: U.tanaka, channelId: patents, status: 'active', currentStep: 0, title: 'IDS check (monthly) (2027-02-01)', templateVersion: 2});
    // Feb 1 + 10 business days, over National Foundation Day (Thu Feb 11).
    expect(run.deadlines).toEqual([{kind: 'customer', ...endOfDay('2027-02-16')}]);
    const firstStep = await tasks.get(sato, run.steps[0]!.taskId);
    expect(firstStep).toMatchObject({title: 'Collect cited references', holderId: U.sato, handedById: U.tanaka, acceptedAt: null});
    expect(firstStep.deadlines).toEqual([{kind: 'internal', ...endOfDay('2027-02-04')}]);
    expect(await handoffNoticesFor(firstStep.id)).toBe(1);
    expect((await tasks.comments(sato, firstStep.id)).map((comment) => comment.body)).toEqual(['This month’s references are in the shared folder.']);
  });

  it('creates nothing while paused, and resumes from the next occurrence without making up the missed ones', async () => {
    at('2027-05-07T01:00:00Z');
    const recurrence = await recurrences.create(tanaka, input({...weeklyReview({start: '2027-05-10'}), template: {title: 'Paused review {date}', deadlines: []}}));
    const paused = await recurrences.update(sato, recurrence.id, {paused: true});
    expect(paused.paused).toBe(true);
    await newJob().run(at('2027-05-10T00:00:00Z'));
    await newJob().run(at('2027-05-17T00:00:00Z'));
    expect(await occurrencesOf(recurrence.id)).toEqual([]);

    at('2027-05-18T01:00:00Z');
    const resumed = await recurrences.update(tanaka, recurrence.id, {paused: false});
    expect(resumed).toMatchObject({paused: false, nextDueAt: new Date('2027-05-24T00:00:00Z')});
    await newJob().run(at('2027-05-18T02:00:00Z'));
    expect(await occurrencesOf(recurrence.id)).toEqual([]);
    await newJob().run(at('2027-05-24T00:00:00Z'));
    expect(await tasksTitled('Paused review %')).toEqual(['Paused review 2027-05-24']);

    await recurrences.remove(sato, recurrence.id);
    await newJob().run(at('2027-05-31T00:00:00Z'));
    expect(await tasksTitled('Paused review %')).toEqual(['Paused review 2027-05-24']);
    expect((await rejection(recurrences.get(tanaka, recurrence.id))).status).toBe(404);
  });

  it('skips an occurrence whose holder left the channel, says why, and goes on once fixed', async () => {
    at('2027-06-04T01:00:00Z');
    const recurrence = await recurrences.create(tanaka, input({...weeklyReview({start: '2027-06-07'}), template: {title: 'Translation batch {date}', holderId: U.li, deadlines: []}}));
    patentsMembers.splice(patentsMembers.indexOf(U.li), 1);
    try {
      await newJob().run(at('2027-06-07T00:00:00Z'));
      const stuck = await recurrences.get(tanaka, recurrence.id);
      expect(stuck.lastProblem).toEqual({occurrenceDate: '2027-06-07', message: 'The holder is no longer a member of the channel; choose another holder.', at: now});
      expect(stuck.nextDueAt).toEqual(new Date('2027-06-14T00:00:00Z'));
      expect(await occurrencesOf(recurrence.id)).toEqual([]);
    } finally {
      patentsMembers.push(U.li);
    }
    const fixed = await recurrences.update(tanaka, recurrence.id, {template: {title: 'Translation batch {date}', holderId: U.sato}});
    expect(fixed.lastProblem).toBeNull();
    await newJob().run(at('2027-06-14T00:00:00Z'));
    expect(await tasksTitled('Translation batch %')).toEqual(['Translation batch 2027-06-14']);
  });

  it('names the field of every problem, refuses guests and hides other channels’ recurrences', async () => {
    at('2027-02-01T01:00:00Z');
    // What the contract lets through, the calendar module checks.
    const badRule = await rejection(recurrences.create(tanaka, input(weeklyReview({rule: 'FREQ=HOURLY', start: '1800-01-01'}))));
    expect(badRule.status).toBe(400);
    expect(badRule.details.issues).toEqual([
      {field: 'schedule.rule', message: expect.stringContaining('FREQ=HOURLY is not supported')},
      {field: 'schedule.start', message: expect.stringContaining('must be a date YYYY-MM-DD between 1900 and 2199')},
    ]);
    const ended = await rejection(recurrences.create(tanaka, input(weeklyReview({start: '2026-01-05', until: '2026-12-31'}))));
    expect([ended.status, ended.details.field]).toEqual([422, 'schedule']);
    const outsider = await rejection(recurrences.create(tanaka, input({...weeklyReview(), template: {title: 'Review', holderId: U.smith}})));
    expect([outsider.status, outsider.details.field]).toEqual([422, 'template.holderId']);

    const recurringRun = (templateRef: string, roles: Record<string, string>): RecurrenceRequest => ({...weeklyReview(), kind: 'workflow_run', template: {templateRef, runStart: {roles}}});
    const unknown = await rejection(recurrences.create(tanaka, input(recurringRun('No such workflow', {}))));
    expect([unknown.status, unknown.details.field]).toEqual([422, 'template.templateRef']);
    await workflows.createTemplate(tanaka, workflowDefinitionSchema.parse({name: 'Quarterly docket audit', steps: [{name: 'Audit', assignee: {kind: 'role', role: 'attorney'}}]}));
    const roleless = await rejection(recurrences.create(tanaka, input(recurringRun('quarterly docket audit', {}))));
    expect(roleless.details.issues).toEqual([{field: 'template.runStart.roles.attorney', message: 'is required: a step of this workflow goes to the attorney'}]);

    const created = await recurrences.create(tanaka, input(weeklyReview()));
    const badTemplate = await rejection(recurrences.update(tanaka, created.id, {template: {title: '', colour: 'red'}}));
    expect(badTemplate.details.issues).toEqual([
      {field: 'template.title', message: expect.stringContaining('must be 1–200 characters')},
      {field: 'template.colour', message: expect.stringContaining('is not a known field')},
    ]);

    expect((await rejection(recurrences.create(kim, input(weeklyReview())))).status).toBe(403);
    expect((await rejection(recurrences.list(kim))).status).toBe(403);
    expect((await rejection(recurrences.create(smith, input(weeklyReview())))).status).toBe(403);
    expect((await rejection(recurrences.get(smith, created.id))).status).toBe(404);
    expect((await rejection(recurrences.update(smith, created.id, {paused: true}))).status).toBe(404);
    expect(await recurrences.list(smith)).toEqual([]);
    expect((await recurrences.list(sato, {channelId: patents})).map((each) => each.id)).toContain(created.id);
    expect(await recurrences.list(sato, {channelId: acme})).toEqual([]);
  });
});
