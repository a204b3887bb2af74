import type {Caller} from '../domain/tasks/task';
import {createTaskService} from '../domain/tasks/taskService';
import {createChannelAccess} from '../mattermost/channelAccess';
import type {MattermostClient} from '../mattermost/client';
import {CONNECTION_SETTING, connectionFromSettings} from '../mattermost/connection';
import {freshStorage, type TestStorage} from '../testing/engines';
import {type Database, openDatabase} from './database';
import {createSettingsRepository} from './settingsRepository';
import {createTaskRepository} from './taskRepository';

// The embedded engine is one connection, and a transaction holds it until it
// ends. A handoff asks Mattermost whether the caller may see the task inside
// its transaction; when both the membership cache and the cached connection
// record have expired, reaching Mattermost needs the connection record from
// the database. Read through the pool, that waited forever for the connection
// the transaction held, and the embedded bridge stopped answering about 30 s
// into a load (the membership cache's lifetime). Here the clock jumps past
// both caches instead of waiting for them.

const CHANNEL = 'channel-handoffs';
const PEOPLE = Array.from({length: 16}, (_, index) => `person-${index}`);
/** Generous: a deadlock never answers; a slow shared machine answers in seconds. */
const ANSWER_WITHIN_MS = 60_000;

/** Mattermost as the bot sees it: everyone is in the one channel. */
const mattermost: MattermostClient = {
  getUser: async (userId) => ({id: userId, username: userId, locale: 'en', roles: 'system_user', delete_at: 0}),
  getChannel: async (channelId) => ({id: channelId, name: 'handoffs', display_name: 'Handoffs', type: 'O', team_id: 'team'}),
  getTeamName: async () => 'team',
  channelIdsOf: async () => [CHANNEL],
  isChannelMember: async (channelId, userId) => channelId === CHANNEL && PEOPLE.includes(userId),
  isChannelAdmin: async () => false,
};

function answersWithin<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ANSWER_WITHIN_MS / 1000} s: the embedded engine's one connection is waiting for itself`)), ANSWER_WITHIN_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

describe('concurrent handoffs on the embedded engine', () => {
  let storage: TestStorage;
  let database: Database;
  let now = Date.parse('2026-11-23T09:00:00Z');

  beforeAll(async () => {
    storage = await freshStorage('embedded');
    database = await openDatabase(storage.config);
    await createSettingsRepository(database.db).set(CONNECTION_SETTING, {url: 'https://mm.example.com', botUserId: 'bot', botToken: 'token', commandTokens: []});
  });
  // Bounded: after a deadlock, closing waits for the connection that is never given back.
  afterAll(async () => {
    await database?.close();
    await storage?.cleanup();
  }, 30_000);

  it('all answer after the membership and connection caches expire', async () => {
    // Wired as wiring/domainServices.ts wires them, with the caches' default lifetimes and a clock the test moves.
    const connection = connectionFromSettings(createSettingsRepository(database.db), 5_000, () => now);
    const access = createChannelAccess({connection, clientFor: () => mattermost, now: () => now});
    const tasks = createTaskService({store: createTaskRepository(database.db), access, clock: {now: () => new Date(now)}});
    const pairs = PEOPLE.slice(0, PEOPLE.length / 2).map((holder, index) => ({holder, other: PEOPLE[index + PEOPLE.length / 2]!}));
    const created = await Promise.all(pairs.map(({holder}, index) => tasks.create({userId: holder, guest: false}, {title: `Baton ${index}`, channelId: CHANNEL, holderId: holder})));

    for (let round = 0; round < 2; round += 1) {
      // Past the membership cache (30 s) and the connection record's (5 s).
      now += 31_000;
      const handoffs = pairs.map(({holder, other}, index) => {
        const [from, to] = round % 2 === 0 ? [holder, other] : [other, holder];
        const caller: Caller = {userId: from, guest: false};
        return tasks.handOff(caller, created[index]!.key, {toUserId: to});
      });
      const answered = await answersWithin(Promise.all(handoffs), `round ${round + 1} of ${pairs.length} concurrent handoffs`);
      expect(answered.map((task) => task.holderId)).toEqual(pairs.map(({holder, other}) => (round % 2 === 0 ? other : holder)));
    }
  }, 150_000);
});
