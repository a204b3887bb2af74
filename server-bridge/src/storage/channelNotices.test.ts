import {sql} from 'kysely';
import {workflowDefinitionSchema} from '../contract/workflow';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createChannelSettingsService, type ChannelSettingsService} from '../domain/channels/channelSettingsService';
import {createChannelNotifier} from '../domain/notices/channelNotifier';
import {createHandoffNotifier} from '../domain/notices/handoffNotifier';
import type {TaskChangeListener, TaskStore} from '../domain/tasks/ports';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {createRunChannelArchiveJob} from '../domain/workflows/runChannelArchiveJob';
import {createWorkflowService, type WorkflowService} from '../domain/workflows/workflowService';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {rejection} from '../testing/rejection';
import {type Database, openDatabase} from './database';
import {createTaskRepository} from './taskRepository';

// Channel notices and run channels on a real store, on both engines: what a
// channel's settings make every handoff enqueue (in the change's own
// transaction), the run channel a run asks for, and the scheduler job that
// archives it N days after the run completes, exactly once.

const U = {tanaka: mmId('tanaka'), sato: mmId('sato'), li: mmId('li'), kim: mmId('kim'), root: mmId('root')};
const person = (userId: string): Caller => ({userId, guest: false});
const [tanaka, sato, li, root] = [U.tanaka, U.sato, U.li, U.root].map(person) as [Caller, Caller, Caller, Caller];
const kim: Caller = {userId: U.kim, guest: true};

const access = fakeChannelAccess({
  channels: {
    patents: {name: 'patents', members: [U.tanaka, U.sato, U.li, U.kim], admins: [U.sato]},
    quiet: {name: 'quiet', members: [U.tanaka, U.sato, U.li]},
  },
  systemAdmins: [U.root],
});

const review = workflowDefinitionSchema.parse({
  name: 'Trademark review',
  steps: [
    {name: 'Search', assignee: {kind: 'role', role: 'attorney'}},
    {name: 'Opinion', assignee: {kind: 'chosen'}},
    {name: 'Report', assignee: {kind: 'requester'}},
  ],
});

