import {execFileSync} from 'node:child_process';
import {createServer, type IncomingHttpHeaders, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {WEBHOOK_EVENT_TYPES, webhookPayloadSchema} from '../contract/webhooks';
import {createTaskService, type TaskService} from '../domain/tasks/taskService';
import type {WebhookSubscription} from '../domain/webhooks/ports';
import {createLogger} from '../logging/logger';
import {type Database, openDatabase} from '../storage/database';
import {createOutboxQueue} from '../storage/outboxRepository';
import {createTaskRepository} from '../storage/taskRepository';
import {createWebhookRepository} from '../storage/webhookRepository';
import {engineNames, freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {createDeliveryWorker, type DeliveryWorker} from './deliveryWorker';
import {createWebhookSender, webhooksFirst} from './webhookSender';

// Webhook deliveries end to end, on both engines and over real HTTP to a
// receiver on 127.0.0.1: a committed change is POSTed, signed so that an
// independent HMAC implementation (openssl) verifies it over the exact bytes
// received; a 5xx is retried after the worker's backoff, a 410 or a redirect
// is given up, and each attempt's status is recorded on the delivery and as
// the subscription's last status.

const SECRET = 'whsec_c2VjcmV0LWZvci10ZXN0cy1vbmx5';
const [sato, li, root] = [mmId('sato'), mmId('li'), mmId('root')];
const patents = mmId('patents');
const access = fakeChannelAccess({channels: {[patents]: {name: 'patents', members: [sato, li]}}, usernames: {[sato]: 'sato'}});

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A receiver answering each request with the next scripted status (the last one repeats); `hang` never answers. */
async function startReceiver(): Promise<{url: string; received: Received[]; script: Array<number | 'hang'>; stop(): Promise<void>}> {
  const received: Received[] = [];
  const script: Array<number | 'hang'> = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8')});
      const next = (script.length > 1 ? script.shift() : script[0]) ?? 200;
      if (next === 'hang') return;
      if (next >= 300 && next < 400) response.setHeader('location', 'https://elsewhere.example.com/hook');
      response.writeHead(next, {'content-type': 'text/plain'}).end(next >= 400 ? `status ${next}` : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/baton`,
    received,
    script,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** HMAC-SHA256 by openssl, not by Node: what a receiver in any other language would compute. */
function opensslSignature(secret: string, signed: string): string {
  const output = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret], {input: signed}).toString('utf8').trim();
  return `v1=${output.split(/\s+/).at(-1) ?? ''}`;
}

describe.each(engineNames)('webhook delivery on the %s engine', (engine) => {
  let storage: TestStorage;
  let database: Database;
  let tasks: TaskService;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let worker: DeliveryWorker;
  // The task store enqueues at the real time, so the worker's clock starts
  // after it (whole seconds: the signature's timestamp is in seconds). A fixed
  // date here stopped the worker finding anything due once that date passed.
  let now = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000);
  let subscriptionCount = 0;
  let subscriptionId = '';

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    receiver = await startReceiver();
    const clock = {now: () => now};
    tasks = createTaskService({store: createTaskRepository(database.db), access, clock});
    worker = createDeliveryWorker({
      queue: createOutboxQueue(database.db),
      deliver: webhooksFirst(createWebhookSender({log: createWebhookRepository(database.db), timeoutMs: 500, maxAttempts: 3, now: clock.now}), async () => {
        throw new Error('only webhooks are enqueued here');
      }),
      clock,
      // random 0: a retry waits exactly half the ceiling (1 s after the first failure).
      backoff: {baseMs: 2000, capMs: 60_000},
      random: () => 0,
      pollMs: 60_000,
      logger: createLogger('silent'),
    });
  });
  afterAll(async () => {
    await receiver?.stop();
    await database?.close();
    await storage?.cleanup();
  });
  beforeEach(async () => {
    now = new Date(now.getTime() + 3_600_000);
    receiver.received.length = 0;
    receiver.script.length = 0;
    await database.db.updateTable('webhook_subscriptions').set({disabled_at: now}).where('disabled_at', 'is', null).execute();
    const subscription: WebhookSubscription = {
      id: `sub-${++subscriptionCount}`,
      channelId: patents,
      url: receiver.url,
      eventTypes: [...WEBHOOK_EVENT_TYPES],
      createdBy: root,
      createdAt: now,
      disabledAt: null,
      lastStatus: null,
      lastAttemptAt: null,
      lastError: null,
    };
    await createWebhookRepository(database.db).insertSubscription(subscription, SECRET, {actor: {userId: root, guest: false}, at: now});
    subscriptionId = subscription.id;
  });

  const subscription = () => database.db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', subscriptionId).executeTakeFirstOrThrow();
  const deliveries = () => database.db.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId).execute();

  it('POSTs the change as signed JSON that openssl verifies over the exact bytes received', async () => {
    const task = await tasks.create({userId: sato, guest: false}, {title: 'Office action response', channelId: patents, holderId: li});
    expect(await worker.runOnce()).toBe(1);

    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error('nothing received');
    expect(request.path).toBe('/hooks/baton');
    expect(request.headers['content-type']).toBe('application/json');
    const timestamp = request.headers['x-baton-timestamp'] as string;
    expect(Number(timestamp)).toBe(Math.floor(now.getTime() / 1000));
    expect(request.headers['x-baton-signature']).toBe(opensslSignature(SECRET, `${timestamp}.${request.body}`));
    // Any change to the body breaks the signature.
    expect(request.headers['x-baton-signature']).not.toBe(opensslSignature(SECRET, `${timestamp}.${request.body.replace('Office', 'Offic3')}`));

    const payload = webhookPayloadSchema.parse(JSON.parse(request.body));
    const [delivery] = await deliveries();
    expect(payload).toMatchObject({
      schemaVersion: 1,
      id: delivery?.id,
      type: 'task.created',
      occurredAt: now.toISOString(),
      actor: {userId: sato, source: 'user'},
      channelId: patents,
      data: {task: {id: task.id, key: task.key, title: 'Office action response', holderId: li, status: {id: 'open', category: 'open'}, createdAt: now.toISOString(), version: 1}},
    });
    expect(delivery).toMatchObject({attempts: 1, last_status: 200, last_error: null, delivered_at: now, gave_up_at: null});
    expect(await subscription()).toMatchObject({last_status: 200, last_attempt_at: now, last_error: null});
  });

  it('retries a 500 after the backoff with the same delivery, then records the success', async () => {
    receiver.script.push(500, 200);
    await tasks.create({userId: sato, guest: false}, {title: 'Renewal fee', channelId: patents});
    expect(await worker.runOnce()).toBe(1);
    expect(await deliveries()).toMatchObject([{attempts: 1, last_status: 500, last_error: 'HTTP 500: status 500', delivered_at: null, gave_up_at: null}]);
    expect(await subscription()).toMatchObject({last_status: 500});

    // Not before the backoff (1 s here) has passed.
    expect(await worker.runOnce()).toBe(0);
    now = new Date(now.getTime() + 1_000);
    expect(await worker.runOnce()).toBe(1);

    const [first, second] = receiver.received;
    expect(JSON.parse(second?.body ?? '{}').id).toBe(JSON.parse(first?.body ?? '{}').id);
    expect(second?.headers['x-baton-signature']).toBe(opensslSignature(SECRET, `${second?.headers['x-baton-timestamp'] as string}.${second?.body ?? ''}`));
    expect(await deliveries()).toMatchObject([{attempts: 2, last_status: 200, last_error: null, delivered_at: now}]);
    expect(await subscription()).toMatchObject({last_status: 200, last_error: null});
  });

  it('gives up at once on 410 Gone, and on a redirect, which it does not follow', async () => {
    receiver.script.push(410);
    await tasks.create({userId: sato, guest: false}, {title: 'Withdrawn case', channelId: patents});
    await worker.runOnce();
    expect(await deliveries()).toMatchObject([{attempts: 1, last_status: 410, delivered_at: null, gave_up_at: now}]);
    expect(await subscription()).toMatchObject({last_status: 410, last_error: 'HTTP 410: status 410'});

    receiver.script.length = 0;
    receiver.script.push(302);
    await tasks.create({userId: sato, guest: false}, {title: 'Moved receiver', channelId: patents});
    await worker.runOnce();
    expect(receiver.received).toHaveLength(2);
    expect(await subscription()).toMatchObject({last_status: 302, last_error: 'HTTP 302 (redirects are not followed)'});

    now = new Date(now.getTime() + 3_600_000);
    expect(await worker.runOnce()).toBe(0);
    expect(receiver.received).toHaveLength(2);
    expect((await deliveries()).map((row) => row.gave_up_at !== null)).toEqual([true, true]);
  });

  it('retries a receiver that does not answer in time, and gives up after the last attempt', async () => {
    receiver.script.push('hang');
    await tasks.create({userId: sato, guest: false}, {title: 'Slow receiver', channelId: patents});
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await worker.runOnce()).toBe(1);
      now = new Date(now.getTime() + 60_000);
    }
    expect(await worker.runOnce()).toBe(0);
    expect(receiver.received).toHaveLength(3);
    expect(await deliveries()).toMatchObject([{attempts: 3, last_status: null, last_error: 'no answer within 500 ms (gave up after 3 attempts)'}]);
    expect((await deliveries())[0]?.gave_up_at).not.toBeNull();
  });
});
