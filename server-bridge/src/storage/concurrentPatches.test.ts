import type {LightMyRequestResponse} from 'fastify';
import {createTaskService} from '../domain/tasks/taskService';
import {registerTaskRoutes} from '../http/routes/tasks';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {faultScale} from '../testing/faultScale';
import {mmId} from '../testing/mattermostIds';
import {useRouteTestWorld} from '../testing/routeTestWorld';
import {createTaskRepository} from './taskRepository';

// No lost updates (issue 9): many people PATCH the same tasks at once, each
// with the version they read just before (If-Match). On a real PostgreSQL
// with a pool of several connections, so the writes truly race. Every write
// the bridge accepted (200) is in the final state and counted once in the
// version; every other answer is 409 with the task as it is now; never a 5xx.
// make test runs 1,000 writes; make test-faults (BATON_FAULTS=full) 10,000.

const TASKS = 100;
const WRITES = faultScale(1000, 10_000);
const IN_FLIGHT = 100;
const patents = mmId('patents');
const people = ['sato', 'tanaka', 'suzuki', 'li'] as const;
const ids = Object.fromEntries(people.map((name) => [name, mmId(name)]));
const access = fakeChannelAccess({channels: {[patents]: {name: 'patents', members: Object.values(ids)}}});

describe('concurrent PATCHes on PostgreSQL', () => {
  const world = useRouteTestWorld('postgres', (database) => {
    const tasks = createTaskService({store: createTaskRepository(database.db), access, clock: {now: () => new Date()}, listeners: []});
    return {
      people: ids,
      // Every write of the test is one person's request: budgets far above it, so no answer is a 429.
      limits: {perUserPerMinute: 1_000_000, perTokenPerMinute: 1_000_000},
      register: (api) => registerTaskRoutes(api, () => ({tasks, timeZoneOf: async () => 'UTC'})),
    };
  });

  /** Every event of the task's timeline, all pages, as one text to search. */
  const wholeTimeline = async (key: string): Promise<string> => {
    const pages: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: {items: unknown[]; nextCursor: string | null} = (await world.call('GET', `/api/v1/tasks/${key}/timeline?limit=200${cursor ? `&cursor=${cursor}` : ''}`, 'sato')).json();
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return JSON.stringify(pages);
  };

  it(`loses none of ${WRITES} racing writes over ${TASKS} tasks: each accepted one is kept, each stale one is a 409 with the current task`, async () => {
    const keys: string[] = [];
    for (let index = 0; index < TASKS; index += 1) {
      const created = await world.call('POST', '/api/v1/tasks', 'sato', {title: `task ${index}`, channelId: patents});
      expect(created.statusCode).toBe(201);
      keys.push(created.json().key);
    }

    /**
     * One request as a well-behaved client sends it: a 503 (all connections busy past the pool's
     * wait, on an overloaded machine) carries Retry-After and is tried again; it changed nothing.
     */
    const send = async (...request: Parameters<typeof world.call>): Promise<LightMyRequestResponse> => {
      for (;;) {
        const answer = await world.call(...request);
        if (answer.statusCode !== 503) return answer;
        expect([answer.json().id, Number(answer.headers['retry-after']) > 0]).toEqual(['baton.not_ready.database', true]);
        // Shorter than Retry-After: the test's own load is what made it busy.
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    /** One person's edit: read the task, then write a title no other write uses, with the version read. */
    const write = async (index: number): Promise<{key: string; title: string; answer: LightMyRequestResponse}> => {
      // Ten writes in a row share a task, so the writes in flight together collide on the same tasks.
      const key = keys[Math.floor(index / 10) % TASKS] as string;
      const as = people[index % people.length] as string;
      const read = await send('GET', `/api/v1/tasks/${key}`, as);
      expect(read.statusCode).toBe(200);
      const title = `write ${index}`;
      const answer = await send('PATCH', `/api/v1/tasks/${key}`, as, {title}, {'if-match': String(read.headers.etag)});
      return {key, title, answer};
    };
    // 100 people at a time: enough to race on every task (pool of 4).
    const results: Array<Awaited<ReturnType<typeof write>>> = [];
    let nextWrite = 0;
    const person = async () => {
      for (let index = nextWrite++; index < WRITES; index = nextWrite++) results.push(await write(index));
    };
    await Promise.all(Array.from({length: IN_FLIGHT}, person));

    const statuses = new Map<number, number>();
    for (const {answer} of results) statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
    // Only 200 and 409, and both: readers of one version really raced each other.
    expect([...statuses.keys()].sort()).toEqual([200, 409]);

    for (const key of keys) {
      const mine = results.filter((result) => result.key === key);
      const accepted = mine.filter((result) => result.answer.statusCode === 200).map((result) => ({title: result.title, version: result.answer.json().version as number}));
      // Each accepted write made exactly one new version: 2, 3, … 1 + accepted, none shared.
      expect(accepted.map((write) => write.version).sort((a, b) => a - b)).toEqual(accepted.map((_, index) => index + 2));
      const final = (await world.call('GET', `/api/v1/tasks/${key}`, 'sato')).json();
      expect(final.version).toBe(1 + accepted.length);
      // The last accepted write is the title now; every accepted one is in the task's history.
      expect(final.title).toBe(accepted.find((write) => write.version === final.version)?.title);
      const timeline = await wholeTimeline(key);
      for (const write of accepted) expect(timeline).toContain(`"${write.title}"`);
      // A refused write changed nothing and says what the task is now, newer than what that writer read.
      for (const {answer} of mine.filter((result) => result.answer.statusCode === 409)) {
        expect(answer.json()).toMatchObject({id: 'baton.conflict.version', details: {current: {key, version: expect.any(Number)}}});
        expect(answer.json().details.current.version).toBeGreaterThan(1);
      }
    }
  }, faultScale(120_000, 900_000));
});
