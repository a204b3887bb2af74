import {createBusinessCalendar} from '../../server-bridge/src/domain/calendar/businessCalendar';
import {instantOf} from '../../server-bridge/src/domain/calendar/localTime';
import {createLogger} from '../../server-bridge/src/logging/logger';
import {createChannelAccess} from '../../server-bridge/src/mattermost/channelAccess';
import {connectionFromSettings} from '../../server-bridge/src/mattermost/connection';
import {createUserPreferences} from '../../server-bridge/src/mattermost/userPreferences';
import {createReminderJobs} from '../../server-bridge/src/scheduler/reminderJobs';
import {createScheduler, type Scheduler} from '../../server-bridge/src/scheduler/scheduler';
import {type Database, openDatabase} from '../../server-bridge/src/storage/database';
import {createSettingsRepository} from '../../server-bridge/src/storage/settingsRepository';
import {createTaskRepository} from '../../server-bridge/src/storage/taskRepository';
import {freshStorage, type TestStorage} from '../../server-bridge/src/testing/engines';
import {faultScale} from '../../server-bridge/src/testing/faultScale';
import {startThrowawayPostgres, type ThrowawayPostgres} from '../../server-bridge/src/testing/throwawayPostgres';
import {until} from '../../server-bridge/src/testing/until';
import type {RunningSimulator} from '../mattermost-sim/src/index';
import {findUserByUsername} from '../mattermost-sim/src/store/store';
import {type BridgeProcess, startBridgeProcess} from './bridgeProcess';
import {connectSandboxBridge, startSandboxSimulator} from './sandbox';
import {type DirectPost, sandboxClient} from './sandboxClient';

// Issue 9: any number of bridge replicas behind a load balancer on one
// PostgreSQL. Three `baton-bridge serve` processes (child processes, so a
// replica can really die) share one database and one simulated Mattermost:
// handoffs made through all three send each DM once; reminder jobs ticked on
// three replicas at the same moment remind once; a stream on one replica
// hears a change made through another; one replica at a time listens to
// Mattermost's WebSocket, and another takes over when it dies.
//
// The reminder jobs run in this process on three database handles of their
// own, at one fixed instant (a business day's afternoon in 2027): the
// replicas' schedulers tick on the real clock, which no test can move.

// 1,000 (the number) takes over three minutes on a busy 2-CPU machine: `make test` runs 200.
const HANDOFFS = faultScale(200, 1000);
/** People who hand off to each other (holder = the next one), all members of #patents. */
const PEOPLE = ['tanaka', 'sato', 'li', 'ivanova', 'smith'];
const silent = createLogger('silent');

