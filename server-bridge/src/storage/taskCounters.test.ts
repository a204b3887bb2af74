import {counterListFilters, COUNTER_LISTS} from '../domain/tasks/counters';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess, type FakeChannel} from '../testing/fakeChannelAccess';
import {type Database, openDatabase} from './database';
import {createTaskRepository} from './taskRepository';

// The sidebar counters on a real store, on both engines: one COUNT query per
// person whose numbers are exactly the lengths of the lists the counters
// open — a guest, a former channel member and someone outside every channel
// included.

const sato: Caller = {userId: 'sato', guest: false};
const tanaka: Caller = {userId: 'tanaka', guest: false};
const kim: Caller = {userId: 'kim', guest: true};
const outsider: Caller = {userId: 'outsider', guest: false};
const everyone = {sato, tanaka, kim, outsider};

const past = new Date('2027-02-01T00:00:00Z');
const future = new Date('2027-06-01T00:00:00Z');
const deadline = (dueAt: Date) => ({kind: 'legal', dueAt, allDay: false, timeZone: 'Asia/Tokyo'});

describe.each(engineNames)('the sidebar counters on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let service: TaskService;
  const channels: Record<string, FakeChannel> = {
    patents: {name: 'patents', members: ['sato', 'tanaka', 'kim']},
    acme: {name: 'client-acme', members: ['sato', 'tanaka']},
  };

  /** Everything the list of `name` holds for the caller, all pages. */
  const listed = async (caller: Caller, name: (typeof COUNTER_LISTS)[number]) => {
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await service.list(caller, {filters: counterListFilters(caller.userId)[name], sort: {by: 'key', dueKind: null, descending: false}, limit: 2, ...(cursor ? {cursor} : {})});
      keys.push(...page.tasks.map((task) => task.key));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return keys;
  };

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    service = createTaskService({
      store: createTaskRepository(database.db),
      access: fakeChannelAccess({channels, usernames: {sato: 'sato', tanaka: 'tanaka', kim: 'guest.kim'}}),
      clock: {now: () => new Date('2027-03-01T00:00:00Z')},
    });
    // Mine for sato: open, one overdue, one with a future deadline; a closed one that counts nowhere.
    await service.create(tanaka, {title: 'Overdue for sato', channelId: 'patents', holderId: 'sato', deadlines: [deadline(past)]});
    await service.create(tanaka, {title: 'Due later for sato', channelId: 'patents', holderId: 'sato', deadlines: [deadline(future)]});
    const closed = await service.create(sato, {title: 'Done already', channelId: 'patents', holderId: 'sato', deadlines: [deadline(past)]});
    await service.transition(sato, closed.key, {statusId: 'done'});
    await service.create(sato, {title: 'Personal, mine', holderId: 'sato'});
    // Waiting on others: handed by tanaka, one accepted, one not, one closed unaccepted by its holder.
    const handed = await service.create(tanaka, {title: 'Handed to sato', channelId: 'acme'});
    await service.handOff(tanaka, handed.key, {toUserId: 'sato'});
    const accepted = await service.create(tanaka, {title: 'Accepted by sato', channelId: 'patents'});
    await service.handOff(tanaka, accepted.key, {toUserId: 'sato'});
    await service.accept(sato, accepted.key);
    // The guest: one handed to them in their channel; a personal task they hold they cannot see.
    const forKim = await service.create(tanaka, {title: 'For the guest', channelId: 'patents', deadlines: [deadline(past)]});
    await service.handOff(tanaka, forKim.key, {toUserId: 'kim'});
    await service.create(sato, {title: 'Personal, held by the guest', holderId: 'kim'});
    // tanaka leaves acme: the handoff there no longer counts for them (nor lists).
    const left = await service.create(tanaka, {title: 'Tanaka’s in acme', channelId: 'acme', holderId: 'tanaka', deadlines: [deadline(past)]});
    expect(left.key).toMatch(/^CLIENT/);
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });

  it('counts what each list holds, for members, a guest and a non-member', async () => {
    const before = await service.counters(tanaka);
    expect(before).toEqual({mine: 1, overdue: 1, waiting: 2});
    channels.acme!.members = ['sato'];
    expect(await service.counters(sato)).toEqual({mine: 5, overdue: 1, waiting: 0});
    expect(await service.counters(tanaka)).toEqual({mine: 0, overdue: 0, waiting: 1});
    expect(await service.counters(kim)).toEqual({mine: 1, overdue: 1, waiting: 0});
    expect(await service.counters(outsider)).toEqual({mine: 0, overdue: 0, waiting: 0});
    for (const caller of Object.values(everyone)) {
      const counts = await service.counters(caller);
      for (const name of COUNTER_LISTS) {
        expect([caller.userId, name, (await listed(caller, name)).length]).toEqual([caller.userId, name, counts[name]]);
      }
    }
  });
});
