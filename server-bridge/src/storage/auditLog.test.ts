import {sql} from 'kysely';
import type {AuditRecord} from '../domain/audit/audit';
import {createAuditService} from '../domain/audit/auditService';
import {createChannelSettingsService} from '../domain/channels/channelSettingsService';
import {createUserSettingsService} from '../domain/reminders/userSettings';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {rejection} from '../testing/rejection';
import {auditReadsOn} from './auditRepository';
import {type Database, openDatabase} from './database';
import {createReminderSnoozeRepository} from './reminderSnoozeRepository';
import {createTaskRepository} from './taskRepository';
import {createUserSettingsRepository} from './userSettingsRepository';

// The audit log on a real store, on both engines: every change is recorded
// with who, through what, when, before and after, in the change's own
// transaction (a refused change leaves no entry); nobody can change or
// delete an entry, not even with the bridge's own database credentials; only
// system admins export it.

const sato: Caller = {userId: 'sato', guest: false};
const li: Caller = {userId: 'li', guest: false};
const root: Caller = {userId: 'root', guest: false};
const kim: Caller = {userId: 'kim', guest: true};
const billing: Caller = {userId: 'baton-bot', guest: false, via: {kind: 'token', tokenId: 'tok-billing'}};
const scheduler: Caller = {userId: 'sato', guest: false, via: {kind: 'scheduler', job: 'recurrence:r-1'}};

const access = fakeChannelAccess({
  channels: {patents: {name: 'patents', members: ['sato', 'li', 'kim', 'baton-bot', 'root'], admins: ['sato']}},
  usernames: {sato: 'sato', li: 'li'},
  systemAdmins: ['root'],
});

