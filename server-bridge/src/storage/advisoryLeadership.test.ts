import {Client} from 'pg';
import {freshStorage, type TestStorage} from '../testing/engines';
import {until} from '../testing/until';
import {alwaysLeader, createAdvisoryLeadership, LEADERSHIP_APPLICATION_NAME, type Leadership} from './advisoryLeadership';

// One leader at a time among replicas on one PostgreSQL: whoever holds the
// advisory lock. Leadership ends with the process (its session) or its
// connection, and another replica takes over at its next try.

const quiet = {info: () => {}, warn: () => {}, error: () => {}};
const KEY = 4242n;

interface Candidate {
  name: string;
  leadership: Leadership;
  /** Every hook call, in order. */
  log: string[];
}

describe('advisory-lock leadership', () => {
  let storage: TestStorage;
  let url: string;
  const candidates: Candidate[] = [];

  function candidate(name: string, key = KEY): Candidate {
    const log: string[] = [];
    const leadership = createAdvisoryLeadership({
      url,
      key,
      logger: quiet,
      retryMs: 100,
      hooks: {elected: () => void log.push('elected'), deposed: () => void log.push('deposed')},
    });
    const created = {name, leadership, log};
    candidates.push(created);
    leadership.start();
    return created;
  }
  const leaders = (among: Candidate[]) => among.filter((each) => each.leadership.isLeader());

  async function terminateLeadershipSessions(): Promise<void> {
    const admin = new Client({connectionString: url});
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()', [LEADERSHIP_APPLICATION_NAME]);
    } finally {
      await admin.end();
    }
  }

  beforeAll(async () => {
    storage = await freshStorage('postgres');
    if (storage.config.engine !== 'postgres') throw new Error('expected PostgreSQL');
    url = storage.config.url;
  });
  afterEach(async () => {
    await Promise.all(candidates.splice(0).map((each) => each.leadership.stop()));
  });
  afterAll(async () => {
    await storage?.cleanup();
  });

  it('elects exactly one of three', async () => {
    const three = [candidate('a'), candidate('b'), candidate('c')];
    await until(() => leaders(three).length === 1, 'a leader', 10_000);
    // Several more tries each: still one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(leaders(three)).toHaveLength(1);
    expect(leaders(three)[0]?.log).toEqual(['elected']);
    expect(three.filter((each) => each.log.length > 0)).toHaveLength(1);
  });

  it('hands over when the leader stops: it runs deposed, another is elected', async () => {
    const two = [candidate('a'), candidate('b')];
    await until(() => leaders(two).length === 1, 'a leader', 10_000);
    const first = leaders(two)[0]!;
    await first.leadership.stop();
    expect(first.log).toEqual(['elected', 'deposed']);
    const other = two.find((each) => each !== first)!;
    await until(() => other.leadership.isLeader(), 'the other to take over', 10_000);
    expect(other.log).toEqual(['elected']);
  });

  it('stops leading at once when its connection is lost, and someone leads again', async () => {
    const two = [candidate('a'), candidate('b')];
    await until(() => leaders(two).length === 1, 'a leader', 10_000);
    const first = leaders(two)[0]!;
    await terminateLeadershipSessions();
    await until(() => first.log.includes('deposed'), 'the old leader to be deposed', 10_000);
    await until(() => leaders(two).length === 1, 'a new leader', 10_000);
    expect(leaders(two)).toHaveLength(1);
  });

  it('keeps separate keys separate', async () => {
    const [a, b] = [candidate('a', 1n), candidate('b', 2n)];
    await until(() => a.leadership.isLeader() && b.leadership.isLeader(), 'both to lead their own work', 10_000);
  });
});

describe('the embedded engine’s leadership', () => {
  it('always leads, and stops leading when stopped', async () => {
    const log: string[] = [];
    const leadership = alwaysLeader({elected: () => void log.push('elected'), deposed: () => void log.push('deposed')}, quiet);
    leadership.start();
    expect(leadership.isLeader()).toBe(true);
    await leadership.stop();
    expect(leadership.isLeader()).toBe(false);
    expect(log).toEqual(['elected', 'deposed']);
  });
});
