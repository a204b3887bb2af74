import type {FastifyInstance} from 'fastify';
import {taskChangedEventSchema} from '../../contract';
import {createInProcessFeed} from '../../domain/live/inProcessFeed';
import {createLiveUpdates, type LiveUpdates} from '../../domain/live/liveUpdates';
import {publishingChanges} from '../../domain/live/publishingChanges';
import type {Caller} from '../../domain/tasks/task';
import {createTaskService, type TaskService} from '../../domain/tasks/taskService';
import {createLogger} from '../../logging/logger';
import {type Database, openDatabase} from '../../storage/database';
import {createTaskRepository} from '../../storage/taskRepository';
import {freshStorage, type TestStorage} from '../../testing/engines';
import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {mmId} from '../../testing/mattermostIds';
import {issueSessionToken, verifySessionToken} from '../bridgeSession';
import {registerAuthenticatedRoutes} from '../requireCaller';
import {buildHttpServer} from '../server';
import {registerStreamRoutes} from './stream';
import {until} from '../../testing/until';

// GET /api/v1/stream over a real socket, fed by task changes committed on a
// real store: each change reaches the subscribers who may see the task and
// nobody else, heartbeats keep it open, and closing the server ends it.

const key = new Uint8Array(32).fill(9);
const [sato, tanaka, outsider, guestIn, guestOut] = [mmId('sato'), mmId('tanaka'), mmId('outsider'), mmId('guest-in'), mmId('guest-out')];
const [patents, client, lobby] = [mmId('patents'), mmId('client-acme'), mmId('lobby')];
const access = fakeChannelAccess({
  channels: {
    [patents]: {name: 'patents', members: [sato, tanaka, guestIn]},
    [client]: {name: 'client-acme', members: [sato, guestOut]},
    // Everyone: a task here is a marker every subscriber sees, after whatever came before it.
    [lobby]: {name: 'lobby', members: [sato, tanaka, outsider, guestIn, guestOut]},
  },
});
const person = (userId: string): Caller => ({userId, guest: false});

interface StreamEvent {
  event: string;
  data: Record<string, unknown>;
}

/** An SSE reader over fetch, as the webapp reads the stream: events, comments, and whether it ended. */
async function openStream(url: string, token: string) {
  const response = await fetch(`${url}/api/v1/stream`, {headers: {authorization: `Bearer ${token}`, origin: 'https://chat.example.com'}});
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: StreamEvent[] = [];
  const comments: string[] = [];
  let buffer = '';
  let ended = false;
  const reading = (async () => {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, {stream: true});
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        comments.push(...lines.filter((line) => line.startsWith(':')).map((line) => line.slice(1).trim()));
        const name = lines.find((line) => line.startsWith('event: '))?.slice(7);
        const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
        if (name && data) events.push({event: name, data: JSON.parse(data) as Record<string, unknown>});
      }
    }
    ended = true;
  })().catch(() => {
    ended = true;
  });
  return {
    response,
    events,
    comments,
    reading,
    ended: () => ended,
    cancel: () => reader.cancel(),
    ids: () => events.filter((event) => event.event === 'task.changed').map((event) => event.data.id),
  };
}

