import {sql} from 'kysely';
import {startSimulator, type RunningSimulator} from '../../../build/mattermost-sim/src/index';
import {seedDemoOrganisation, type DemoOrganisation} from '../../../build/mattermost-sim/src/seed/demoOrganisation';
import {createAccessToken, createBot, updateUser} from '../../../build/mattermost-sim/src/services/users';
import {workflowDefinitionSchema} from '../contract/workflow';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createChannelNotifier} from '../domain/notices/channelNotifier';
import {type ChannelLineNotice, type ClaimedNotice, type Notice, UndeliverableNoticeError} from '../domain/notices/ports';
import type {TaskChangeListener, TaskStore} from '../domain/tasks/ports';
import type {Caller} from '../domain/tasks/task';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import {createWorkflowService, type WorkflowService} from '../domain/workflows/workflowService';
import {createLogger} from '../logging/logger';
import {createBotChannels} from '../mattermost/botChannels';
import {createChannelAccess} from '../mattermost/channelAccess';
import type {ConnectionSource} from '../mattermost/connection';
import {createBotPosts, createNoticeDeliverer, NOTICE_KEY_PROP} from '../mattermost/posts';
import {createTaskLinks} from '../mattermost/taskLinks';
import {type Database, openDatabase} from '../storage/database';
import {createTaskRepository} from '../storage/taskRepository';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {type ChannelNoticeDeliveryDeps, createChannelNoticeDeliverer} from './channelNoticeDelivery';

// Channel lines and run channels delivered to Mattermost over real HTTP (the
// simulator) from a real store, on both engines: a line posted once (adopted
// on retry), guests left out by ephemeral posts, the cap, and a run channel
// made exactly once even when the bridge fails between creating and
// storing it, then archived.

const WORD_JOINER = '\u2060';

