import type {Caller} from '../domain/tasks/task';
import {createTaskService, StaleVersionError, type TaskService} from '../domain/tasks/taskService';
import {rejection} from '../testing/rejection';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {type Database, openDatabase} from './database';
import {createTaskRepository} from './taskRepository';

// The task service on a real store, on both engines: keys, versions, the
// timeline, handoffs and the visibility matrix of DESIGN.md.

const sato: Caller = {userId: 'sato', guest: false};
const tanaka: Caller = {userId: 'tanaka', guest: false};
const smith: Caller = {userId: 'smith', guest: false};
const kim: Caller = {userId: 'kim', guest: true};
const outsider: Caller = {userId: 'outsider', guest: false};

const channels = {
  patents: {name: 'patents', members: ['sato', 'tanaka', 'smith']},
  acme: {name: 'client-acme', members: ['sato', 'smith', 'kim']},
  other: {name: 'patents', members: ['sato']},
};

describe.each(engineNames)('tasks on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let service: TaskService;
  let clock = new Date('2026-11-20T09:00:00Z');

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    service = createTaskService({
      store: createTaskRepository(database.db),
      access: fakeChannelAccess({channels, usernames: {sato: 'sato', tanaka: 'tanaka', smith: 'smith', kim: 'guest.kim'}}),
      clock: {now: () => clock},
    });
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });
  beforeEach(() => {
    clock = new Date(clock.getTime() + 60_000);
  });

  it('creates a task with a channel key, the creator and holder watching, and a `created` event', async () => {
    const task = await service.create(tanaka, {title: '  Response to office action  ', channelId: 'patents', holderId: 'sato', labels: ['oa', 'oa'], caseRef: {id: 'P-2026-0142', url: 'https://ip.example/cases/P-2026-0142'}});
    expect(task).toMatchObject({key: 'PATENT-1', title: 'Response to office action', holderId: 'sato', creatorId: 'tanaka', statusId: 'open', statusCategory: 'open', priority: 'normal', labels: ['oa'], version: 1, watcherIds: ['sato', 'tanaka']});
    expect((await service.create(tanaka, {title: 'Second', channelId: 'patents'})).key).toBe('PATENT-2');
    // Another channel with the same name gets its own prefix.
    expect((await service.create(sato, {title: 'Elsewhere', channelId: 'other'})).key).toBe('PATEN2-1');
    expect((await service.create(sato, {title: 'Mine'})).key).toBe('SATO-1');
    const timeline = await service.timeline(tanaka, task.key);
    expect(timeline.map((event) => event.kind)).toEqual(['created']);
  });

  it('finds a task by id or by key in any case', async () => {
    const task = await service.create(tanaka, {title: 'Find me', channelId: 'patents'});
    expect((await service.get(sato, task.id)).key).toBe(task.key);
    expect((await service.get(sato, task.key.toLowerCase())).id).toBe(task.id);
  });

  it('records exactly one event per changed field and bumps the version once per patch', async () => {
    const task = await service.create(tanaka, {title: 'Draft', channelId: 'patents'});
    const patched = await service.patch(sato, task.key, 1, {
      title: 'Draft response',
      priority: 'high',
      description: 'Client wants claim 3 kept.',
      deadlines: {legal: {dueAt: new Date('2027-01-20T14:59:59Z'), allDay: true, timeZone: 'Asia/Tokyo'}},
      startDate: '2026-11-21',
      labels: ['oa', 'jp'],
    });
    expect(patched).toMatchObject({version: 2, title: 'Draft response', priority: 'high', startDate: '2026-11-21', labels: ['oa', 'jp']});
    expect(patched.deadlines).toEqual([{kind: 'legal', dueAt: new Date('2027-01-20T14:59:59Z'), allDay: true, timeZone: 'Asia/Tokyo'}]);
    const fields = (await service.timeline(sato, task.key)).filter((event) => event.kind === 'field_changed').map((event) => event.field);
    expect(fields.sort()).toEqual(['deadline:legal', 'description', 'labels', 'priority', 'startDate', 'title']);
    // Nothing changed: no event, no new version.
    expect((await service.patch(sato, task.key, 2, {title: 'Draft response'})).version).toBe(2);
    const removed = await service.patch(sato, task.key, 2, {deadlines: {legal: null}});
    expect(removed.deadlines).toEqual([]);
    expect(removed.version).toBe(3);
  });

  it('refuses a stale version with 409 and the current task, never overwriting', async () => {
    const task = await service.create(tanaka, {title: 'Contended', channelId: 'patents'});
    await service.patch(sato, task.key, 1, {title: 'Sato was first'});
    const error = await rejection(service.patch(smith, task.key, 1, {title: 'Smith was second'}));
    expect(error).toBeInstanceOf(StaleVersionError);
    expect(error.status).toBe(409);
    expect((error as StaleVersionError).current).toMatchObject({title: 'Sato was first', version: 2});
  });

  it('lets exactly one of two concurrent patches on the same version win', async () => {
    const task = await service.create(tanaka, {title: 'Race', channelId: 'patents'});
    const results = await Promise.allSettled([service.patch(sato, task.key, 1, {title: 'A'}), service.patch(smith, task.key, 1, {title: 'B'})]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(StaleVersionError);
    expect((await service.get(sato, task.key)).version).toBe(2);
  });

  it('hands the baton over with a comment: holder, watcher, event and comment', async () => {
    const task = await service.create(tanaka, {title: 'Draft the response', channelId: 'patents', holderId: 'tanaka'});
    const handed = await service.handOff(tanaka, task.key, {toUserId: 'sato', comment: 'Client wants claim 3 kept.'});
    expect(handed).toMatchObject({holderId: 'sato', version: 2});
    expect(handed.watcherIds).toContain('sato');
    const events = await service.timeline(sato, task.key);
    expect(events.find((event) => event.kind === 'handed_off')).toMatchObject({field: 'holderId', from: 'tanaka', to: 'sato', actorId: 'tanaka'});
    expect((await service.comments(sato, task.key)).map((comment) => comment.body)).toEqual(['Client wants claim 3 kept.']);
    const notMember = await rejection(service.handOff(sato, task.key, {toUserId: 'outsider'}));
    expect(notMember.id).toBe('baton.invalid.holder');
  });

  it('closes a task on a closed status and reopens it', async () => {
    const task = await service.create(tanaka, {title: 'File it', channelId: 'patents'});
    const done = await service.transition(sato, task.key, {statusId: 'done'});
    expect(done).toMatchObject({statusId: 'done', statusCategory: 'closed', closedAt: clock});
    const reopened = await service.transition(sato, task.key, {statusId: 'in_progress'});
    expect(reopened).toMatchObject({statusCategory: 'open', closedAt: null});
    expect((await rejection(service.transition(sato, task.key, {statusId: 'nope'}))).id).toBe('baton.invalid.status');
  });

  describe('visibility', () => {
    it('hides a channel task from non-members as "not found", for reads and writes', async () => {
      const task = await service.create(tanaka, {title: 'Internal', channelId: 'patents'});
      const attempts = [() => service.get(outsider, task.key), () => service.patch(outsider, task.key, 1, {title: 'x'}), () => service.addComment(outsider, task.key, 'hi'), () => service.timeline(kim, task.key)];
      for (const attempt of attempts) expect((await rejection(attempt())).status).toBe(404);
    });

    it('shows a personal task only to its creator, holder and watchers, never to guests', async () => {
      const task = await service.create(sato, {title: 'Personal', holderId: 'tanaka'});
      await service.get(sato, task.key);
      await service.get(tanaka, task.key);
      expect((await rejection(service.get(smith, task.key))).status).toBe(404);
      await service.setWatching(tanaka, task.key, true);
      const shared = await service.handOff(sato, task.key, {toUserId: 'kim'});
      expect(shared.holderId).toBe('kim');
      expect((await rejection(service.get(kim, task.key))).status).toBe(404);
    });

    it('lets a guest see and comment on tasks of their channel, but change only their own', async () => {
      const agencyTask = await service.create(smith, {title: 'Design brief', channelId: 'acme'});
      await service.get(kim, agencyTask.key);
      await service.addComment(kim, agencyTask.key, 'Please use our new logo.');
      expect((await rejection(service.patch(kim, agencyTask.key, 1, {title: 'Mine now'}))).status).toBe(403);
      expect((await rejection(service.transition(kim, agencyTask.key, {statusId: 'done'}))).status).toBe(403);
      // Guests create tasks only where a channel admin allowed it.
      expect((await rejection(service.create(kim, {title: 'New banner, please', channelId: 'acme'}))).id).toBe('baton.forbidden.guest_create');
      await createTaskRepository(database.db).transaction((tx) => tx.channels.setChannelRoles('acme', {guests: {mayCreateTasks: true}, triageHolderId: null}, {actorId: 'smith', at: clock}));
      const request = await service.create(kim, {title: 'New banner, please', channelId: 'acme'});
      expect((await service.patch(kim, request.key, 1, {priority: 'high'})).priority).toBe('high');
      expect((await rejection(service.create(kim, {title: 'Personal'}))).status).toBe(403);
      expect((await rejection(service.create(kim, {title: 'Elsewhere', channelId: 'patents'}))).status).toBe(403);
    });
  });

  it('lets only the author edit or delete a comment, and keeps both in the timeline', async () => {
    const task = await service.create(tanaka, {title: 'Discuss', channelId: 'patents'});
    const comment = await service.addComment(sato, task.key, 'First thought');
    expect((await rejection(service.editComment(tanaka, task.key, comment.id, 'Hijack'))).status).toBe(403);
    expect((await rejection(service.deleteComment(tanaka, task.key, comment.id))).status).toBe(403);
    expect((await service.editComment(sato, task.key, comment.id, 'Second thought')).body).toBe('Second thought');
    await service.deleteComment(sato, task.key, comment.id);
    expect(await service.comments(sato, task.key)).toEqual([]);
    expect((await service.timeline(sato, task.key)).map((event) => event.kind)).toEqual(['created', 'commented', 'comment_edited', 'comment_deleted']);
  });

  it('keeps sub-tasks in their parent’s channel', async () => {
    const parent = await service.create(tanaka, {title: 'Office action response', channelId: 'patents'});
    const child = await service.create(tanaka, {title: 'Step 1', channelId: 'patents', parentId: parent.key});
    expect(child.parentId).toBe(parent.id);
    await service.create(tanaka, {title: 'Step 2', channelId: 'patents', parentId: parent.key});
    await service.transition(sato, child.key, {statusId: 'done'});
    expect((await service.get(sato, parent.key)).progress).toEqual({done: 1, total: 2});
    expect(child.progress).toBeNull();
    expect((await rejection(service.create(smith, {title: 'Wrong channel', channelId: 'acme', parentId: parent.key}))).id).toBe('baton.invalid.parent');
    expect((await rejection(service.patch(tanaka, parent.key, 1, {parentId: parent.key}))).id).toBe('baton.invalid.parent');
  });

  describe('listing', () => {
    const everything = {filters: {}, sort: {by: 'updatedAt' as const, dueKind: null, descending: true}, limit: 50};
    const keysOf = (page: {tasks: Array<{key: string}>}) => page.tasks.map((task) => task.key);

    it('lists only what the caller may see, guests included', async () => {
      const shared = await service.create(smith, {title: 'Listing: shared with the client', channelId: 'acme'});
      const internal = await service.create(tanaka, {title: 'Listing: internal', channelId: 'patents'});
      const personal = await service.create(sato, {title: 'Listing: sato alone'});
      const forKim = keysOf(await service.list(kim, everything));
      expect(forKim).toContain(shared.key);
      expect(forKim).not.toContain(internal.key);
      expect(forKim).not.toContain(personal.key);
      expect(keysOf(await service.list(tanaka, everything))).not.toContain(personal.key);
      expect(keysOf(await service.list(sato, everything))).toEqual(expect.arrayContaining([shared.key, internal.key, personal.key]));
    });

    it('filters by holder, status category, label, priority, parent and deadlines', async () => {
      const parent = await service.create(tanaka, {title: 'Listing: OA response', channelId: 'patents'});
      const step = await service.create(tanaka, {title: 'Listing: draft', channelId: 'patents', parentId: parent.key, holderId: 'sato', labels: ['jp-oa'], priority: 'urgent', deadlines: [{kind: 'legal', dueAt: new Date('2026-11-01T00:00:00Z'), allDay: false, timeZone: 'Asia/Tokyo'}]});
      const later = await service.create(tanaka, {title: 'Listing: file', channelId: 'patents', parentId: parent.key, deadlines: [{kind: 'legal', dueAt: new Date('2027-03-01T00:00:00Z'), allDay: false, timeZone: 'Asia/Tokyo'}]});
      const list = (filters: Record<string, unknown>) => service.list(sato, {...everything, filters}).then(keysOf);
      expect(await list({holderId: 'sato', label: 'jp-oa'})).toEqual([step.key]);
      expect(await list({parentRef: parent.key, priorities: ['urgent']})).toEqual([step.key]);
      expect(await list({parentRef: parent.key, dueKind: 'legal', overdue: true})).toEqual([step.key]);
      expect(await list({parentRef: parent.key, dueKind: 'legal', dueAfter: new Date('2027-01-01T00:00:00Z')})).toEqual([later.key]);
      await service.transition(sato, step.key, {statusId: 'done'});
      expect(await list({parentRef: parent.key, statusCategory: 'closed'})).toEqual([step.key]);
      expect(await list({parentRef: parent.key, overdue: true})).toEqual([]);
    });

    it('searches in any language, title hits first', async () => {
      const inTitle = await service.create(tanaka, {title: '拒絶理由通知への応答', channelId: 'patents'});
      const inDescription = await service.create(tanaka, {title: 'Listing: misc', description: '拒絶理由の検討メモ', channelId: 'patents'});
      await service.patch(tanaka, inTitle.key, 1, {priority: 'low'});
      await service.patch(tanaka, inDescription.key, 1, {priority: 'high'});
      expect(keysOf(await service.list(sato, {...everything, filters: {q: '拒絶理由'}}))).toEqual([inTitle.key, inDescription.key]);
      expect(keysOf(await service.list(kim, {...everything, filters: {q: '拒絶理由'}}))).toEqual([]);
      expect((await rejection(service.list(sato, {...everything, filters: {q: '拒'}}))).status).toBe(400);
    });

    it('sorts by key numerically and pages without gaps or repeats in every order', async () => {
      for (let i = 0; i < 5; i += 1) {
        const dueAt = new Date(Date.UTC(2027, 0, 10 - (i % 3)));
        await service.create(smith, {title: `Listing: page ${i}`, channelId: 'acme', priority: i % 2 ? 'high' : 'low', ...(i % 2 ? {deadlines: [{kind: 'customer', dueAt, allDay: true, timeZone: 'Asia/Tokyo'}]} : {})});
      }
      const byKey = {...everything, filters: {channelId: 'acme'}, sort: {by: 'key' as const, dueKind: null, descending: false}, limit: 3};
      const numbers = keysOf(await service.list(sato, {...byKey, limit: 50})).map((key) => Number(key.split('-')[1]));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      const orders = [
        byKey,
        {...byKey, sort: {by: 'key' as const, dueKind: null, descending: true}},
        {...byKey, sort: {by: 'due' as const, dueKind: 'customer', descending: false}},
        {...byKey, sort: {by: 'due' as const, dueKind: 'customer', descending: true}},
        {...byKey, sort: {by: 'priority' as const, dueKind: null, descending: true}},
        {...byKey, sort: {by: 'createdAt' as const, dueKind: null, descending: false}},
        {...byKey, filters: {channelId: 'acme', q: 'listing page'}, sort: {by: 'updatedAt' as const, dueKind: null, descending: true}},
      ];
      for (const order of orders) {
        const all = keysOf(await service.list(sato, {...order, limit: 50}));
        expect(all.length).toBeGreaterThanOrEqual(5);
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await service.list(sato, {...order, ...(cursor ? {cursor} : {})});
          seen.push(...keysOf(page));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(all);
      }
    });

    it('keeps pages stable while other tasks are created and closed between requests', async () => {
      const tick = () => (clock = new Date(clock.getTime() + 1000));
      for (let i = 0; i < 6; i += 1) {
        tick();
        await service.create(smith, {title: `Listing: stable ${i}`, channelId: 'acme', labels: ['stable']});
      }
      const newestFirst = {...everything, filters: {label: 'stable'}, limit: 2};
      const before = keysOf(await service.list(sato, {...newestFirst, limit: 50}));
      const first = await service.list(sato, newestFirst);
      expect(keysOf(first)).toEqual(before.slice(0, 2));
      // A new task lands on top, and a not-yet-seen one is edited out of the list.
      tick();
      await service.create(smith, {title: 'Listing: stable latecomer', channelId: 'acme', labels: ['stable']});
      await service.patch(smith, before[5]!, 1, {labels: []});
      const rest: string[] = [];
      let cursor = first.nextCursor ?? undefined;
      while (cursor) {
        const page = await service.list(sato, {...newestFirst, cursor});
        rest.push(...keysOf(page));
        cursor = page.nextCursor ?? undefined;
      }
      expect(rest).toEqual(before.slice(2, 5));
    });

    it('refuses a cursor that was altered or belongs to another sort', async () => {
      for (let i = 0; i < 3; i += 1) await service.create(smith, {title: `Listing: cursor ${i}`, channelId: 'acme'});
      const {nextCursor} = await service.list(sato, {...everything, limit: 1});
      expect(nextCursor).toEqual(expect.any(String));
      const byKey = {...everything, sort: {by: 'key' as const, dueKind: null, descending: false}};
      const tampered = Buffer.from(JSON.stringify(['2026-01-01 00:00', 'x'])).toString('base64url');
      for (const cursor of [tampered, 'not-a-cursor', nextCursor!.slice(0, -2)]) {
        const error = await rejection(service.list(sato, {...everything, cursor}));
        expect(error.status).toBe(400);
      }
      const error = await rejection(service.list(sato, {...byKey, cursor: nextCursor!}));
      expect(error.status).toBe(400);
      expect(JSON.stringify(error)).toContain('cursor');
    });
  });
});
