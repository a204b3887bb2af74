import WebSocket from 'ws';
import {z} from 'zod';
import type {Logger} from '../logging/logger';
import {backoffDelayMs} from '../notices/deliveryWorker';
import type {ConnectionSource, MattermostConnection} from './connection';

// Mattermost's WebSocket as the Baton bot: what the bridge caches about
// Mattermost (memberships, people) is dropped the moment Mattermost says it
// changed, instead of when the cache runs out.
//
// - Connects once setup has stored a connection (polled), and again when the
//   URL or the bot token changes; stops with the bridge.
// - Authenticates with {"seq":1,"action":"authentication_challenge",
//   "data":{"token":…}} after the upgrade (what Mattermost's own clients do;
//   the token never goes in the URL), then waits for `hello`.
// - Every `hello` (first connect and each reconnect) and every gap in `seq`
//   means events may have been missed: `resync` drops what was learnt.
// - A dropped or silent connection (no pong to a ping) is reopened with
//   exponential backoff and jitter.
//
// The bot hears channel-scoped events (user_added, user_removed, private
// channel_deleted) only for channels it is a member of, as any Mattermost
// user does; elsewhere the caches' short lifetime still applies.
//
// One listener among all replicas: with several bridge processes on one
// PostgreSQL only the leader (an advisory lock, storage/advisoryLeadership.ts)
// runs it, started when it wins leadership and stopped at once when it loses
// it (start() again after stop() is fine). The handlers (wired in
// wiring/mattermostIntegration.ts) broadcast what every replica's caches need
// over NOTIFY; the once-only work (deactivated-holder notices) runs on the
// leader and stays idempotent through outbox keys, since a new leader's
// `hello` resync may hear a deactivation again. The embedded engine is one
// process and always leads.

/** What the listener does with what it hears; app.ts wires these to the caches and services. */
export interface MattermostEventHandlers {
  /** user_added / user_removed: the user's membership of the channel changed. */
  membershipChanged(channelId: string, userId: string): void | Promise<void>;
  /** channel_deleted (archived). */
  channelDeleted(channelId: string): void | Promise<void>;
  /** user_updated: the profile changed; `active` false once the account is deactivated (deleteAt names when). */
  userUpdated(userId: string, change: {active: boolean; deleteAt: number}): void | Promise<void>;
  /** After every (re)connect and any missed event: drop everything learnt from Mattermost. */
  resync(): void | Promise<void>;
}

export interface WebSocketListenerOptions {
  connection: ConnectionSource;
  handlers: MattermostEventHandlers;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  /** How often to look for a (changed) connection. */
  pollMs?: number;
  /** Reconnect n waits about baseMs·2^(n-1), at most capMs, jittered to 50–100 % of that. */
  backoff?: {baseMs: number; capMs: number};
  /** A ping this often; no pong by the next one closes the connection. */
  pingMs?: number;
  /** Uniform in [0, 1); injectable so tests can pin the jitter. */
  random?: () => number;
}

export type ListenerState = 'stopped' | 'waiting_for_setup' | 'connecting' | 'connected';

export interface WebSocketListener {
  start(): void;
  /** Closes the connection and stops reconnecting; resolves once the socket is closed and running handlers are done. */
  stop(): Promise<void>;
  state(): ListenerState;
}

const frameSchema = z.object({
  event: z.string().optional(),
  data: z.record(z.string(), z.unknown()).nullish(),
  broadcast: z.object({user_id: z.string().optional(), channel_id: z.string().optional()}).nullish(),
  seq: z.number().int().optional(),
  status: z.string().optional(),
  seq_reply: z.number().int().optional(),
});
type Frame = z.infer<typeof frameSchema>;

const userAddedSchema = z.object({user_id: z.string().min(1)});
// Two forms: to the channel {user_id, remover_id}; to the removed user {channel_id, remover_id}.
const userRemovedSchema = z.object({user_id: z.string().optional(), channel_id: z.string().optional()});
const channelDeletedSchema = z.object({channel_id: z.string().min(1)});
const userUpdatedSchema = z.object({user: z.object({id: z.string().min(1), delete_at: z.number().default(0)})});

const AUTH_SEQ = 1;

