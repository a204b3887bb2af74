import {sql} from 'kysely';
import type {ChangeFeed, ChangeMessage, LiveTask} from '../domain/live/ports';
import {freshStorage, type TestStorage} from '../testing/engines';
import {until} from '../testing/until';
import {type Database, openDatabase} from './database';
import {createPostgresChangeFeed, pack} from './postgresChangeFeed';
import {createPostgresNotifications, NOTIFICATIONS_APPLICATION_NAME, type PostgresNotifications} from './postgresNotifications';

// The live feed shared by replicas on one PostgreSQL: what one publishes,
// every one hears (itself included, through LISTEN), in one order; messages
// too large for a notification arrive whole; a lost LISTEN connection is
// reopened and its subscribers told to resync.

const quiet = {info: () => {}, warn: () => {}};
const task = (id: string, watcherIds: string[] = []): LiveTask => ({id, key: `PAT-${id}`, channelId: 'patents', version: 1, creatorId: 'sato', holderId: null, watcherIds});
const changed = (id: string, watcherIds: string[] = []): ChangeMessage => ({type: 'task.changed', task: task(id, watcherIds), kinds: ['created']});
const idsOf = (messages: ChangeMessage[]) => messages.map((message) => (message.type === 'task.changed' ? message.task.id : message.type));

interface Replica {
  database: Database;
  notifications: PostgresNotifications;
  feed: ChangeFeed;
  heard: ChangeMessage[];
}

describe('the PostgreSQL change feed', () => {
  let storage: TestStorage;
  const replicas: Replica[] = [];

  async function replica(): Promise<Replica> {
    if (storage.config.engine !== 'postgres') throw new Error('expected PostgreSQL');
    const database = await openDatabase(storage.config);
    const notifications = createPostgresNotifications({url: storage.config.url, logger: quiet, backoff: {baseMs: 50, capMs: 200}});
    const feed = createPostgresChangeFeed({db: database.db, notifications});
    const heard: ChangeMessage[] = [];
    feed.subscribe((message) => heard.push(message));
    await notifications.start();
    const started = {database, notifications, feed, heard};
    replicas.push(started);
    return started;
  }

  beforeAll(async () => {
    storage = await freshStorage('postgres');
  });
  afterAll(async () => {
    for (const {notifications, database} of replicas) {
      await notifications.stop();
      await database.close();
    }
    await storage?.cleanup();
  });

  it('tells every replica, the publishing one included, and in the same order on each', async () => {
    const [a, c] = [await replica(), await replica()];
    a.heard.length = 0;
    c.heard.length = 0;
    // Both publish at once: whatever order PostgreSQL commits, both replicas hear that one.
    await Promise.all(Array.from({length: 20}, (_, index) => (index % 2 === 0 ? a : c).feed.publish([changed(`t${index}`)])));
    await until(() => a.heard.length === 20 && c.heard.length === 20, 'twenty changes on both replicas', 15_000);
    expect(idsOf(a.heard)).toEqual(idsOf(c.heard));
    expect(new Set(idsOf(a.heard)).size).toBe(20);
  });

  it('splits a large transaction into several notifications that arrive together, in order', async () => {
    const [a, c] = [await replica(), await replica()];
    // About 150 bytes each: 300 of them are several times the 8000-byte limit.
    const messages = Array.from({length: 300}, (_, index) => changed(`bulk${index}`, [`watcher-${index}`]));
    expect(pack(messages, 7999).length).toBeGreaterThan(3);
    await a.feed.publish(messages);
    await until(() => c.heard.length === 300, 'three hundred changes', 15_000);
    expect(idsOf(c.heard)).toEqual(idsOf(messages));
    expect(c.heard[7]).toEqual(messages[7]);
  });

  it('delivers a single message larger than a notification whole, between its neighbours', async () => {
    const [a, c] = [await replica(), await replica()];
    // A task with 3,000 watchers: about 90 kB of JSON.
    const crowded = changed('crowded', Array.from({length: 3000}, (_, index) => `watcher-${String(index).padStart(20, '0')}`));
    expect(Buffer.byteLength(JSON.stringify(crowded))).toBeGreaterThan(80_000);
    await a.feed.publish([changed('before'), crowded, changed('after')]);
    await until(() => c.heard.length === 3, 'three changes', 15_000);
    expect(idsOf(c.heard)).toEqual(['before', 'crowded', 'after']);
    expect(c.heard[1]).toEqual(crowded);
  });

  it('tells subscribers to resync once the LISTEN connection is back after a loss, and keeps delivering', async () => {
    const [a, c] = [await replica(), await replica()];
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${NOTIFICATIONS_APPLICATION_NAME} and datname = current_database()`.execute(a.database.db);
    // Every replica lost its connection: each hears a resync once it listens again.
    await until(() => a.heard.some((message) => message.type === 'resync') && c.heard.some((message) => message.type === 'resync'), 'a resync on both replicas', 15_000);
    await until(() => a.notifications.listening() && c.notifications.listening(), 'both listening again', 15_000);
    await a.feed.publish([changed('afterwards')]);
    await until(() => idsOf(c.heard).includes('afterwards'), 'a change after the reconnect', 15_000);
  });
});

describe('packing messages into notifications', () => {
  it('keeps order, fills each notification under the limit and stores only what cannot fit alone', () => {
    const small = Array.from({length: 10}, (_, index) => changed(`s${index}`));
    const huge = changed('huge', Array.from({length: 100}, (_, index) => `w${index}`));
    const groups = pack([...small.slice(0, 5), huge, ...small.slice(5)], 700);
    const flattened = groups.flatMap((group) => (group.kind === 'inline' ? group.messages : [group.message]));
    expect(idsOf(flattened)).toEqual(['s0', 's1', 's2', 's3', 's4', 'huge', 's5', 's6', 's7', 's8', 's9']);
    expect(groups.filter((group) => group.kind === 'stored')).toEqual([{kind: 'stored', message: huge}]);
    for (const group of groups) {
      if (group.kind === 'inline') expect(Buffer.byteLength(JSON.stringify({n: 1_000_000, messages: group.messages}))).toBeLessThanOrEqual(700);
    }
    expect(groups.length).toBeGreaterThan(3);
  });
});