describe('the live change stream', () => {
  let storage: TestStorage;
  let database: Database;
  let server: FastifyInstance;
  let tasks: TaskService;
  let live: LiveUpdates;
  let url: string;
  const tokens: Record<string, string> = {};
  const streams: Record<string, Awaited<ReturnType<typeof openStream>>> = {};

  /** Creates a task everyone sees and waits until it reached every stream: what came before it has too. */
  async function settle(): Promise<string> {
    const marker = await tasks.create(person(sato), {title: 'marker', channelId: lobby});
    await until(() => Object.values(streams).every((stream) => stream.ids().includes(marker.id)), 'the marker');
    return marker.id;
  }
  /** The task ids a subscriber heard, markers left out. */
  const heard = async (name: string) => {
    const markers = new Set<unknown>();
    for (const stream of Object.values(streams)) for (const event of stream.events) if (event.data.channelId === lobby) markers.add(event.data.id);
    return streams[name]!.ids().filter((id) => !markers.has(id));
  };

  beforeAll(async () => {
    storage = await freshStorage('postgres');
    database = await openDatabase(storage.config);
    const feed = createInProcessFeed();
    tasks = createTaskService({store: publishingChanges(createTaskRepository(database.db), feed), access, clock: {now: () => new Date()}});
    live = createLiveUpdates({feed, access});
    server = buildHttpServer({
      logger: createLogger('silent'),
      isStarted: () => true,
      readiness: {check: async () => ({engine: 'postgres'})},
      allowedOrigin: async () => 'https://chat.example.com',
      routes: [(http) => registerAuthenticatedRoutes(http, (token) => verifySessionToken(key, token), (api) => registerStreamRoutes(api, () => ({live}), {heartbeatMs: 100}))],
    });
    await server.listen({host: '127.0.0.1', port: 0});
    const address = server.server.address();
    url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    for (const [name, userId, guest] of [['sato', sato, false], ['tanaka', tanaka, false], ['outsider', outsider, false], ['guestIn', guestIn, true], ['guestOut', guestOut, true]] as const) {
      tokens[name] = (await issueSessionToken(key, {userId, guest})).token;
      streams[name] = await openStream(url, tokens[name]);
    }
  });
  afterAll(async () => {
    for (const stream of Object.values(streams)) await stream.cancel().catch(() => undefined);
    await server?.close();
    await database?.close();
    await storage?.cleanup();
  });

  it('answers as an event stream the webapp on Mattermost’s pages may read', () => {
    const {response} = streams.tanaka!;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://chat.example.com');
  });

  it('refuses a caller without a session (the token goes in the header, never the URL)', async () => {
    expect((await fetch(`${url}/api/v1/stream`)).status).toBe(401);
    const inUrl = await fetch(`${url}/api/v1/stream?access_token=${tokens.tanaka}`);
    expect([inUrl.status, await inUrl.json()]).toEqual([401, expect.objectContaining({id: 'baton.unauthorized'})]);
  });

  it('tells members of the task’s channel (guests included) of a change, and nobody else', async () => {
    const task = await tasks.create(person(sato), {title: 'Draft the response', channelId: patents, holderId: tanaka});
    await settle();
    const told = streams.tanaka!.events.find((event) => event.data.id === task.id);
    expect(told).toEqual({event: 'task.changed', data: {id: task.id, key: task.key, channelId: patents, version: 1, kinds: ['created']}});
    expect(taskChangedEventSchema.safeParse(told?.data).success).toBe(true);
    expect(await heard('sato')).toEqual([task.id]);
    expect(await heard('guestIn')).toEqual([task.id]);
    expect(await heard('outsider')).toEqual([]);
    expect(await heard('guestOut')).toEqual([]);
  });

  it('tells a guest of changes in their own channel only', async () => {
    const before = await heard('guestOut');
    const task = await tasks.create(person(sato), {title: 'Client review', channelId: client});
    await settle();
    expect(await heard('guestOut')).toEqual([...before, task.id]);
    expect(await heard('tanaka')).not.toContain(task.id);
  });

  it('tells a personal task’s creator, holder and watchers, never guests', async () => {
    const task = await tasks.create(person(sato), {title: 'My own follow-up', watcherIds: [tanaka]});
    await settle();
    expect(await heard('tanaka')).toContain(task.id);
    expect(await heard('sato')).toContain(task.id);
    for (const name of ['outsider', 'guestIn', 'guestOut']) expect(await heard(name)).not.toContain(task.id);
  });

  it('names the kinds of a change and the version after it; a refused change says nothing', async () => {
    const task = await tasks.create(person(sato), {title: 'Handed over', channelId: patents, holderId: sato});
    await tasks.handOff(person(sato), task.key, {toUserId: tanaka, comment: 'Please check the claims'});
    await expect(tasks.handOff(person(tanaka), task.key, {toUserId: sato, expectedVersion: 1})).rejects.toMatchObject({id: 'baton.conflict.version'});
    await settle();
    const aboutIt = streams.tanaka!.events.filter((event) => event.data.id === task.id).map((event) => event.data);
    expect(aboutIt).toEqual([
      {id: task.id, key: task.key, channelId: patents, version: 1, kinds: ['created']},
      {id: task.id, key: task.key, channelId: patents, version: 2, kinds: ['handed_off', 'commented']},
    ]);
  });

  it('sends a heartbeat comment while nothing changes', async () => {
    await until(() => streams.outsider!.comments.includes('heartbeat'), 'a heartbeat');
  });

  it('ends the streams of a deactivated account', async () => {
    const second = await openStream(url, tokens.guestOut!);
    live.endAll(guestOut);
    await Promise.all([streams.guestOut!.reading, second.reading]);
    expect([streams.guestOut!.ended(), second.ended(), streams.tanaka!.ended()]).toEqual([true, true, false]);
    delete streams.guestOut;
  });

  it('ends every open stream when the server closes, without waiting for the clients', async () => {
    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise((resolve) => (timer = setTimeout(() => resolve('hung'), 3000)));
    await expect(Promise.race([server.close().then(() => 'closed'), hung])).resolves.toBe('closed');
    clearTimeout(timer);
    await Promise.all(Object.values(streams).map((stream) => stream.reading));
    expect(Object.values(streams).every((stream) => stream.ended())).toBe(true);
  });
});
