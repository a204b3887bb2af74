import type {WebhookEventType} from '../contract/webhooks';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import type {WebhookSubscription} from '../domain/webhooks/ports';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import type {TaskChangeListener} from '../domain/tasks/ports';
import {createWorkflowService, type WorkflowService} from '../domain/workflows/workflowService';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {type Database, openDatabase} from './database';
import {createTaskRepository} from './taskRepository';
import {createWebhookRepository} from './webhookRepository';

// Which changes enqueue webhook deliveries, on both engines: every audited
// change is mapped to its events in its own transaction, and each live
// subscription of the task's channel (or of every channel) that wants the
// event gets exactly one delivery; a change that rolls back sends nothing.

const sato: Caller = {userId: 'sato', guest: false};
const li: Caller = {userId: 'li', guest: false};
const access = fakeChannelAccess({
  channels: {patents: {name: 'patents', members: ['sato', 'li']}, trademarks: {name: 'trademarks', members: ['sato', 'li']}},
  usernames: {sato: 'sato'},
});

describe.each(engineNames)('webhook emission on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let workflows: WorkflowService;
  let subscriptionCount = 0;

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    const store = createTaskRepository(database.db);
    const clock = {now: () => new Date()};
    const listeners: TaskChangeListener[] = [];
    tasks = createTaskService({store, access, clock, listeners});
    workflows = createWorkflowService({store, access, clock, calendar: createBusinessCalendar({country: 'JP'}), timeZone: 'Asia/Tokyo', tasks: tasks.operations});
    listeners.push(workflows.listener);
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });
  beforeEach(async () => {
    // Each test starts from no subscriptions and an empty outbox.
    await database.db.updateTable('webhook_subscriptions').set({disabled_at: new Date()}).where('disabled_at', 'is', null).execute();
    await database.db.deleteFrom('outbox').execute();
  });

  async function subscribe(channelId: string | null, eventTypes: WebhookEventType[]): Promise<string> {
    const subscription: WebhookSubscription = {
      id: `sub-${++subscriptionCount}`,
      channelId,
      url: 'https://erp.example.com/hooks/baton',
      eventTypes,
      createdBy: 'root',
      createdAt: new Date(),
      disabledAt: null,
      lastStatus: null,
      lastAttemptAt: null,
      lastError: null,
    };
    await createWebhookRepository(database.db).insertSubscription(subscription, 'whsec_test', {actor: {userId: 'root', guest: false}, at: new Date()});
    return subscription.id;
  }

  /** What is queued: [subscription, event type], in enqueue order. */
  async function queued(): Promise<Array<[string, string]>> {
    const rows = await database.db.selectFrom('outbox').select(['payload']).where('kind', '=', 'webhook').orderBy('id').execute();
    return rows.map((row) => {
      const payload = row.payload as {subscriptionId: string; event: {type: string}};
      return [payload.subscriptionId, payload.event.type];
    });
  }

  it('enqueues one delivery per matching subscription: the channel’s and the global one, not another channel’s', async () => {
    const patents = await subscribe('patents', ['task.created']);
    const everywhere = await subscribe(null, ['task.created', 'task.updated']);
    await subscribe('trademarks', ['task.created']);
    await tasks.create(sato, {title: 'Office action response', channelId: 'patents'});
    expect(await queued()).toEqual([
      [patents, 'task.created'],
      [everywhere, 'task.created'],
    ]);
    const deliveries = await database.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', patents).execute();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({event_type: 'task.created', attempts: 0, delivered_at: null});
  });

  it('sends only the event types a subscription asked for', async () => {
    const handoffs = await subscribe('patents', ['task.handed_off']);
    const task = await tasks.create(sato, {title: 'Draft claims', channelId: 'patents'});
    await tasks.patch(sato, task.key, task.version, {priority: 'high'});
    expect(await queued()).toEqual([]);
    await tasks.handOff(sato, task.key, {toUserId: 'li'});
    expect(await queued()).toEqual([[handoffs, 'task.handed_off']]);
  });

  it('names a close both an update and a completion, and a comment a comment', async () => {
    const all = await subscribe('patents', ['task.updated', 'task.completed', 'comment.created']);
    const task = await tasks.create(li, {title: 'File the response', channelId: 'patents'});
    await tasks.transition(li, task.key, {statusId: 'done', comment: 'Filed today'});
    expect(await queued()).toEqual([
      [all, 'comment.created'],
      [all, 'task.updated'],
      [all, 'task.completed'],
    ]);
    const [comment] = await database.db.selectFrom('outbox').select('payload').where('kind', '=', 'webhook').orderBy('id').execute();
    expect(comment?.payload).toMatchObject({event: {channelId: 'patents', actor: {userId: 'li', source: 'user'}, data: {task: {key: task.key}, comment: {body: 'Filed today'}}}});
  });

  it('sends nothing for a change that rolls back', async () => {
    await subscribe(null, ['task.created']);
    const store = createTaskRepository(database.db);
    await expect(
      store.transaction(async (tx) => {
        await tasks.operations.create(tx, sato, {title: 'Never committed', channelId: 'patents'});
        throw new Error('the change fails after the task was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(await queued()).toEqual([]);
    expect(await database.db.selectFrom('webhook_deliveries').select('webhook_deliveries.id').innerJoin('webhook_subscriptions as s', 's.id', 'webhook_deliveries.subscription_id').where('s.disabled_at', 'is', null).execute()).toEqual([]);
  });

  it('sends nothing about personal tasks, or to deleted subscriptions', async () => {
    const gone = await subscribe(null, ['task.created']);
    await createWebhookRepository(database.db).disableSubscription(gone, {actor: {userId: 'root', guest: false}, at: new Date()});
    await tasks.create(sato, {title: 'Channel task', channelId: 'patents'});
    await subscribe(null, ['task.created']);
    await tasks.create(sato, {title: 'My own reminder'});
    expect(await queued()).toEqual([]);
  });

  it('announces a workflow run’s start and completion in its channel', async () => {
    const runs = await subscribe('trademarks', ['workflow.started', 'workflow.completed']);
    const template = await workflows.createTemplate(sato, {name: 'Renewal', description: '', steps: [{name: 'Renew', instructions: '', assignee: {kind: 'requester'}, deadlines: []}]});
    const run = await workflows.startRun(sato, template.id, {channelId: 'trademarks', roles: {}, deadlines: []});
    expect(await queued()).toEqual([[runs, 'workflow.started']]);
    const step = run.steps[0];
    if (!step) throw new Error('the run has no step');
    await tasks.transition(sato, step.taskId, {statusId: 'done'});
    expect(await queued()).toEqual([
      [runs, 'workflow.started'],
      [runs, 'workflow.completed'],
    ]);
  });
});
