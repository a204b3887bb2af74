import {sql} from 'kysely';
import {startSimulator, type RunningSimulator} from '../../../build/mattermost-sim/src/index';
import {seedDemoOrganisation, type DemoOrganisation} from '../../../build/mattermost-sim/src/seed/demoOrganisation';
import {createAccessToken, createBot, updateUser} from '../../../build/mattermost-sim/src/services/users';
import type {Post} from '../../../build/mattermost-sim/src/store/entities';
import type {ClaimedNotice, Notice} from '../domain/notices/ports';
import {createLogger} from '../logging/logger';
import {createBotPosts, createNoticeDeliverer, NOTICE_KEY_PROP} from '../mattermost/posts';
import {type Database, openDatabase} from '../storage/database';
import {createOutboxQueue, createOutboxWriter} from '../storage/outboxRepository';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {composingDeliverer} from './noticeComposer';
import {backoffDelayMs, createDeliveryWorker, type DeliverNotice, type DeliveryWorkerOptions} from './deliveryWorker';

// The outbox end to end, on both engines and over real HTTP against the
// Mattermost simulator: every notice committed reaches Mattermost exactly
// once — through outages, crashes after posting and claimers that die.

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('backoff between attempts', () => {
  const backoff = {baseMs: 1000, capMs: 60_000};

  it('doubles per failed attempt up to the cap', () => {
    expect([1, 2, 3, 4, 7, 8, 50].map((attempts) => backoffDelayMs(attempts, backoff, () => 1))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });

  it('jitters each wait to between half and all of it, so notices that failed together do not retry together', () => {
    expect(backoffDelayMs(3, backoff, () => 0)).toBe(2000);
    expect(backoffDelayMs(3, backoff, () => 0.5)).toBe(3000);
    expect(new Set(Array.from({length: 20}, () => backoffDelayMs(5, backoff, Math.random))).size).toBeGreaterThan(1);
  });
});

describe.each(engineNames)('delivering the outbox to Mattermost on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let sim: RunningSimulator;
  let org: DemoOrganisation;
  let botToken: string;
  let deliver: DeliverNotice;
  const logLines: string[] = [];
  const people = ['tanaka', 'sato', 'li', 'ivanova', 'smith'];

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    sim = await startSimulator({idSeed: `outbox-${engine}`});
    org = seedDemoOrganisation(sim.ctx);
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.users.admin?.id ?? ''});
    updateUser(sim.ctx, bot.user_id, {roles: 'system_user system_admin'});
    botToken = createAccessToken(sim.ctx, bot.user_id, 'bridge').token;
    const connection = {get: async () => ({url: sim.url, botUserId: bot.user_id, botToken, commandTokens: []})};
    // These notices are written when enqueued: composing passes them through.
    const postsOnly = async (notice: Notice) => {
      if (notice.kind !== 'direct_post' && notice.kind !== 'channel_post') throw new Error(`unexpected ${notice.kind}`);
      return notice;
    };
    deliver = composingDeliverer(postsOnly, createNoticeDeliverer({posts: createBotPosts({connection, timeoutMs: 2000})}));
  });
  afterAll(async () => {
    await sim?.stop();
    await database?.close();
    await storage?.cleanup();
  });
  beforeEach(async () => {
    await sql`delete from outbox`.execute(database.db);
    await fetch(`${sim.url}/__sim/faults`, {method: 'DELETE'});
    logLines.length = 0;
  });

  const queue = () => createOutboxQueue(database.db);
  const worker = (options: Partial<DeliveryWorkerOptions> = {}) =>
    createDeliveryWorker({
      queue: queue(),
      deliver,
      clock: {now: () => new Date()},
      backoff: {baseMs: 50, capMs: 400},
      pollMs: 200,
      logger: createLogger('debug', {write: (line: string) => logLines.push(line)}),
      ...options,
    });
  const handoff = (key: string, to = 'sato'): Extract<Notice, {kind: 'direct_post'}> => ({kind: 'direct_post', userId: org.users[to]?.id ?? '', idempotencyKey: key, post: {message: `${key}: the baton is yours`}});
  /** Commits the notice (as a service would, with its state change), then wakes the worker. */
  const commit = async (notice: Notice, wake: () => void = () => undefined) => {
    await database.db.transaction().execute((trx) => createOutboxWriter(trx).enqueue(notice));
    wake();
  };
  /** The DMs each person received, by notice key, as Mattermost's inspection API lists them. */
  const dmKeys = async (): Promise<string[]> => {
    const keys: string[] = [];
    for (const person of people) {
      const dms = (await (await fetch(`${sim.url}/__sim/dms?user=${person}`)).json()) as Post[];
      keys.push(...dms.map((post) => String(post.props[NOTICE_KEY_PROP])));
    }
    return keys;
  };
  const copiesOf = async (key: string) => (await dmKeys()).filter((candidate) => candidate === key).length;
  const allDelivered = async () => {
    const health = await queue().pending();
    return health.undelivered === 0 && health.failed === 0;
  };

  it('delivers a notice as soon as it is woken after the commit, not at the next poll', async () => {
    const running = worker({pollMs: 60_000});
    running.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const committedAt = Date.now();
      await commit(handoff('woken'), running.wake);
      await waitFor('the notice is delivered', allDelivered, 5000);
      expect(Date.now() - committedAt).toBeLessThan(5000);
    } finally {
      await running.stop();
    }
    expect(await copiesOf('woken')).toBe(1);
  });

  it('rides out an outage: 50 notices committed while Mattermost answers 503 all arrive exactly once after it recovers', async () => {
    // The outage lasts until every notice is committed, and 3 s more: it is
    // cleared by hand, not by a timer, so a busy machine cannot end it early.
    const outageMs = 3000;
    await fetch(`${sim.url}/__sim/faults`, {method: 'POST', body: JSON.stringify({status: 503})});
    const running = worker();
    running.start();
    const keys = Array.from({length: 50}, (_, i) => `outage:${engine}:${i}`);
    try {
      for (const [i, key] of keys.entries()) await commit(handoff(key, people[i % people.length]), running.wake);
      await new Promise((resolve) => setTimeout(resolve, outageMs));
      await fetch(`${sim.url}/__sim/faults`, {method: 'DELETE'});
      await waitFor('every notice is delivered', allDelivered, outageMs + 15_000);
    } finally {
      await running.stop();
      await fetch(`${sim.url}/__sim/faults`, {method: 'DELETE'});
    }
    // 0 lost, 0 duplicated.
    const delivered = (await dmKeys()).filter((key) => key.startsWith(`outage:${engine}:`));
    expect(delivered.sort()).toEqual([...keys].sort());
    const rows = await database.db.selectFrom('outbox').select(['attempts', 'delivered_at', 'last_error']).execute();
    expect(rows).toHaveLength(50);
    expect(Math.max(...rows.map((row) => row.attempts))).toBeGreaterThan(1);
    expect(rows.every((row) => row.delivered_at !== null && row.last_error === null)).toBe(true);
    // The outage was logged, without the bot's token.
    expect(logLines.some((line) => line.includes('notice delivery failed; will retry') && line.includes('503'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(botToken);
  });

  it('adopts the post when the bridge dies after posting and before recording it: no duplicate', async () => {
    let crashes = 1;
    const postsThenDies: DeliverNotice = async (claimed) => {
      const receipt = await deliver(claimed);
      if (crashes-- > 0) throw new Error('bridge killed after POST /posts, before markDelivered');
      return receipt;
    };
    const running = worker({deliver: postsThenDies});
    running.start();
    try {
      await commit(handoff('crash-after-post', 'li'), running.wake);
      await waitFor('the notice is delivered', allDelivered);
    } finally {
      await running.stop();
    }
    expect(await copiesOf('crash-after-post')).toBe(1);
    const row = await database.db.selectFrom('outbox').select(['attempts', 'result']).executeTakeFirstOrThrow();
    const [post] = [...sim.ctx.store.posts.values()].filter((candidate) => candidate.props[NOTICE_KEY_PROP] === 'crash-after-post');
    expect(row).toEqual({attempts: 2, result: {postId: post?.id, channelId: post?.channel_id, adopted: true}});
  });

  it('lets another worker take over a notice whose claimer died mid-delivery, once the lease runs out', async () => {
    await commit(handoff('claimer-died', 'ivanova'));
    // Worker A claims and posts, then its process dies: nothing is recorded.
    const [claimed] = await queue().claimDue(new Date(), 10);
    await deliver(claimed as ClaimedNotice);
    // Worker B (another replica, or A restarted) sees nothing until the lease (2 min) ends.
    expect(await worker().runOnce()).toBe(0);
    const afterLease = worker({clock: {now: () => new Date(Date.now() + 121_000)}});
    expect(await afterLease.runOnce()).toBe(1);
    expect(await allDelivered()).toBe(true);
    expect(await copiesOf('claimer-died')).toBe(1);
    const row = await database.db.selectFrom('outbox').select('result').executeTakeFirstOrThrow();
    expect(row.result).toMatchObject({adopted: true});
  });

  it('records a notice Mattermost refuses for good, with the reason, and does not retry it', async () => {
    const running = worker();
    await commit({...handoff('refused'), userId: 'nosuchuser0000000000000000'});
    await commit(handoff('fine-after-refused', 'smith'));
    expect(await running.runOnce()).toBe(2);
    expect(await queue().pending()).toEqual({undelivered: 0, failed: 1, oldestUndeliveredAt: null});
    const refused = await database.db.selectFrom('outbox').select(['last_error', 'next_attempt_at', 'delivered_at']).where('idempotency_key', '=', 'refused').executeTakeFirstOrThrow();
    expect(refused).toEqual({
      last_error: 'UndeliverableNoticeError: Mattermost answered 400 to POST /channels/direct (api.channel.create_direct_channel.invalid_user.app_error)',
      next_attempt_at: null,
      delivered_at: null,
    });
    expect(await worker({clock: {now: () => new Date(Date.now() + 86_400_000)}}).runOnce()).toBe(0);
    expect(logLines.some((line) => line.includes('notice refused by Mattermost; not retrying'))).toBe(true);
    expect(await copiesOf('fine-after-refused')).toBe(1);
  });

  it('stops only after the deliveries in flight are recorded', async () => {
    let deliveryStarted: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (deliveryStarted = resolve));
    const slow: DeliverNotice = async (claimed) => {
      deliveryStarted();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return deliver(claimed);
    };
    const running = worker({deliver: slow});
    running.start();
    await commit(handoff('in-flight', 'tanaka'), running.wake);
    await started;
    await running.stop();
    expect(await allDelivered()).toBe(true);
    expect(await copiesOf('in-flight')).toBe(1);
  });
});