describe('three bridge replicas on one PostgreSQL', () => {
  let ownPostgres: ThrowawayPostgres | undefined;
  let storage: TestStorage;
  let database: Database;
  let simulator: RunningSimulator;
  let replicas: BridgeProcess[] = [];
  let clients: Array<ReturnType<typeof sandboxClient>>;
  const extraHandles: Database[] = [];

  const botId = () => findUserByUsername(simulator.ctx.store, 'baton')?.id ?? '';
  const botSockets = () => simulator.ctx.hub.connectionsOf(botId()).length;
  const alive = () => replicas.filter((replica) => replica.child.exitCode === null && replica.child.signalCode === null);
  const leaders = () => alive().filter((replica) => replica.log.filter((line) => line.includes('this replica leads')).length > replica.log.filter((line) => line.includes('leadership lost')).length);
  const client = () => clients[0]!;
  /** DMs naming the task titled `title` (titles here are unique, and none is the start of another). */
  const about = (posts: DirectPost[], title: string) => posts.filter((post) => post.message.includes(` ${title}](`));

  beforeAll(async () => {
    // The build project has no global PostgreSQL; alone, this suite starts its own.
    if (!process.env.TEST_DATABASE_URL) {
      ownPostgres = await startThrowawayPostgres();
      process.env.TEST_DATABASE_URL = ownPostgres.url;
    }
    storage = await freshStorage('postgres');
    if (storage.config.engine !== 'postgres') throw new Error('expected PostgreSQL');
    // Migrated here first, so the replicas start on an up-to-date schema together.
    database = await openDatabase(storage.config);
    const started = await startSandboxSimulator();
    simulator = started.simulator;
    const env = {DATABASE_URL: storage.config.url, BATON_PG_POOL_SIZE: '6', BATON_LEADER_RETRY_MS: '500'};
    replicas = await Promise.all([0, 1, 2].map(() => startBridgeProcess(env)));
    const settings = createSettingsRepository(database.db);
    // One stored connection connects all three (Mattermost calls the first back: the load balancer's place).
    await connectSandboxBridge(simulator, started.organisation, {url: replicas[0]!.url, settings});
    clients = replicas.map((replica) => sandboxClient({simulator, bridge: {url: replica.url, settings, stop: async () => {}}, stop: async () => {}}));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    for (const handle of extraHandles) await handle.close();
    await database?.close();
    await simulator?.stop();
    await storage?.cleanup();
    ownPostgres?.stop();
  }, 60_000);

  it('listens to Mattermost as the bot from one replica only', async () => {
    await until(() => botSockets() === 1, 'the bot’s WebSocket', 30_000);
    // Several leadership retries later: still one.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(botSockets()).toBe(1);
    expect(leaders()).toHaveLength(1);
  });

  it(`sends each of ${HANDOFFS} handoffs made round-robin through the replicas as one DM`, async () => {
    const patents = client().channelId('patents');
    const handed: Array<{title: string; holder: string}> = [];
    let next = 0;
    // Eight at a time: a browser's worth of concurrency per replica and then some.
    const lane = async () => {
      while (next < HANDOFFS) {
        const index = next++;
        const from = PEOPLE[index % PEOPLE.length]!;
        const to = PEOPLE[(index + 1) % PEOPLE.length]!;
        const title = `Replica handoff ${index} of ${HANDOFFS}`;
        const created = await clients[index % 3]!.bridge(from, 'POST', '/tasks', {title, channelId: patents});
        expect(created.status).toBe(201);
        const key = String(created.body.key);
        // Handed off through the next replica: create and handoff never meet on one process.
        const handoff = await clients[(index + 1) % 3]!.bridge(from, 'POST', `/tasks/${key}/handoff`, {toUserId: client().userId(to)});
        expect(handoff.status).toBe(200);
        handed.push({title, holder: to});
      }
    };
    await Promise.all(Array.from({length: 8}, lane));
    expect(handed).toHaveLength(HANDOFFS);

    const handoffDms = async () => {
      const all = new Map<string, DirectPost[]>();
      for (const person of PEOPLE) all.set(person, await client().dms(person));
      return all;
    };
    const delivered = async () => {
      const all = await handoffDms();
      return handed.filter(({title, holder}) => about(all.get(holder) ?? [], title).length > 0).length;
    };
    await until(async () => (await delivered()) === HANDOFFS, `${HANDOFFS} handoff DMs`, 240_000);
    // The replicas' delivery workers keep polling: give a duplicate time to show.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const all = await handoffDms();
    const counts = handed.map(({title, holder}) => about(all.get(holder) ?? [], title).length);
    expect(counts.filter((count) => count !== 1)).toEqual([]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(HANDOFFS);
  }, 600_000);

  it('reminds once of each overdue deadline when all three replicas tick at the same moment', async () => {
    const patents = client().channelId('patents');
    // Each holds their own task (no handoff notice), due on a Friday; reminded the next Wednesday afternoon in New York and Moscow.
    const holders = ['smith', 'ivanova', 'admin'];
    const reminders: Array<{title: string; holder: string}> = [];
    for (let index = 0; index < 12; index += 1) {
      const holder = holders[index % holders.length]!;
      const title = `Replica reminder ${index} due`;
      const created = await clients[index % 3]!.bridge(holder, 'POST', '/tasks', {
        title,
        channelId: patents,
        holderId: client().userId(holder),
        deadlines: [{kind: 'internal', due: '2027-05-28'}],
      });
      expect(created.status).toBe(201);
      reminders.push({title, holder});
    }
    const now = instantOf('2027-06-02', '18:00', 'UTC');
    const schedulers: Scheduler[] = [];
    const failures: unknown[] = [];
    for (let replica = 0; replica < 3; replica += 1) {
      const handle = await openDatabase(storage.config);
      extraHandles.push(handle);
      const connection = connectionFromSettings(createSettingsRepository(handle.db));
      // The jobs decide at `now` (the tick's); what they enqueue is due at once on the real clock the replicas deliver by.
      const clock = {now: () => new Date()};
      schedulers.push(
        createScheduler({
          jobs: createReminderJobs({
            db: handle.db,
            tasks: createTaskRepository(handle.db),
            access: createChannelAccess({connection}),
            people: createUserPreferences({connection, logger: silent}),
            calendar: createBusinessCalendar({country: 'US'}),
            clock,
          }),
          clock,
          tickMs: 60_000,
          logger: {debug: () => undefined, error: (fields: unknown) => void failures.push(fields)},
        }),
      );
    }
    await Promise.all(schedulers.map((scheduler) => scheduler.tick(now)));
    expect(failures).toEqual([]);

    // A reminder names its one task; the day's digest (also sent at this tick) lists all of the holder's.
    const remindersOf = (posts: DirectPost[], title: string) => about(posts, title).filter((post) => (post.message.match(/ Replica reminder \d+ due\]\(/g) ?? []).length === 1);
    const reminded = async () => {
      let count = 0;
      for (const {title, holder} of reminders) count += remindersOf(await client().dms(holder), title).length;
      return count;
    };
    await until(async () => (await reminded()) >= reminders.length, 'a reminder for each overdue task', 60_000);
    // The replicas keep delivering: anything sent twice would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const {title, holder} of reminders) expect(remindersOf(await client().dms(holder), title)).toHaveLength(1);
    // Nothing else the jobs wrote (digests) went out twice either: no person got the same DM twice.
    for (const person of [...PEOPLE, 'admin']) {
      const messages = (await client().dms(person)).map((post) => post.message);
      expect(messages.length - new Set(messages).size).toBe(0);
    }
  }, 180_000);

  it('streams a change made through replica C to a client connected to replica A', async () => {
    const [replicaA, , replicaC] = replicas;
    const response = await fetch(`${replicaA!.url}/api/v1/stream`, {headers: {authorization: `Bearer ${await client().sessionToken('tanaka')}`}});
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = '';
    const created = await clients[2]!.bridge('sato', 'POST', '/tasks', {title: 'Seen on every replica', channelId: client().channelId('patents')});
    expect(created.status).toBe(201);
    expect(replicaC!.url).not.toBe(replicaA!.url);
    const timeout = setTimeout(() => void reader.cancel(), 30_000);
    while (!text.includes(String(created.body.id))) {
      const {value, done} = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    clearTimeout(timeout);
    expect(text).toContain(`event: task.changed\ndata: {"id":"${String(created.body.id)}","key":"${String(created.body.key)}"`);
    await reader.cancel();
  }, 60_000);

  it('ends a deactivated person’s streams on every replica, though only the leader hears Mattermost', async () => {
    const token = await client().sessionToken('li');
    const streams = await Promise.all(replicas.map((replica) => fetch(`${replica.url}/api/v1/stream`, {headers: {authorization: `Bearer ${token}`}})));
    const ended = streams.map((response) => {
      const reader = response.body!.getReader();
      return (async () => {
        for (;;) if ((await reader.read()).done) return true;
      })();
    });
    expect((await client().mattermost('admin', 'PUT', `/users/${client().userId('li')}/active`, {active: false})).status).toBe(200);
    const allEnded = await Promise.race([Promise.all(ended), new Promise<false>((resolve) => setTimeout(() => resolve(false), 30_000))]);
    expect(allEnded).toEqual([true, true, true]);
  }, 60_000);

  it('lets another replica take over Mattermost’s WebSocket when the leader dies', async () => {
    const [leader] = leaders();
    expect(leader).toBeDefined();
    await leader!.kill();
    // PostgreSQL ends the dead replica's session and its lock with it; a survivor takes the lock at its next try (500 ms) and connects.
    const connectedAsBot = (replica: BridgeProcess) => replica.log.some((line) => line.includes('listening to Mattermost events'));
    await until(() => leaders().length === 1 && connectedAsBot(leaders()[0]!) && botSockets() === 1, 'a new leader connected as the bot', 60_000);
    expect(leaders()[0]).not.toBe(leader);
    // And the survivors still serve: a handoff through one is delivered once.
    const survivor = clients[replicas.indexOf(alive()[0]!)]!;
    const title = 'After the takeover';
    const created = await survivor.bridge('tanaka', 'POST', '/tasks', {title, channelId: client().channelId('patents')});
    expect((await survivor.bridge('tanaka', 'POST', `/tasks/${String(created.body.key)}/handoff`, {toUserId: client().userId('sato')})).status).toBe(200);
    const posts = await client().dmsWhen('sato', (all) => about(all, title).length > 0, 30_000);
    expect(about(posts, title)).toHaveLength(1);
  }, 120_000);
});
