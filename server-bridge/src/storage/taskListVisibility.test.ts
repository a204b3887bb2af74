import type {Kysely} from 'kysely';
import type {TaskListing} from '../domain/tasks/ports';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {type Database, openDatabase} from './database';
import type {DatabaseSchema} from './schema';
import {listTaskIds, visibleTo} from './taskList';
import {createTaskRepository} from './taskRepository';

// A listing filtered by channel, or by the viewer as holder, creator or
// watcher, uses a simplified visibility condition (visibleUnder in
// taskList.ts) so the planner can walk an index. It must list exactly the
// tasks the full rule (visibleTo) lets through with the same filter: here
// for every viewer (members, a guest, an outsider), every person named in
// the filter and every channel, over channel tasks and personal tasks that
// people created, hold, watch or do not touch.

const people = ['sato', 'tanaka', 'smith', 'kim', 'outsider'] as const;
const caller = (userId: string): Caller => ({userId, guest: userId === 'kim'});
const channels = {
  patents: {name: 'patents', members: ['sato', 'tanaka', 'kim']},
  acme: {name: 'client-acme', members: ['sato', 'smith']},
};
const channelIdsOf = (userId: string) => Object.entries(channels).filter(([, channel]) => channel.members.includes(userId)).map(([id]) => id);

type Filters = TaskListing['filters'];

/** The filter's own condition and the full visibility rule, in one plain query: the reference. */
async function referenceIds(db: Kysely<DatabaseSchema>, viewer: TaskListing['viewer'], filters: Filters): Promise<string[]> {
  const rows = await db
    .selectFrom('tasks')
    .select('tasks.id')
    .where((eb) => visibleTo(eb, viewer))
    .where((eb) => {
      if (filters.channelId) return eb('tasks.channel_id', '=', filters.channelId);
      if (filters.holderId) return eb('tasks.holder_id', '=', filters.holderId);
      if (filters.creatorId) return eb('tasks.creator_id', '=', filters.creatorId);
      return eb.exists(eb.selectFrom('task_watchers as w').select('w.user_id').whereRef('w.task_id', '=', 'tasks.id').where('w.user_id', '=', filters.watcherId!));
    })
    .execute();
  return rows.map((row) => row.id).sort();
}

async function listedIds(db: Kysely<DatabaseSchema>, viewer: TaskListing['viewer'], filters: Filters): Promise<string[]> {
  const listing: TaskListing = {viewer, filters, sort: {by: 'updatedAt', dueKind: null, descending: true}, limit: 1000, now: new Date()};
  return (await listTaskIds(db, listing)).ids.sort();
}

describe.each(engineNames)('listing visibility with channel and person filters on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let service: TaskService;

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    service = createTaskService({
      store: createTaskRepository(database.db),
      access: fakeChannelAccess({channels, usernames: {sato: 'sato', tanaka: 'tanaka', smith: 'smith', kim: 'guest.kim', outsider: 'outsider'}}),
      clock: {now: () => new Date('2027-03-01T00:00:00Z')},
    });
    const sato = caller('sato');
    const tanaka = caller('tanaka');
    const smith = caller('smith');
    // Channel tasks, held by members, the guest, nobody.
    await service.create(tanaka, {title: 'Patents, held by sato', channelId: 'patents', holderId: 'sato'});
    await service.create(sato, {title: 'Patents, held by the guest', channelId: 'patents', holderId: 'kim'});
    await service.create(sato, {title: 'Patents, held by nobody', channelId: 'patents'});
    await service.create(smith, {title: 'Acme, held by smith', channelId: 'acme', holderId: 'smith'});
    await service.create(sato, {title: 'Acme, held by sato', channelId: 'acme', holderId: 'sato'});
    // Personal tasks: created by one and held by another, held by the guest,
    // watched only (handed on by its former holder), and nobody else's business.
    await service.create(sato, {title: 'Personal: sato for tanaka', holderId: 'tanaka'});
    await service.create(tanaka, {title: 'Personal: tanaka for sato', holderId: 'sato'});
    await service.create(sato, {title: 'Personal: held by the guest', holderId: 'kim'});
    const passedOn = await service.create(smith, {title: 'Personal: smith to sato to tanaka', holderId: 'sato'});
    await service.handOff(sato, passedOn.key, {toUserId: 'tanaka'});
    await service.create(smith, {title: 'Personal: smith alone'});
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  const filterSets: Filters[] = [
    ...[...Object.keys(channels), 'unknown-channel'].map((channelId) => ({channelId})),
    ...people.flatMap((userId) => [{holderId: userId}, {creatorId: userId}, {watcherId: userId}]),
  ];

  it.each(people)('lists for %s exactly what the full visibility rule allows, under every filter', async (userId) => {
    const viewer = {userId, guest: caller(userId).guest, channelIds: channelIdsOf(userId)};
    for (const filters of filterSets) {
      const reference = await referenceIds(database.db, viewer, filters);
      expect({filters, ids: await listedIds(database.db, viewer, filters)}).toEqual({filters, ids: reference});
    }
  });

  it('covers personal tasks a person holds, created or only watches, and hides them from the guest holding one', async () => {
    const titlesFor = async (userId: string, filters: Filters) => {
      const page = await service.list(caller(userId), {filters, sort: {by: 'updatedAt', dueKind: null, descending: true}, limit: 100});
      return page.tasks.filter((task) => task.channelId === null).map((task) => task.title).sort();
    };
    expect(await titlesFor('sato', {holderId: 'sato'})).toEqual(['Personal: tanaka for sato']);
    expect(await titlesFor('sato', {creatorId: 'sato'})).toEqual(['Personal: held by the guest', 'Personal: sato for tanaka']);
    expect(await titlesFor('sato', {watcherId: 'sato'})).toEqual(['Personal: held by the guest', 'Personal: sato for tanaka', 'Personal: smith to sato to tanaka', 'Personal: tanaka for sato']);
    expect(await titlesFor('kim', {holderId: 'kim'})).toEqual([]);
    expect(await titlesFor('kim', {channelId: 'patents'})).toEqual([]);
  });
});
