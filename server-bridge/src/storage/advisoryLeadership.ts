import {Client} from 'pg';
import type {Logger} from '../logging/logger';

// One leader among the replicas on one PostgreSQL, for work that must run in
// one place at a time (the Mattermost WebSocket listener): whoever holds a
// session-level advisory lock. The lock is held by a dedicated connection
// (not the pool's: the lock belongs to the session that took it), so it goes
// the moment that session does — the process dies, the server restarts or
// the connection drops — and another replica takes it at its next try.
//
// - A non-leader tries `pg_try_advisory_lock` every `retryMs`.
// - The leader checks its connection every `retryMs`; a failed or unanswered
//   (past max(retryMs, 5 s)) check or a connection error means it may have lost the lock (another may hold it
//   already): `deposed` is called at once and it starts trying again.
// - `elected` and `deposed` alternate, each awaited before the next.
//
// The embedded engine is one process by design (dataDirLock.ts): it is
// always the leader (`alwaysLeader`).

/** Hooks for the leader-only work. */
export interface LeadershipHooks {
  elected(): void | Promise<void>;
  deposed(): void | Promise<void>;
}

export interface Leadership {
  start(): void;
  /** Stops trying; if leading, runs `deposed` and releases the lock (ends its connection). */
  stop(): Promise<void>;
  isLeader(): boolean;
}

export interface AdvisoryLeadershipOptions {
  url: string;
  /** The advisory lock's key: one per kind of leader-only work. */
  key: bigint;
  hooks: LeadershipHooks;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** How often a non-leader tries for the lock and the leader checks its connection. */
  retryMs: number;
}

/** The lock key for the Mattermost WebSocket listener ("baton" + 1). */
export const MATTERMOST_LISTENER_LOCK = 0x626174_6f6e_01n;

/** How the lock-holding connection shows in pg_stat_activity. */
export const LEADERSHIP_APPLICATION_NAME = 'baton-leadership';

export function createAdvisoryLeadership(options: AdvisoryLeadershipOptions): Leadership {
  const {url, key, hooks, logger, retryMs} = options;
  let running = false;
  let leader = false;
  let client: Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  /** Hooks run one after another: never `elected` while `deposed` is still under way. */
  let transitions = Promise.resolve();

  const transition = (hook: () => void | Promise<void>, what: string) => {
    transitions = transitions.then(hook).catch((error: unknown) => logger.error({err: error}, `leadership: ${what} failed`));
    return transitions;
  };

  function schedule(): void {
    clearTimeout(timer);
    if (running) timer = setTimeout(() => void attempt(), retryMs);
  }

  /** Forgets the connection (and the lock with it); `deposed` at once if this replica led. */
  function lose(lost: Client, error: unknown): void {
    if (client !== lost) return;
    client = undefined;
    lost.end().catch(() => undefined);
    if (leader) {
      leader = false;
      logger.warn({err: error}, 'leadership lost with its PostgreSQL connection; leader-only work stops');
      void transition(hooks.deposed, 'stopping leader-only work');
    }
    schedule();
  }

  async function connection(): Promise<Client> {
    if (client) return client;
    const fresh = new Client({connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true, application_name: LEADERSHIP_APPLICATION_NAME, query_timeout: Math.max(retryMs, 5_000)});
    client = fresh;
    fresh.on('error', (error) => lose(fresh, error));
    fresh.on('end', () => lose(fresh, new Error('connection ended')));
    await fresh.connect();
    return fresh;
  }

  async function attempt(): Promise<void> {
    if (!running) return;
    let current: Client | undefined;
    try {
      current = await connection();
      if (leader) {
        // Still there? A server that dropped the session took the lock with it.
        await current.query('select 1');
      } else {
        const {rows} = await current.query<{locked: boolean}>('select pg_try_advisory_lock($1) as locked', [key.toString()]);
        if (rows[0]?.locked && running && client === current) {
          leader = true;
          logger.info('this replica leads: leader-only work starts');
          void transition(hooks.elected, 'starting leader-only work');
        }
      }
    } catch (error) {
      if (current) lose(current, error);
      else if (client) lose(client, error);
      return;
    }
    schedule();
  }

  return {
    start() {
      if (running) return;
      running = true;
      void attempt();
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      const current = client;
      client = undefined;
      if (leader) {
        leader = false;
        await transition(hooks.deposed, 'stopping leader-only work');
      }
      // Ending the session releases the lock; the next replica takes it at its next try.
      await current?.end().catch(() => undefined);
      await transitions;
    },
    isLeader: () => leader,
  };
}

/** The embedded engine's leadership: one process, always the leader. */
export function alwaysLeader(hooks: LeadershipHooks, logger: Pick<Logger, 'error'>): Leadership {
  let leader = false;
  let transitions = Promise.resolve();
  const transition = (hook: () => void | Promise<void>) => {
    transitions = transitions.then(hook).catch((error: unknown) => logger.error({err: error}, 'leader-only work failed to start or stop'));
    return transitions;
  };
  return {
    start() {
      if (leader) return;
      leader = true;
      void transition(hooks.elected);
    },
    async stop() {
      if (!leader) return;
      leader = false;
      await transition(hooks.deposed);
    },
    isLeader: () => leader,
  };
}