describe.each(engineNames)('channel notices and run channels on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let store: TaskStore;
  let tasks: TaskService;
  let workflows: WorkflowService;
  let settings: ChannelSettingsService;
  let clock = new Date('2027-03-01T01:00:00Z');

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    store = createTaskRepository(database.db);
    const listeners: TaskChangeListener[] = [];
    const deps = {store, access, clock: {now: () => clock}};
    tasks = createTaskService({...deps, listeners});
    workflows = createWorkflowService({...deps, calendar: createBusinessCalendar({country: 'JP'}), timeZone: 'Asia/Tokyo', tasks: tasks.operations});
    listeners.push(workflows.listener, createHandoffNotifier(), createChannelNotifier());
    settings = createChannelSettingsService(deps);
    await workflows.createTemplate(tanaka, review);
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });
  beforeEach(() => {
    clock = new Date(clock.getTime() + 60_000);
  });

  const outbox = async () =>
    (await sql<{kind: string; idempotency_key: string; payload: Record<string, unknown>}>`select kind, idempotency_key, payload from outbox order by id`.execute(database.db)).rows.map(
      (row): Record<string, unknown> => ({kind: row.kind, key: row.idempotency_key, ...row.payload}),
    );
  const newSince = async (count: number) => (await outbox()).slice(count);
  const lines = (notices: Array<Record<string, unknown>>) => notices.filter((notice) => notice.kind === 'channel_line');

  it('keeps notices off until a channel admin turns them on, and saves each switch on its own', async () => {
    expect((await settings.get(kim, 'patents')).notices).toEqual({handoffs: false, excludeGuests: false});
    const task = await tasks.create(tanaka, {title: 'Quiet handoff', channelId: 'patents'});
    const before = (await outbox()).length;
    await tasks.handOff(tanaka, task.key, {toUserId: U.sato});
    expect((await newSince(before)).map((notice) => notice.kind)).toEqual(['handoff']);

    expect((await settings.update(sato, 'patents', {notices: {handoffs: true}})).notices).toEqual({handoffs: true, excludeGuests: false});
    expect((await settings.update(sato, 'patents', {notices: {excludeGuests: true}})).notices).toEqual({handoffs: true, excludeGuests: true});
    expect((await settings.get(li, 'patents')).notices).toEqual({handoffs: true, excludeGuests: true});
    // Another channel keeps its defaults.
    expect((await settings.get(li, 'quiet')).notices).toEqual({handoffs: false, excludeGuests: false});
  });

  it('lets only channel admins and system admins change notices', async () => {
    for (const caller of [tanaka, kim]) {
      const refused = await rejection(settings.update(caller, 'patents', {notices: {handoffs: false}}));
      expect([refused.status, refused.id]).toEqual([403, 'baton.forbidden.channel_settings']);
    }
    expect((await settings.get(tanaka, 'patents')).notices.handoffs).toBe(true);
    expect((await settings.update(root, 'quiet', {notices: {handoffs: true}})).notices).toEqual({handoffs: true, excludeGuests: false});
  });

  it('changes neither the prefix nor the notices when the prefix is refused', async () => {
    await tasks.create(tanaka, {title: 'Other channel', channelId: 'quiet'});
    const refused = await rejection(settings.update(sato, 'patents', {keyPrefix: 'QUIET', notices: {handoffs: false}}));
    expect(refused.status).toBe(409);
    expect((await settings.get(sato, 'patents')).notices.handoffs).toBe(true);
  });

  it('enqueues a line with every handoff, in the same transaction, carrying the channel’s guest rule', async () => {
    const task = await tasks.create(tanaka, {title: 'Office action', channelId: 'patents'});
    const before = (await outbox()).length;
    const handed = await tasks.handOff(tanaka, task.key, {toUserId: U.sato});
    expect(lines(await newSince(before))).toEqual([
      {kind: 'channel_line', key: `channel_line:${task.id}:v${handed.version}`, target: {channelId: 'patents', excludeGuests: true}, event: {type: 'handoff', taskId: task.id, fromUserId: U.tanaka, toUserId: U.sato}},
    ]);
    // A refused handoff rolls back its line with it.
    const count = (await outbox()).length;
    expect((await rejection(tasks.handOff(tanaka, task.key, {toUserId: mmId('stranger')}))).status).toBe(422);
    expect((await outbox()).length).toBe(count);
    // A channel without guests' exclusion gets the line for everyone.
    const quiet = await tasks.create(tanaka, {title: 'Renewal', channelId: 'quiet'});
    const from = (await outbox()).length;
    await tasks.handOff(tanaka, quiet.key, {toUserId: U.li});
    expect(lines(await newSince(from)).map((notice) => notice.target)).toEqual([{channelId: 'quiet', excludeGuests: false}]);
  });

  it('starts a run with a run channel: the request and the channel work come first, then every baton pass is announced in both channels', async () => {
    const before = (await outbox()).length;
    const run = await workflows.startRun(tanaka, 'trademark review', {channelId: 'patents', caseRef: {id: 'T-2027-0007', url: 'https://ip.example/T-2027-0007'}, roles: {attorney: U.sato}, deadlines: [], runChannel: true});
    expect(run.runChannel).toEqual({channelId: null, requestedAt: clock, archiveRequestedAt: null, failure: null});
    const started = await newSince(before);
    expect(started.map((notice) => notice.key)).toEqual([
      `run_channel_open:${run.id}`,
      expect.stringMatching(/^handed_off:/),
      expect.stringMatching(/^channel_line:/),
      expect.stringMatching(/^run_channel_line:/),
    ]);
    expect(started[0]).toMatchObject({kind: 'run_channel_open', runId: run.id, userIds: [U.tanaka, U.sato]});
    const firstStep = run.steps[0]!.taskId;
    expect(lines(started)).toEqual([
      expect.objectContaining({target: {channelId: 'patents', excludeGuests: true}, event: {type: 'handoff', taskId: firstStep, fromUserId: U.tanaka, toUserId: U.sato}}),
      expect.objectContaining({target: {runId: run.id}, event: {type: 'handoff', taskId: firstStep, fromUserId: U.tanaka, toUserId: U.sato}}),
    ]);

    const passed = (await outbox()).length;
    await tasks.transition(sato, firstStep, {statusId: 'done', nextHolderId: U.li});
    expect(lines(await newSince(passed)).map((notice) => [notice.target, notice.event])).toEqual([
      [{channelId: 'patents', excludeGuests: true}, {type: 'handoff', taskId: run.steps[1]!.taskId, fromUserId: U.sato, toUserId: U.li}],
      [{runId: run.id}, {type: 'handoff', taskId: run.steps[1]!.taskId, fromUserId: U.sato, toUserId: U.li}],
    ]);
    await tasks.accept(li, run.steps[1]!.taskId);
    await tasks.transition(li, run.steps[1]!.taskId, {statusId: 'done'});
    const last = (await outbox()).length;
    await tasks.transition(tanaka, run.steps[2]!.taskId, {statusId: 'done'});
    expect(lines(await newSince(last))).toEqual([
      {kind: 'channel_line', key: `channel_line:run_completed:${run.id}`, target: {channelId: 'patents', excludeGuests: true}, event: {type: 'run_completed', runId: run.id, completedById: U.tanaka}},
      {kind: 'channel_line', key: `run_channel_line:run_completed:${run.id}`, target: {runId: run.id}, event: {type: 'run_completed', runId: run.id, completedById: U.tanaka}},
    ]);
  });

  it('asks for no run channel unless the run start says so, and announces nothing where notices are off', async () => {
    await settings.update(root, 'quiet', {notices: {handoffs: false}});
    const before = (await outbox()).length;
    const run = await workflows.startRun(tanaka, 'trademark review', {channelId: 'quiet', roles: {attorney: U.sato}, deadlines: []});
    expect(run.runChannel).toBeNull();
    expect((await newSince(before)).map((notice) => notice.kind)).toEqual(['handoff']);
  });

  describe('archiving run channels', () => {
    /** A run with a created run channel, completed at `clock`. */
    async function completedRunWithChannel(channelId: string): Promise<string> {
      const run = await workflows.startRun(tanaka, 'trademark review', {channelId: 'quiet', roles: {attorney: U.tanaka}, deadlines: [], runChannel: true});
      await store.transaction((tx) => tx.workflows.recordRunChannel(run.id, channelId));
      // A late attempt that found another channel does not replace the first one recorded.
      await store.transaction((tx) => tx.workflows.recordRunChannel(run.id, `${channelId}-late`));
      await tasks.transition(tanaka, run.steps[0]!.taskId, {statusId: 'done', nextHolderId: U.tanaka});
      await tasks.transition(tanaka, run.steps[1]!.taskId, {statusId: 'done'});
      await tasks.transition(tanaka, run.steps[2]!.taskId, {statusId: 'done'});
      const finished = await workflows.getRun(tanaka, run.id);
      expect(finished).toMatchObject({status: 'completed', runChannel: {channelId, archiveRequestedAt: null}});
      return run.id;
    }
    const archivings = async () => (await outbox()).filter((notice) => notice.kind === 'run_channel_archive');
    const days = (count: number) => new Date(clock.getTime() + count * 86_400_000);

    it('archives the channel once, N days after the run completes, whoever runs the job how often', async () => {
      const runId = await completedRunWithChannel('channel-archive-7');
      const before = (await archivings()).length;
      const job = createRunChannelArchiveJob({store, archiveAfterDays: 7});
      const replica = createRunChannelArchiveJob({store, archiveAfterDays: 7});
      await job.run(days(6.9));
      expect((await archivings()).length).toBe(before);
      await job.run(days(7));
      await replica.run(days(7));
      await job.run(days(30));
      const sent = (await archivings()).slice(before);
      expect(sent).toEqual([{kind: 'run_channel_archive', key: `run_channel_archive:${runId}`, runId, channelId: 'channel-archive-7'}]);
      expect((await workflows.getRun(tanaka, runId)).runChannel?.archiveRequestedAt).toEqual(days(7));
    });

    it('never archives with 0 days, and waits for a channel that is not created yet', async () => {
      await completedRunWithChannel('channel-kept');
      const unmade = await workflows.startRun(tanaka, 'trademark review', {channelId: 'quiet', roles: {attorney: U.tanaka}, deadlines: [], runChannel: true});
      await tasks.transition(tanaka, unmade.steps[0]!.taskId, {statusId: 'done', nextHolderId: U.tanaka});
      await tasks.transition(tanaka, unmade.steps[1]!.taskId, {statusId: 'done'});
      await tasks.transition(tanaka, unmade.steps[2]!.taskId, {statusId: 'done'});
      const before = (await archivings()).length;
      await createRunChannelArchiveJob({store, archiveAfterDays: 0}).run(days(3650));
      expect((await archivings()).length).toBe(before);
      // With days set, the created one goes; the one Mattermost has not made yet waits.
      await createRunChannelArchiveJob({store, archiveAfterDays: 1}).run(days(2));
      expect((await archivings()).slice(before).map((notice) => notice.channelId)).toEqual(['channel-kept']);
    });
  });
});
