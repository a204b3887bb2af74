import {sql} from 'kysely';
import {dueInstant} from '../contract/dueInstant';
import {type WorkflowDefinition, workflowDefinitionSchema} from '../contract/workflow';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createHandoffNotifier} from '../domain/notices/handoffNotifier';
import type {TaskChangeListener} from '../domain/tasks/ports';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {createWorkflowService, type WorkflowService} from '../domain/workflows/workflowService';
import {rejection} from '../testing/rejection';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {type Database, openDatabase} from './database';
import {createTaskRepository} from './taskRepository';

// Workflow runs on a real store, on both engines: the patent office's
// office-action response from SCENARIOS.md, step by step. Deadlines count
// business days on a Japanese calendar (Golden Week, the year-end closure).

// Workflow definitions name real Mattermost user ids (26 characters).
const U = {tanaka: mmId('tanaka'), sato: mmId('sato'), li: mmId('li'), ivanova: mmId('ivanova'), smith: mmId('smith'), kim: mmId('kim')};
const person = (userId: string): Caller => ({userId, guest: false});
const [tanaka, sato, li, ivanova, smith] = [U.tanaka, U.sato, U.li, U.ivanova, U.smith].map(person) as [Caller, Caller, Caller, Caller, Caller];
const kim: Caller = {userId: U.kim, guest: true};

const access = fakeChannelAccess({
  channels: {
    patents: {name: 'patents', members: [U.tanaka, U.sato, U.li, U.ivanova, U.kim]},
    acme: {name: 'client-acme', members: [U.smith, U.sato]},
  },
});

const officeAction: WorkflowDefinition = workflowDefinitionSchema.parse({
  name: 'Office action response',
  description: 'From the examiner’s notice to the filed response.',
  steps: [
    {name: 'Draft response', instructions: 'Read the **rejection** and draft.', assignee: {kind: 'role', role: 'attorney'}, deadlines: [{kind: 'internal', from: 'step_start', businessDays: 3}]},
    {name: 'Review', assignee: {kind: 'chosen'}, deadlines: [{kind: 'internal', from: 'step_start', businessDays: 2}]},
    {name: 'File with the JPO', assignee: {kind: 'user', userId: U.ivanova}, deadlines: [{kind: 'legal', from: 'run', runDeadline: 'legal'}, {kind: 'internal', from: 'run', runDeadline: 'legal', businessDaysBefore: 2}]},
    {name: 'Report to client', assignee: {kind: 'requester'}},
  ],
});

