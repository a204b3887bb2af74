import {Client} from 'pg';
import type {Logger} from '../logging/logger';
import {backoffDelayMs} from '../notices/deliveryWorker';

// One bridge replica's ear on PostgreSQL's LISTEN/NOTIFY: a dedicated
// connection (never one of the pool's: a pooled connection is handed to
// other queries and its LISTENs would be lost with it) that LISTENs on the
// channels registered before `start()` and hands each notification to that
// channel's handler, in the order PostgreSQL delivers them (commit order,
// the same on every replica).
//
// - A lost connection (server restart, network, pg_terminate_backend) is
//   reopened with exponential backoff and jitter. Notifications sent while
//   it was down are gone for good, so once it LISTENs again every channel's
//   `resumed()` is called: its consumer must assume it missed something.
// - A silent connection (no answer to a periodic `select 1`) counts as lost.

export interface NotificationHandlers {
  message(payload: string): void;
  /** Listening again after the connection was lost: notifications of the gap were missed. */
  resumed(): void;
}

export interface PostgresNotifications {
  /** Registers a channel's handlers; only before `start()`. */
  on(channel: string, handlers: NotificationHandlers): void;
  /** Connects and LISTENs; resolves after the first attempt (a failure is retried in the background). */
  start(): Promise<void>;
  /** Closes the connection and stops reconnecting. */
  stop(): Promise<void>;
  /** Whether the connection is up and listening (for tests and logs). */
  listening(): boolean;
}

export interface PostgresNotificationsOptions {
  url: string;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Reconnect n waits about baseMs·2^(n-1), at most capMs, jittered. */
  backoff?: {baseMs: number; capMs: number};
  /** How often the idle connection is checked with `select 1`. */
  checkMs?: number;
  random?: () => number;
}

/** How the connection shows in pg_stat_activity. */
export const NOTIFICATIONS_APPLICATION_NAME = 'baton-notifications';

/** Channel names are SQL identifiers here: only lower-case letters, digits and underscores, so they can be quoted safely. */
const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function createPostgresNotifications(options: PostgresNotificationsOptions): PostgresNotifications {
  const {url, logger, backoff = {baseMs: 500, capMs: 30_000}, checkMs = 15_000, random = Math.random} = options;
  const channels = new Map<string, NotificationHandlers>();
  let running = false;
  let client: Client | undefined;
  let listening = false;
  /** Set once the first LISTEN succeeded: every later one follows a loss. */
  let everListened = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let checkTimer: NodeJS.Timeout | undefined;

  async function connect(): Promise<void> {
    if (!running) return;
    const current = new Client({connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true, application_name: NOTIFICATIONS_APPLICATION_NAME});
    client = current;
    current.on('error', (error) => lose(current, error));
    current.on('end', () => lose(current, new Error('connection ended')));
    current.on('notification', (notification) => {
      if (client !== current) return;
      const handlers = channels.get(notification.channel);
      if (handlers && notification.payload !== undefined) handlers.message(notification.payload);
    });
    try {
      await current.connect();
      for (const channel of channels.keys()) await current.query(`listen "${channel}"`);
    } catch (error) {
      lose(current, error);
      return;
    }
    if (client !== current) return;
    listening = true;
    failures = 0;
    checkTimer = setInterval(() => {
      current.query('select 1').catch((error: unknown) => lose(current, error));
    }, checkMs);
    if (everListened) {
      logger.info({channels: [...channels.keys()]}, 'listening to PostgreSQL notifications again; consumers resync');
      for (const handlers of channels.values()) handlers.resumed();
    }
    everListened = true;
  }

  /** Drops the connection (once) and schedules the next attempt. */
  function lose(lost: Client, error: unknown): void {
    if (client !== lost) return;
    client = undefined;
    listening = false;
    clearInterval(checkTimer);
    lost.end().catch(() => undefined);
    if (!running) return;
    failures += 1;
    const delay = backoffDelayMs(failures, backoff, random);
    logger.warn({err: error, retry_in_ms: delay}, 'lost the PostgreSQL notification connection; reconnecting');
    retryTimer = setTimeout(() => void connect(), delay);
  }

  return {
    on(channel, handlers) {
      if (running) throw new Error('register notification channels before start()');
      if (!CHANNEL_NAME.test(channel)) throw new Error(`not a usable notification channel name: ${channel}`);
      channels.set(channel, handlers);
    },
    async start() {
      if (running) return;
      running = true;
      await connect();
    },
    async stop() {
      running = false;
      clearTimeout(retryTimer);
      clearInterval(checkTimer);
      const current = client;
      client = undefined;
      listening = false;
      await current?.end().catch(() => undefined);
    },
    listening: () => listening,
  };
}

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (UTF-8 here: the database must be UTF8). */
export const NOTIFY_PAYLOAD_LIMIT_BYTES = 7999;