describe.each(engineNames)('the audit log on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let clock = new Date('2026-11-23T09:00:00Z');
  const start = clock;

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    tasks = createTaskService({store: createTaskRepository(database.db), access, clock: {now: () => clock}});
  });
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  });
  beforeEach(() => {
    clock = new Date(clock.getTime() + 60_000);
  });

  const audit = () => createAuditService({reads: auditReadsOn(database.db), access});
  async function entries(): Promise<AuditRecord[]> {
    const all: AuditRecord[] = [];
    for await (const page of await audit().exportRange(root, {from: start, to: new Date('2100-01-01T00:00:00Z')})) all.push(...page);
    return all;
  }
  const last = async () => (await entries()).at(-1);

  it('records a task’s creation, handoff (with its note) and edit: who, through what, when, before and after', async () => {
    const created = await tasks.create(sato, {title: '拒絶理由通知への応答', channelId: 'patents'});
    expect(await last()).toMatchObject({action: 'task.created', actorId: 'sato', source: 'user', sourceId: null, entityType: 'task', entityId: created.id, before: null, after: {key: created.key, title: '拒絶理由通知への応答'}, at: clock});

    const handed = await tasks.handOff(sato, created.key, {toUserId: 'li', comment: 'Claims 1–3 please'});
    const [note, handoff] = (await entries()).slice(-2);
    expect(note).toMatchObject({action: 'comment.created', entityType: 'comment', before: null, after: {body: 'Claims 1–3 please', authorId: 'sato'}});
    expect(handoff).toMatchObject({action: 'task.handed_off', before: {holderId: null, version: 1}, after: {holderId: 'li', version: 2}});

    await tasks.patch(li, created.key, handed.version, {priority: 'high'});
    expect(await last()).toMatchObject({action: 'task.updated', actorId: 'li', before: {priority: 'normal'}, after: {priority: 'high'}});
  });

  it('says when an API token or the scheduler made the change', async () => {
    await tasks.create(billing, {title: 'Invoice EcoIP-77', channelId: 'patents'});
    expect(await last()).toMatchObject({action: 'task.created', actorId: 'baton-bot', source: 'token', sourceId: 'tok-billing'});
    await tasks.create(scheduler, {title: 'Monthly docket review', channelId: 'patents'});
    expect(await last()).toMatchObject({source: 'scheduler', sourceId: 'recurrence:r-1', actorId: 'sato'});
  });

  it('records nothing for a refused change: the entry commits with the change or not at all', async () => {
    const task = await tasks.create(sato, {title: 'Renewal fee', channelId: 'patents'});
    const before = (await entries()).length;
    expect(await rejection(tasks.patch(sato, task.key, task.version + 5, {title: 'Renewal fee (2027)'}))).toMatchObject({status: 409});
    expect(await rejection(tasks.patch(kim, task.key, task.version, {title: 'mine now'}))).toMatchObject({status: 403});
    expect((await entries()).length).toBe(before);
  });

  it('records comment edits and deletions, channel settings, personal settings and snoozes', async () => {
    const task = await tasks.create(sato, {title: 'Translate the claims', channelId: 'patents'});
    const comment = await tasks.addComment(sato, task.key, 'draft 1');
    await tasks.editComment(sato, task.key, comment.id, 'draft 2');
    await tasks.deleteComment(sato, task.key, comment.id);
    await createChannelSettingsService({store: createTaskRepository(database.db), access, clock: {now: () => clock}}).update(sato, 'patents', {notices: {handoffs: true}});
    await createUserSettingsService({store: createUserSettingsRepository(database.db), clock: {now: () => clock}}).update(li, {digestTime: '08:30'});
    await createReminderSnoozeRepository(database.db).snooze({userId: 'li', taskId: task.id, deadlineKind: 'legal', until: '2026-12-01'}, clock);

    const recent = (await entries()).slice(-6).map(({action, entityType, before, after}) => ({action, entityType, before, after}));
    expect(recent).toEqual([
      expect.objectContaining({action: 'comment.created', after: expect.objectContaining({body: 'draft 1'})}),
      expect.objectContaining({action: 'comment.edited', before: expect.objectContaining({body: 'draft 1'}), after: expect.objectContaining({body: 'draft 2'})}),
      expect.objectContaining({action: 'comment.deleted', before: expect.objectContaining({deletedAt: null}), after: expect.objectContaining({deletedAt: clock.toISOString()})}),
      expect.objectContaining({action: 'channel_settings.updated', entityType: 'channel_settings', before: expect.objectContaining({notices: {handoffs: false, excludeGuests: false}}), after: expect.objectContaining({notices: {handoffs: true, excludeGuests: false}})}),
      expect.objectContaining({action: 'user_settings.updated', entityType: 'user_settings', before: null, after: expect.objectContaining({digestTime: '08:30'})}),
      {action: 'reminder.snoozed', entityType: 'reminder_snooze', before: null, after: {userId: 'li', taskId: task.id, deadlineKind: 'legal', until: '2026-12-01'}},
    ]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of entries, whoever asks, and keeps every entry', async () => {
    const count = (await entries()).length;
    expect(count).toBeGreaterThan(5);
    for (const statement of [sql`update audit_log set actor_id = 'someone-else'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      await expect(statement.execute(database.db)).rejects.toThrow('audit_log is append-only');
    }
    const after = await entries();
    expect(after.length).toBe(count);
    expect(after.every((entry) => entry.actorId !== 'someone-else')).toBe(true);
  });

  it('is exported only to system admins: a member, a guest or an API token gets 403', async () => {
    const range = {from: start, to: new Date('2100-01-01T00:00:00Z')};
    for (const caller of [sato, kim, {...root, via: {kind: 'token' as const, tokenId: 'tok-1'}}]) {
      expect(await rejection(audit().exportRange(caller, range))).toMatchObject({status: 403, id: 'baton.forbidden.audit'});
    }
  });

  it('pages through a range oldest first, without gaps or repeats, and keeps to the range', async () => {
    const all = await entries();
    const ids = all.map((entry) => Number(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    const middle = all[3]!;
    const reads = auditReadsOn(database.db);
    const fromMiddle = await reads.listRange({from: middle.at, to: new Date(middle.at.getTime() + 1), limit: 100});
    expect(fromMiddle.every((entry) => entry.at.getTime() === middle.at.getTime())).toBe(true);
    const paged = [...(await reads.listRange({from: start, to: range2100, limit: 2})), ...(await reads.listRange({from: start, to: range2100, limit: 1000, afterId: all[1]!.id}))];
    expect(paged.map((entry) => entry.id)).toEqual(all.map((entry) => entry.id));
  });
});

const range2100 = new Date('2100-01-01T00:00:00Z');