describe.each(engineNames)('workflow runs on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let workflows: WorkflowService;
  // Wednesday 28 April 2027, 10:00 in Tokyo: Golden Week starts the next day.
  let clock = new Date('2027-04-28T01:00:00Z');

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    const store = createTaskRepository(database.db);
    const calendar = createBusinessCalendar({country: 'JP', closedDays: ['2027-12-29', '2027-12-30', '2027-12-31', '2028-01-03']});
    const listeners: TaskChangeListener[] = [];
    tasks = createTaskService({store, access, clock: {now: () => clock}, listeners, acceptance: {required: async (userId) => userId === U.li}});
    workflows = createWorkflowService({store, access, clock: {now: () => clock}, calendar, timeZone: 'Asia/Tokyo', tasks: tasks.operations});
    listeners.push(workflows.listener, createHandoffNotifier());
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  const later = (hours: number) => {
    clock = new Date(clock.getTime() + hours * 3_600_000);
  };
  const notices = async () =>
    (await sql<{kind: string; payload: Record<string, unknown>}>`select kind, payload from outbox order by id`.execute(database.db)).rows.map((row): Record<string, unknown> => ({kind: row.kind, ...row.payload}));
  const legal = {kind: 'legal', ...dueInstant('2027-05-14', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'};
  const startOfficeAction = () =>
    workflows.startRun(tanaka, 'office action response', {channelId: 'patents', caseRef: {id: 'P-2027-0042', url: 'https://ip.example/cases/P-2027-0042'}, roles: {attorney: U.sato}, deadlines: [legal]});

  it('keeps templates versioned: a run keeps the version it started with', async () => {
    const template = await workflows.createTemplate(tanaka, officeAction);
    expect(template.version).toBe(1);
    const taken = await rejection(workflows.createTemplate(sato, {...officeAction, name: 'OFFICE ACTION RESPONSE'}));
    expect([taken.status, taken.id]).toEqual([409, 'baton.conflict.template_name']);
    expect((await rejection(workflows.createTemplate(kim, {...officeAction, name: 'Guest flow'}))).status).toBe(403);
    const run = await startOfficeAction();
    const edited = await workflows.replaceTemplate(tanaka, template.id, {...officeAction, steps: officeAction.steps.slice(0, 2)});
    expect(edited.version).toBe(2);
    expect((await rejection(workflows.replaceTemplate(tanaka, template.id, officeAction, 1))).id).toBe('baton.conflict.template_version');
    const reread = await workflows.getRun(sato, run.id);
    expect([reread.templateVersion, reread.steps]).toEqual([1, expect.any(Array)]);
    expect(reread.steps).toHaveLength(4);
    // Back to four steps for the rest of the story.
    await workflows.replaceTemplate(tanaka, template.id, officeAction);
  });

  it('starts a run: a parent task for the case, one sub-task per step, the first holder from the role, deadlines across Golden Week', async () => {
    const before = (await notices()).length;
    const run = await startOfficeAction();
    expect(run).toMatchObject({status: 'active', currentStep: 0, requesterId: U.tanaka, title: 'Office action response: P-2027-0042'});
    const parent = await tasks.get(sato, run.parentTaskId);
    expect(parent).toMatchObject({holderId: U.tanaka, caseRef: {id: 'P-2027-0042'}, progress: {done: 0, total: 4}});
    const first = await tasks.get(sato, run.steps[0]!.taskId);
    expect(first).toMatchObject({title: 'Draft response', holderId: U.sato, handedById: U.tanaka, acceptedAt: null, parentId: parent.id});
    // Wed 28 Apr + 3 business days: 29 Apr (Shōwa Day) and 3–5 May are holidays → Fri 30 Apr, Thu 6, Fri 7 May.
    expect(first.deadlines).toEqual([{kind: 'internal', ...dueInstant('2027-05-07', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'}]);
    const later = await tasks.get(sato, run.steps[1]!.taskId);
    expect([later.holderId, later.deadlines]).toEqual([null, []]);
    expect((await notices()).slice(before)).toEqual([expect.objectContaining({kind: 'handoff', userId: U.sato, taskId: first.id, fromUserId: U.tanaka, comment: null})]);
  });

  it('passes the baton along four steps, each with its deadlines, and completes the run', async () => {
    const run = await startOfficeAction();
    const step = (position: number) => tasks.get(tanaka, run.steps[position]!.taskId);
    const before = (await notices()).length;

    // Step 2 goes to whoever the drafter chooses: without a choice nothing changes.
    later(20);
    const missing = await rejection(tasks.transition(sato, run.steps[0]!.taskId, {statusId: 'done'}));
    expect([missing.status, missing.id, missing.details.field]).toEqual([422, 'baton.invalid.next_holder', 'nextHolderId']);
    expect((await step(0)).statusId).toBe('open');

    await tasks.transition(sato, run.steps[0]!.taskId, {statusId: 'done', comment: 'Draft attached; claim 3 amended.', nextHolderId: U.li});
    const review = await step(1);
    expect(review).toMatchObject({holderId: U.li, handedById: U.sato});
    // Thu 29 Apr (a holiday) + 2 business days: Fri 30 Apr, Thu 6 May.
    expect(review.deadlines).toEqual([{kind: 'internal', ...dueInstant('2027-05-06', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'}]);
    expect((await tasks.timeline(tanaka, run.steps[0]!.taskId)).map((event) => event.kind)).toEqual(expect.arrayContaining(['status_changed', 'baton_passed']));
    expect((await tasks.timeline(tanaka, review.id)).map((event) => event.kind)).toEqual(expect.arrayContaining(['handed_off', 'commented']));

    later(24);
    // li's settings require accepting a handoff before closing it.
    await tasks.accept(li, review.id);
    await tasks.transition(li, review.id, {statusId: 'done', comment: 'LGTM'});
    const filing = await step(2);
    expect(filing.holderId).toBe(U.ivanova);
    // The run's legal deadline, and an internal one two business days earlier (Wed 12 May).
    expect(filing.deadlines).toHaveLength(2);
    expect(filing.deadlines).toEqual(expect.arrayContaining([legal, {kind: 'internal', ...dueInstant('2027-05-12', 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'}]));

    later(24);
    await tasks.transition(ivanova, filing.id, {statusId: 'done'});
    expect((await step(3)).holderId).toBe(U.tanaka);

    later(2);
    await tasks.transition(tanaka, run.steps[3]!.taskId, {statusId: 'done'});
    const finished = await workflows.getRun(sato, run.id);
    expect(finished).toMatchObject({status: 'completed', currentStep: null, completedAt: clock});
    expect(finished.steps.every((each) => each.completedAt !== null)).toBe(true);
    expect(await tasks.get(sato, run.parentTaskId)).toMatchObject({statusId: 'done', progress: {done: 4, total: 4}});

    // One notice per handoff to someone else; the requester finished the run themself, so no "completed" notice.
    const sent = (await notices()).slice(before).map((notice) => [notice.kind, notice.userId]);
    expect(sent).toEqual([
      ['handoff', U.li],
      ['handoff', U.ivanova],
      ['handoff', U.tanaka],
    ]);
  });

  it('sends nothing when the baton comes back to the person passing it', async () => {
    const run = await workflows.startRun(sato, 'office action response', {channelId: 'patents', roles: {attorney: U.sato}, deadlines: []});
    const before = (await notices()).length;
    expect((await tasks.get(sato, run.steps[0]!.taskId)).acceptedAt).toEqual(clock);
    expect((await notices()).length).toBe(before);
  });

  it('tells the holder of a task someone else created for them, and nobody when people create their own', async () => {
    const before = (await notices()).length;
    const forSato = await tasks.create(tanaka, {title: 'Check the priority claim', channelId: 'patents', holderId: U.sato});
    await tasks.create(sato, {title: 'Own note', channelId: 'patents', holderId: U.sato});
    expect((await notices()).slice(before)).toEqual([expect.objectContaining({kind: 'handoff', userId: U.sato, taskId: forSato.id, fromUserId: U.tanaka, previousHolderId: null})]);
  });

  it('lets the receiver accept, or decline with a reason that goes back to the sender', async () => {
    const run = await startOfficeAction();
    const draft = run.steps[0]!.taskId;
    const waiting = () => tasks.list(tanaka, {filters: {handedById: U.tanaka, accepted: false, statusCategory: 'open'}, sort: {by: 'updatedAt', dueKind: null, descending: true}, limit: 50});
    expect((await waiting()).tasks.map((task) => task.id)).toContain(draft);

    expect((await rejection(tasks.decline(sato, draft, {reason: '   '}))).status).toBe(400);
    expect((await rejection(tasks.decline(li, draft, {reason: 'Not mine'}))).status).toBe(403);
    const before = (await notices()).length;
    const declined = await tasks.decline(sato, draft, {reason: 'Conflict of interest with the applicant.'});
    expect(declined).toMatchObject({holderId: U.tanaka, handedById: null});
    expect((await notices()).slice(before)).toEqual([expect.objectContaining({kind: 'declined', userId: U.tanaka, fromUserId: U.sato, comment: 'Conflict of interest with the applicant.'})]);
    expect((await tasks.timeline(tanaka, draft)).map((event) => event.kind).slice(-2)).toEqual(['declined', 'commented']);
    expect((await waiting()).tasks.map((task) => task.id)).not.toContain(draft);

    await tasks.handOff(tanaka, draft, {toUserId: U.li});
    const accepted = await tasks.accept(li, draft);
    expect(accepted).toMatchObject({holderId: U.li, statusId: 'in_progress', acceptedAt: clock});
    expect((await waiting()).tasks.map((task) => task.id)).not.toContain(draft);
    expect((await rejection(tasks.decline(li, draft, {reason: 'Changed my mind'}))).id).toBe('baton.invalid.decline');
  });

  it('counts closing a handoff as accepting it, unless the holder’s settings require accepting first', async () => {
    const sent = await tasks.create(tanaka, {title: 'Check the translation', channelId: 'patents'});
    await tasks.handOff(tanaka, sent.key, {toUserId: U.sato});
    expect(await tasks.transition(sato, sent.key, {statusId: 'done'})).toMatchObject({statusId: 'done', acceptedAt: clock});
    const strict = await tasks.create(tanaka, {title: 'Translate the claims', channelId: 'patents'});
    await tasks.handOff(tanaka, strict.key, {toUserId: U.li});
    const refused = await rejection(tasks.transition(li, strict.key, {statusId: 'done'}));
    expect([refused.status, refused.id]).toEqual([422, 'baton.invalid.accept_first']);
    expect((await tasks.get(li, strict.key)).statusId).toBe('open');
    await tasks.accept(li, strict.key);
    expect((await tasks.transition(li, strict.key, {statusId: 'done'})).statusId).toBe('done');
  });

  it('names every role problem at start, and starts nothing', async () => {
    const countTasks = async () => Number((await sql<{count: string}>`select count(*) as count from tasks`.execute(database.db)).rows[0]?.count);
    const before = await countTasks();
    const missing = await rejection(workflows.startRun(tanaka, 'office action response', {channelId: 'patents', roles: {reviewer: U.li}, deadlines: []}));
    expect(missing.status).toBe(400);
    expect(missing.details.issues).toEqual([
      {field: 'roles.attorney', message: 'is required: a step of this workflow goes to the attorney'},
      {field: 'roles.reviewer', message: 'is not a role of this workflow (its roles: attorney)'},
    ]);
    const outsider = await rejection(workflows.startRun(sato, 'office action response', {channelId: 'acme', roles: {attorney: U.smith}, deadlines: []}));
    expect(outsider.details.issues).toEqual([{field: 'steps.2.assignee', message: 'names a user who is not a member of the run’s channel'}]);
    expect((await rejection(workflows.startRun(smith, 'office action response', {channelId: 'patents', roles: {attorney: U.sato}, deadlines: []}))).status).toBe(403);
    expect((await rejection(workflows.startRun(tanaka, 'no such template', {channelId: 'patents', roles: {}, deadlines: []}))).status).toBe(404);
    expect(await countTasks()).toBe(before);
  });
});
