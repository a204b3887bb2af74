import {createInProcessFeed} from '../domain/live/inProcessFeed';
import type {ChangeFeed, ChangeMessage} from '../domain/live/ports';
import {publishingChanges} from '../domain/live/publishingChanges';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {type Database, openDatabase} from './database';
import {createRecurrenceRepository} from './recurrenceRepository';
import {createTaskRepository} from './taskRepository';

// Which tasks a transaction changed, learnt from the timeline events it
// appends and told to the feed only after it commits, on both engines.

const [sato, tanaka] = [mmId('sato'), mmId('tanaka')];
const person = (userId: string): Caller => ({userId, guest: false});
const access = fakeChannelAccess({channels: {patents: {name: 'patents', members: [sato, tanaka]}}});

describe.each(engineNames)('live changes on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let published: ChangeMessage[] = [];
  const feed = createInProcessFeed();
  feed.subscribe((message) => published.push(message));
  const store = () => publishingChanges(createTaskRepository(database.db), feed);
  const take = () => published.splice(0);

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    tasks = createTaskService({store: store(), access, clock: {now: () => new Date()}});
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });
  beforeEach(() => {
    published = [];
  });

  it('publishes a created task as it committed, once the service call has returned', async () => {
    const task = await tasks.create(person(sato), {title: 'Draft', channelId: 'patents', holderId: tanaka});
    expect(take()).toEqual([
      {type: 'task.changed', task: {id: task.id, key: task.key, channelId: 'patents', version: 1, creatorId: sato, holderId: tanaka, watcherIds: expect.arrayContaining([sato, tanaka])}, kinds: ['created']},
    ]);
  });

  it('names each kind of a compound change once, with the version and watchers after it', async () => {
    const task = await tasks.create(person(sato), {title: 'Review', channelId: 'patents'});
    take();
    await tasks.handOff(person(sato), task.id, {toUserId: tanaka, comment: 'Over to you'});
    await tasks.addComment(person(tanaka), task.id, 'On it');
    const [handoff, comment] = take() as Array<Extract<ChangeMessage, {type: 'task.changed'}>>;
    expect([handoff?.kinds, handoff?.task.version, handoff?.task.holderId, handoff?.task.watcherIds]).toEqual([['handed_off', 'commented'], 2, tanaka, expect.arrayContaining([sato, tanaka])]);
    // A comment leaves the version as it is.
    expect([comment?.kinds, comment?.task.version]).toEqual([['commented'], 2]);
  });

  it('publishes nothing for a transaction that rolls back or changes nothing', async () => {
    const task = await tasks.create(person(sato), {title: 'Untouched', channelId: 'patents'});
    take();
    await expect(
      store().transaction(async (tx) => {
        await tx.appendEvents([{taskId: task.id, actorId: sato, at: new Date(), kind: 'commented', field: null, from: null, to: null}]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await tasks.patch(person(sato), task.id, undefined, {title: 'Untouched'});
    expect(take()).toEqual([]);
  });

  it('tells of a renamed key prefix by channel', async () => {
    await store().transaction((tx) => tx.changeKeyPrefix('channel:patents', 'PAT', {actorId: sato, at: new Date()}));
    expect(take()).toEqual([{type: 'keys.changed', channelId: 'patents', ownerId: null}]);
  });

  it('works on any store built on task transactions (recurrences), and a failing feed does not undo the change', async () => {
    const reported: unknown[] = [];
    const broken: ChangeFeed = {publish: async () => Promise.reject(new Error('feed down')), subscribe: () => () => undefined};
    const recurrences = publishingChanges(createRecurrenceRepository(database.db), broken, (error) => reported.push(error));
    const created = await recurrences.transaction((tx) => tasks.operations.create(tx, person(sato), {title: 'Monthly report', channelId: 'patents'}));
    expect(reported).toEqual([new Error('feed down')]);
    expect((await createTaskRepository(database.db).findTask(created.id))?.title).toBe('Monthly report');
    const told = await publishingChanges(createRecurrenceRepository(database.db), feed).transaction((tx) => tasks.operations.create(tx, person(sato), {title: 'Weekly report', channelId: 'patents'}));
    expect(take()).toEqual([expect.objectContaining({type: 'task.changed', task: expect.objectContaining({id: told.id})})]);
  });
});
