import {createChannelSettingsService, type ChannelSettingsService} from '../domain/channels/channelSettingsService';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {rejection} from '../testing/rejection';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {type Database, openDatabase} from './database';
import {createTaskRepository} from './taskRepository';

// Channel settings on a real store, on both engines: channel admins choose
// the key prefix; renaming keeps every task reachable by its old key and
// never lets two channels share a prefix, past or present.

const sato: Caller = {userId: 'sato', guest: false};
const tanaka: Caller = {userId: 'tanaka', guest: false};
const root: Caller = {userId: 'root', guest: false};
const kim: Caller = {userId: 'kim', guest: true};
/** The notice settings of a channel nobody changed them for (channelNotices.test.ts covers them). */
const noNotices = {handoffs: false, excludeGuests: false};
/** Guest permissions and triage holder of a channel nobody changed them for. */
const noRoles = {guests: {mayCreateTasks: false}, triageHolderId: null};

const access = fakeChannelAccess({
  channels: {
    patents: {name: 'patents', members: ['sato', 'tanaka', 'kim'], admins: ['sato']},
    trademarks: {name: 'trademarks', members: ['sato', 'tanaka'], admins: ['tanaka']},
    archive: {name: 'patents', members: ['tanaka']},
    designs: {name: 'designs', members: ['tanaka']},
  },
  usernames: {sato: 'sato', tanaka: 'tanaka'},
  systemAdmins: ['root'],
  guests: ['kim'],
});

describe.each(engineNames)('channel settings on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let settings: ChannelSettingsService;
  let clock = new Date('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    const store = createTaskRepository(database.db);
    const deps = {store, access, clock: {now: () => clock}};
    tasks = createTaskService(deps);
    settings = createChannelSettingsService(deps);
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });
  beforeEach(() => {
    clock = new Date(clock.getTime() + 60_000);
  });

  it('has no prefix before the first task, then the one derived from the channel name', async () => {
    expect(await settings.get(tanaka, 'patents')).toEqual({channelId: 'patents', keyPrefix: null, notices: noNotices, ...noRoles});
    await tasks.create(tanaka, {title: 'Office action', channelId: 'patents'});
    expect(await settings.get(kim, 'patents')).toEqual({channelId: 'patents', keyPrefix: 'PATENT', notices: noNotices, ...noRoles});
  });

  it('renames every key of the channel, records it once per task, and still finds old keys', async () => {
    const second = await tasks.create(tanaka, {title: 'Claims amendment', channelId: 'patents'});
    expect(second.key).toBe('PATENT-2');
    expect(await settings.update(sato, 'patents', {keyPrefix: 'PAT'})).toEqual({channelId: 'patents', keyPrefix: 'PAT', notices: noNotices, ...noRoles});
    expect((await tasks.get(tanaka, 'PATENT-2')).key).toBe('PAT-2');
    expect((await tasks.get(tanaka, 'pat-1')).title).toBe('Office action');
    expect((await tasks.create(tanaka, {title: 'Next', channelId: 'patents'})).key).toBe('PAT-3');
    const keyEvents = (await tasks.timeline(tanaka, 'PAT-2')).filter((event) => event.field === 'key');
    expect(keyEvents).toEqual([expect.objectContaining({kind: 'field_changed', actorId: 'sato', from: 'PATENT-2', to: 'PAT-2', at: clock})]);
    // Setting the same prefix again changes nothing.
    await settings.update(sato, 'patents', {keyPrefix: 'PAT'});
    expect((await tasks.timeline(tanaka, 'PAT-2')).filter((event) => event.field === 'key')).toHaveLength(1);
  });

  it('never gives a prefix, current or retired, to another channel', async () => {
    await tasks.create(tanaka, {title: 'Trademark renewal', channelId: 'trademarks'});
    const taken = await rejection(settings.update(tanaka, 'trademarks', {keyPrefix: 'PATENT'}));
    expect([taken.status, taken.id, taken.details.field]).toEqual([409, 'baton.conflict.key_prefix', 'keyPrefix']);
    expect((await rejection(settings.update(tanaka, 'trademarks', {keyPrefix: 'PAT'}))).status).toBe(409);
    // A second channel called "patents" gets a numbered default, not the retired PATENT.
    expect((await tasks.create(tanaka, {title: 'Old matter', channelId: 'archive'})).key).toBe('PATEN2-1');
    // The channel that used PATENT may take it back.
    await settings.update(sato, 'patents', {keyPrefix: 'PATENT'});
    expect((await tasks.get(tanaka, 'PAT-3')).key).toBe('PATENT-3');
  });

  it('lets a system admin, member or not, choose the prefix before the first task', async () => {
    expect(await settings.update(root, 'designs', {keyPrefix: 'DS'})).toEqual({channelId: 'designs', keyPrefix: 'DS', notices: noNotices, ...noRoles});
    expect((await tasks.create(tanaka, {title: 'Design registration', channelId: 'designs'})).key).toBe('DS-1');
  });

  it('refuses members who administer neither the channel nor the system, guests included', async () => {
    for (const caller of [tanaka, kim]) {
      const refused = await rejection(settings.update(caller, 'patents', {keyPrefix: 'XY'}));
      expect([refused.status, refused.id]).toEqual([403, 'baton.forbidden.channel_settings']);
    }
    expect((await rejection(settings.get(sato, 'archive'))).status).toBe(404);
    expect((await settings.get(sato, 'patents')).keyPrefix).toBe('PATENT');
  });

  it('keeps guest permissions and the triage holder, each change leaving the others as they were, and lets guests create only once allowed', async () => {
    expect((await rejection(tasks.create(kim, {title: 'Guest request', channelId: 'patents'}))).id).toBe('baton.forbidden.guest_create');
    await settings.update(sato, 'patents', {notices: {handoffs: true}});
    const allowed = await settings.update(sato, 'patents', {guests: {mayCreateTasks: true}, triageHolderId: 'tanaka'});
    expect(allowed).toMatchObject({notices: {handoffs: true, excludeGuests: false}, guests: {mayCreateTasks: true}, triageHolderId: 'tanaka'});
    expect((await tasks.create(kim, {title: 'Guest request', channelId: 'patents'})).creatorId).toBe('kim');
    expect(await settings.update(sato, 'patents', {triageHolderId: null})).toMatchObject({guests: {mayCreateTasks: true}, triageHolderId: null, notices: {handoffs: true}});
    const audited = await database.db.selectFrom('audit_log').select(['action', 'after']).where('entity_type', '=', 'channel_settings').where('entity_id', '=', 'patents').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audited).toMatchObject({action: 'channel_settings.updated', after: {guests: {mayCreateTasks: true}, triageHolderId: null}});
  });

  it('refuses a guest or a non-member as triage holder, naming the field', async () => {
    for (const holder of ['kim', 'outsider']) {
      const refused = await rejection(settings.update(sato, 'patents', {triageHolderId: holder}));
      expect([refused.status, refused.id, refused.details.field]).toEqual([422, 'baton.invalid.triage_holder', 'triageHolderId']);
    }
  });
});