/** ws(s)://<Mattermost>/api/v4/websocket, keeping a subpath SiteURL's path. */
export function websocketUrl(mattermostUrl: string): string {
  const url = new URL(mattermostUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v4/websocket`;
  url.search = '';
  url.hash = '';
  return url.toString();
}

export function createWebSocketListener(options: WebSocketListenerOptions): WebSocketListener {
  const {connection, handlers, logger, pollMs = 5_000, backoff = {baseMs: 1_000, capMs: 60_000}, pingMs = 30_000, random = Math.random} = options;

  let running = false;
  let state: ListenerState = 'stopped';
  /** The connection settings in use (url + token), as last read. */
  let target: {key: string; connection: MattermostConnection} | undefined;
  let session: {socket: WebSocket; key: string; nextSeq?: number; alive: boolean; ping?: NodeJS.Timeout} | undefined;
  let failures = 0;
  let pollTimer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  /** Handlers still running: stop waits for them, so none outlives the services it uses. */
  const inFlight = new Set<Promise<void>>();
  const run = (what: string, handler: () => void | Promise<void>) => {
    const running = (async () => handler())().catch((error: unknown) => logger.error({err: error, event: what}, 'a Mattermost event handler failed'));
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
  };

  async function poll(): Promise<void> {
    try {
      const current = await connection.get();
      const key = current ? `${current.url}\n${current.botToken}` : undefined;
      if (running && key !== target?.key) {
        // New, changed or removed settings: start over with them.
        target = current && key ? {key, connection: current} : undefined;
        failures = 0;
        clearTimeout(retryTimer);
        void disconnect();
        if (target) open(target.key, target.connection);
        else state = 'waiting_for_setup';
      }
    } catch (error) {
      logger.warn({err: error}, 'could not read the Mattermost connection settings');
    } finally {
      if (running) pollTimer = setTimeout(() => void poll(), pollMs);
    }
  }

  function open(key: string, settings: MattermostConnection): void {
    state = 'connecting';
    const socket = new WebSocket(websocketUrl(settings.url), {handshakeTimeout: 10_000});
    const current: NonNullable<typeof session> = {socket, key, alive: true};
    session = current;
    socket.on('open', () => socket.send(JSON.stringify({seq: AUTH_SEQ, action: 'authentication_challenge', data: {token: settings.botToken}})));
    socket.on('message', (raw) => {
      if (session === current) receive(current, raw.toString());
    });
    socket.on('pong', () => {
      current.alive = true;
    });
    socket.on('error', (error) => logger.warn({err: error}, 'Mattermost WebSocket error'));
    socket.on('close', (code) => {
      clearInterval(current.ping);
      if (session !== current) return;
      session = undefined;
      if (!running || target?.key !== key) return;
      failures += 1;
      const delay = backoffDelayMs(failures, backoff, random);
      logger.warn({code, retry_in_ms: delay}, 'Mattermost WebSocket closed; reconnecting');
      state = 'connecting';
      retryTimer = setTimeout(() => {
        if (running && target?.key === key) open(key, target.connection);
      }, delay);
    });
  }

  function receive(current: NonNullable<typeof session>, raw: string): void {
    let frame: Frame;
    try {
      frame = frameSchema.parse(JSON.parse(raw));
    } catch {
      logger.warn('ignored a Mattermost WebSocket frame that is not an event or a reply');
      return;
    }
    if (frame.seq_reply === AUTH_SEQ && frame.status !== 'OK') logger.error({status: frame.status}, 'Mattermost refused the bot token on the WebSocket; run setup again');
    if (frame.event === undefined || frame.seq === undefined) return;
    if (frame.event === 'hello') {
      failures = 0;
      state = 'connected';
      current.nextSeq = frame.seq + 1;
      startPing(current);
      logger.info('listening to Mattermost events');
      run('resync', handlers.resync);
      return;
    }
    if (current.nextSeq !== undefined && frame.seq !== current.nextSeq) {
      logger.warn({expected: current.nextSeq, got: frame.seq}, 'missed Mattermost events; resyncing');
      run('resync', handlers.resync);
    }
    current.nextSeq = frame.seq + 1;
    dispatch(frame);
  }

  function dispatch(frame: Frame): void {
    const data = frame.data ?? {};
    const broadcast = frame.broadcast ?? {};
    switch (frame.event) {
      case 'user_added': {
        const added = userAddedSchema.safeParse(data);
        const channelId = broadcast.channel_id;
        if (added.success && channelId) run('user_added', () => handlers.membershipChanged(channelId, added.data.user_id));
        return;
      }
      case 'user_removed': {
        const removed = userRemovedSchema.safeParse(data);
        const channelId = removed.data?.channel_id || broadcast.channel_id;
        const userId = removed.data?.user_id || broadcast.user_id;
        if (channelId && userId) run('user_removed', () => handlers.membershipChanged(channelId, userId));
        return;
      }
      case 'channel_deleted': {
        const deleted = channelDeletedSchema.safeParse(data);
        if (deleted.success) run('channel_deleted', () => handlers.channelDeleted(deleted.data.channel_id));
        return;
      }
      case 'user_updated': {
        const updated = userUpdatedSchema.safeParse(data);
        if (updated.success) {
          const {id, delete_at: deleteAt} = updated.data.user;
          run('user_updated', () => handlers.userUpdated(id, {active: deleteAt === 0, deleteAt}));
        }
        return;
      }
      default:
        return;
    }
  }

  function startPing(current: NonNullable<typeof session>): void {
    clearInterval(current.ping);
    current.alive = true;
    current.ping = setInterval(() => {
      if (!current.alive) {
        logger.warn('Mattermost WebSocket stopped answering pings; reconnecting');
        current.socket.terminate();
        return;
      }
      current.alive = false;
      current.socket.ping();
    }, pingMs);
  }

  /** Closes the current socket without reconnecting; resolves once it is closed. */
  function disconnect(): Promise<void> {
    const current = session;
    session = undefined;
    if (!current) return Promise.resolve();
    clearInterval(current.ping);
    const {socket} = current;
    if (socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => socket.terminate(), 1_000);
      socket.once('close', () => {
        clearTimeout(force);
        resolve();
      });
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else socket.close(1000);
    });
  }

  return {
    start() {
      if (running) return;
      running = true;
      state = 'waiting_for_setup';
      void poll();
    },
    async stop() {
      running = false;
      state = 'stopped';
      clearTimeout(pollTimer);
      clearTimeout(retryTimer);
      target = undefined;
      await disconnect();
      await Promise.all([...inFlight]);
    },
    state: () => state,
  };
}