describe.each(engineNames)('channel notice delivery (%s engine)', (engine) => {
  let sim: RunningSimulator;
  let org: DemoOrganisation;
  let botUserId: string;
  let connection: ConnectionSource;
  let storage: TestStorage;
  let database: Database;
  let store: TaskStore;
  let tasks: TaskService;
  let workflows: WorkflowService;
  const warnings: string[] = [];

  beforeAll(async () => {
    sim = await startSimulator({idSeed: `channel-notices-${engine}`});
    org = seedDemoOrganisation(sim.ctx);
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.users.admin?.id ?? ''});
    updateUser(sim.ctx, bot.user_id, {roles: 'system_user system_admin'});
    botUserId = bot.user_id;
    const botToken = createAccessToken(sim.ctx, bot.user_id, 'bridge').token;
    connection = {get: async () => ({url: sim.url, botUserId, botToken, commandTokens: []})};
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    store = createTaskRepository(database.db);
    const access = createChannelAccess({connection});
    const listeners: TaskChangeListener[] = [];
    const clock = {now: () => new Date()};
    tasks = createTaskService({store, access, clock, listeners});
    workflows = createWorkflowService({store, access, clock, calendar: createBusinessCalendar({country: 'JP'}), timeZone: 'Asia/Tokyo', tasks: tasks.operations});
    listeners.push(workflows.listener, createChannelNotifier());
    await workflows.createTemplate(as('tanaka'), workflowDefinitionSchema.parse({
      name: 'Office action response',
      steps: [
        {name: 'Draft response', assignee: {kind: 'role', role: 'attorney'}},
        {name: 'Translate', assignee: {kind: 'chosen'}},
        {name: 'Report', assignee: {kind: 'requester'}},
      ],
    }));
  });
  afterAll(async () => {
    await sim?.stop();
    await database?.close();
    await storage?.cleanup();
  });

  const user = (name: string) => org.users[name]?.id ?? '';
  const channel = (name: string) => org.channels[name]?.id ?? '';
  function as(name: string): Caller {
    return {userId: user(name), guest: false};
  }
  const postsWithKey = (key: string) => [...sim.ctx.store.posts.values()].filter((post) => post.props[NOTICE_KEY_PROP] === key);
  const ephemeralsWith = (text: string) => sim.ctx.inspection.ephemerals.filter((entry) => entry.post.message.includes(text));
  const membersOf = (channelId: string) => [...sim.ctx.store.channelMembers.values()].filter((member) => member.channel_id === channelId).map((member) => member.user_id).sort();
  const runChannels = () => [...sim.ctx.store.channels.values()].filter((each) => each.name.startsWith('baton-'));
  const claimed = (notice: Notice, earlierAttemptsSince: Date | null = null): ClaimedNotice => ({id: '1', notice, attempts: earlierAttemptsSince ? 2 : 1, createdAt: new Date(), earlierAttemptsSince});
  const outboxed = async (key: string): Promise<Notice> => {
    const row = (await sql<{kind: string; payload: object}>`select kind, payload from outbox where idempotency_key = ${key}`.execute(database.db)).rows[0];
    if (!row) throw new Error(`nothing enqueued as ${key}`);
    return {...row.payload, kind: row.kind, idempotencyKey: key} as Notice;
  };

  function deliverer(overrides: Partial<ChannelNoticeDeliveryDeps> = {}) {
    return createChannelNoticeDeliverer(
      {
        store,
        channels: createBotChannels({connection}),
        post: createNoticeDeliverer({posts: createBotPosts({connection})}),
        people: {username: createChannelAccess({connection}).username},
        taskUrl: createTaskLinks({connection}),
        logger: createLogger('warn', {write: (line: string) => void warnings.push(line)}),
        ...overrides,
      },
      async () => {
        throw new Error('not a channel notice: the next deliverer was asked');
      },
    );
  }

  async function handoffLine(channelName: string, excludeGuests: boolean, key: string): Promise<ChannelLineNotice & {idempotencyKey: string}> {
    const task = await tasks.create(as('sato'), {title: `Claims for ${key}`, channelId: channel(channelName)});
    return {kind: 'channel_line', target: {channelId: channel(channelName), excludeGuests}, event: {type: 'handoff', taskId: task.id, fromUserId: user('sato'), toUserId: user('smith')}, idempotencyKey: key};
  }

  it('posts one line in a channel without guests, in the server’s language, and a retry adopts it', async () => {
    const notice = await handoffLine('patents', true, 'line-patents');
    const startedAt = new Date();
    const first = await deliverer()(claimed(notice));
    const [post, ...others] = postsWithKey('line-patents');
    expect(others).toEqual([]);
    expect(post).toMatchObject({id: first.postId, channel_id: channel('patents'), user_id: botUserId});
    expect(post?.message).toMatch(new RegExp(`^\\[PATENTS?-\\d+ Claims for line-patents\\]\\(http.+/patents\\): the baton passed from @${WORD_JOINER}sato to @${WORD_JOINER}smith\\. #baton$`));
    expect(await deliverer()(claimed(notice, startedAt))).toEqual({...first, adopted: true});
    expect(postsWithKey('line-patents')).toHaveLength(1);
  });

  it('tells each member but the guests, one by one, while a guest-excluding channel has guests', async () => {
    const notice = await handoffLine('client-acme', true, 'line-acme-internal');
    const receipt = await deliverer()(claimed(notice));
    expect(postsWithKey('line-acme-internal')).toEqual([]);
    const sent = ephemeralsWith('Claims for line-acme-internal');
    expect(sent.map((entry) => entry.user_id).sort()).toEqual([user('admin'), user('sato'), user('smith')].sort());
    expect(sent.every((entry) => entry.post.channel_id === channel('client-acme') && entry.post.user_id === botUserId)).toBe(true);
    expect(receipt).toMatchObject({channelId: channel('client-acme'), postId: sent[0]?.post.id});
  });

  it('posts to the channel, guests included, when the channel does not exclude them', async () => {
    await deliverer()(claimed(await handoffLine('client-acme', false, 'line-acme-everyone')));
    expect(postsWithKey('line-acme-everyone').map((post) => post.channel_id)).toEqual([channel('client-acme')]);
    expect(ephemeralsWith('Claims for line-acme-everyone')).toEqual([]);
  });

  it('skips, with a warning, a guest-excluding line to more members than it sends one by one', async () => {
    const receipt = await deliverer({ephemeralCap: 2})(claimed(await handoffLine('client-acme', true, 'line-acme-crowded')));
    expect(receipt).toEqual({postId: '', channelId: channel('client-acme'), adopted: false});
    expect(postsWithKey('line-acme-crowded')).toEqual([]);
    expect(ephemeralsWith('Claims for line-acme-crowded')).toEqual([]);
    expect(warnings.at(-1)).toContain('more than 2 members');
  });

  describe('run channels', () => {
    let runId: string;
    let steps: string[];

    it('creates exactly one private channel with the run’s people, even when the bridge fails between creating and storing it', async () => {
      const run = await workflows.startRun(as('tanaka'), 'office action response', {
        channelId: channel('patents'),
        caseRef: {id: 'P-2027-0042', url: 'https://ip.example/P-2027-0042'},
        roles: {attorney: user('sato')},
        deadlines: [],
        runChannel: true,
      });
      [runId, steps] = [run.id, run.steps.map((step) => step.taskId)];
      const open = await outboxed(`run_channel_open:${runId}`);
      // The first step's line cannot go before the channel exists: a passing failure, retried.
      const early = deliverer()(claimed(await outboxed(`run_channel_line:${steps[0]}:v2`)));
      await expect(early).rejects.toThrow(/not created yet/);
      await expect(early).rejects.not.toBeInstanceOf(UndeliverableNoticeError);

      const crashing: TaskStore = {
        ...store,
        transaction: async () => {
          throw new Error('the bridge stopped before storing the channel');
        },
      };
      await expect(deliverer({store: crashing})(claimed(open))).rejects.toThrow(/before storing/);
      const [made, ...more] = runChannels();
      expect(more).toEqual([]);
      expect(made).toMatchObject({type: 'P', team_id: org.team.id, display_name: 'Office action response: P-2027-0042', delete_at: 0});
      expect(made?.name).toMatch(/^baton-p-2027-0042-[0-9a-f]{8}$/);
      expect(membersOf(made?.id ?? '')).toEqual([botUserId, user('sato'), user('tanaka')].sort());
      expect((await workflows.getRun(as('tanaka'), runId)).runChannel?.channelId).toBeNull();

      // The retry finds the channel by name, stores it, and makes no second one.
      expect(await deliverer()(claimed(open, new Date()))).toEqual({postId: '', channelId: made?.id, adopted: true});
      expect(await deliverer()(claimed(open, new Date()))).toEqual({postId: '', channelId: made?.id, adopted: true});
      expect(runChannels()).toHaveLength(1);
      expect((await workflows.getRun(as('tanaka'), runId)).runChannel?.channelId).toBe(made?.id);
    });

    it('posts the run’s handoffs there, adding each holder when the baton reaches them', async () => {
      const runChannel = runChannels()[0]?.id ?? '';
      await deliverer()(claimed(await outboxed(`run_channel_line:${steps[0]}:v2`)));
      expect(postsWithKey(`run_channel_line:${steps[0]}:v2`).map((post) => [post.channel_id, post.message.includes(`to @${WORD_JOINER}sato`)])).toEqual([[runChannel, true]]);

      await tasks.transition(as('sato'), steps[0] ?? '', {statusId: 'done', nextHolderId: user('li')});
      expect(membersOf(runChannel)).not.toContain(user('li'));
      await deliverer()(claimed(await outboxed(`run_channel_line:${steps[1]}:v2`)));
      expect(membersOf(runChannel)).toContain(user('li'));
      expect(postsWithKey(`run_channel_line:${steps[1]}:v2`).map((post) => post.channel_id)).toEqual([runChannel]);
    });

    it('archives the channel, and counts an archived one as done', async () => {
      const runChannel = runChannels()[0]?.id ?? '';
      const archive: Notice = {kind: 'run_channel_archive', runId, channelId: runChannel, idempotencyKey: `run_channel_archive:${runId}`};
      expect(await deliverer()(claimed(archive))).toEqual({postId: '', channelId: runChannel, adopted: false});
      expect(sim.ctx.store.channels.get(runChannel)?.delete_at).toBeGreaterThan(0);
      expect(await deliverer()(claimed(archive, new Date()))).toEqual({postId: '', channelId: runChannel, adopted: true});
    });
  });

  it('gives up a run channel Mattermost refuses for good, and the run’s channel lines with it', async () => {
    const run = await workflows.startRun(as('sato'), 'office action response', {channelId: channel('client-acme'), roles: {attorney: user('smith')}, deadlines: [], runChannel: true});
    const refuse = await fetch(`${sim.url}/__sim/faults`, {method: 'POST', body: JSON.stringify({status: 403, pathPrefix: '/api/v4/channels', method: 'POST', id: 'api.context.permissions.app_error'})});
    expect(refuse.status).toBeLessThan(300);
    try {
      await expect(deliverer()(claimed(await outboxed(`run_channel_open:${run.id}`)))).rejects.toBeInstanceOf(UndeliverableNoticeError);
    } finally {
      await fetch(`${sim.url}/__sim/faults`, {method: 'DELETE'});
    }
    expect((await workflows.getRun(as('sato'), run.id)).runChannel).toMatchObject({channelId: null, failure: expect.stringContaining('403')});
    const line = deliverer()(claimed(await outboxed(`run_channel_line:${run.steps[0]?.taskId}:v2`)));
    await expect(line).rejects.toBeInstanceOf(UndeliverableNoticeError);
    await expect(line).rejects.toThrow(/could not be created/);
  });

  it('hands every other notice to the next deliverer', async () => {
    await expect(deliverer()(claimed({kind: 'direct_post', userId: user('sato'), post: {message: 'hi'}, idempotencyKey: 'dm'}))).rejects.toThrow(/next deliverer was asked/);
  });
});
