import {sql} from 'kysely';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createHolderDeactivation} from '../domain/notices/holderDeactivation';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {createNoticeComposer} from '../notices/noticeComposer';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {type FakeChannel, fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {type Database, openDatabase} from './database';
import {createTaskRepository} from './taskRepository';

// A deactivated Mattermost account that holds open tasks: each watcher of
// each such task gets one notice per deactivation, on both engines, and the
// notice is written in the watcher's language at delivery.

const U = {tanaka: mmId('tanaka'), sato: mmId('sato'), carol: mmId('carol'), li: mmId('li'), kim: mmId('kim')};
const person = (userId: string): Caller => ({userId, guest: false});
const patents: FakeChannel = {name: 'patents', members: []};
const access = fakeChannelAccess({channels: {patents}});

describe.each(engineNames)('a deactivated holder on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  const ids: Record<string, string> = {};
  const clock = {now: () => new Date('2027-05-10T01:00:00Z')};

  const notices = async () =>
    (await sql<{idempotency_key: string; payload: {userId: string; taskId: string; holderId: string}}>`select idempotency_key, payload from outbox where kind = 'holder_deactivated' order by idempotency_key`.execute(database.db)).rows;
  const deactivation = () => createHolderDeactivation({store: createTaskRepository(database.db), access, clock});

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    patents.members = [U.tanaka, U.sato, U.carol, U.li];
    tasks = createTaskService({store: createTaskRepository(database.db), access, clock});
    // Held by carol: two open tasks (one watched by sato and li), one done; and one held by sato.
    ids.filing = (await tasks.create(person(U.tanaka), {title: 'File the response', channelId: 'patents', holderId: U.carol, watcherIds: [U.sato, U.li]})).id;
    ids.draft = (await tasks.create(person(U.sato), {title: 'Draft the claims', channelId: 'patents', holderId: U.carol})).id;
    ids.done = (await tasks.create(person(U.tanaka), {title: 'Old filing', channelId: 'patents', holderId: U.carol})).id;
    await tasks.transition(person(U.carol), ids.done, {statusId: 'done'});
    ids.other = (await tasks.create(person(U.tanaka), {title: 'Someone else’s', channelId: 'patents', holderId: U.sato})).id;
    // li has left the channel since: the filing is no longer theirs to hear about.
    patents.members = patents.members.filter((member) => member !== U.li);
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  it('tells each watcher of each open task the person holds, but not the person, nor about closed tasks, nor former members', async () => {
    expect(await deactivation().holderDeactivated(U.carol, 1_000)).toBe(3);
    expect((await notices()).map((row) => row.payload)).toEqual(
      expect.arrayContaining([
        {userId: U.tanaka, taskId: ids.filing, holderId: U.carol},
        {userId: U.sato, taskId: ids.filing, holderId: U.carol},
        {userId: U.sato, taskId: ids.draft, holderId: U.carol},
      ]),
    );
    expect(await notices()).toHaveLength(3);
  });

  it('enqueues nothing new when the same deactivation is heard again, and again for a later one', async () => {
    const first = (await notices()).map((row) => row.idempotency_key);
    await deactivation().holderDeactivated(U.carol, 1_000);
    expect((await notices()).map((row) => row.idempotency_key)).toEqual(first);
    // Reactivated and deactivated again: news again.
    await deactivation().holderDeactivated(U.carol, 2_000);
    expect(await notices()).toHaveLength(6);
  });

  it('enqueues nothing for someone who holds no open task', async () => {
    expect(await deactivation().holderDeactivated(U.kim, 1_000)).toBe(0);
  });

  it('is written at delivery in the watcher’s language, naming the holder and linking the task', async () => {
    const store = createTaskRepository(database.db);
    const [row] = (await notices()).filter((candidate) => candidate.payload.userId === U.tanaka);
    const compose = (locale: string) =>
      createNoticeComposer({
        tasks: store,
        workflows: store.workflows,
        people: {username: async (userId) => (userId === U.carol ? 'carol' : undefined), locale: async () => locale, timeZone: async () => 'Asia/Tokyo'},
        taskUrl: async (task) => `https://chat.example.com/ip/channels/patents?task=${task.key}`,
        calendar: createBusinessCalendar({country: 'JP'}),
        actions: async () => undefined,
        now: clock.now,
      });
    const written = async (locale: string) => {
      const posting = await compose(locale)({kind: 'holder_deactivated', ...row!.payload, idempotencyKey: row!.idempotency_key});
      return posting.kind === 'direct_post' ? {to: posting.userId, message: posting.post.message} : undefined;
    };
    expect(await written('en')).toEqual({
      to: U.tanaka,
      message:
        "@carol's Mattermost account was deactivated while they hold [PATENT-1 File the response](https://chat.example.com/ip/channels/patents?task=PATENT-1), which you watch. Hand it off to someone else so the work does not stall.\n\n#baton",
    });
    expect((await written('ja'))?.message).toContain('@carol さんの Mattermost アカウントが無効化されました');
  });
});
