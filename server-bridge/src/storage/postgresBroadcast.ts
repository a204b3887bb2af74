import {type Kysely, sql} from 'kysely';
import {NOTIFY_PAYLOAD_LIMIT_BYTES, type PostgresNotifications} from './postgresNotifications';

// Small messages every replica on one PostgreSQL must hear (what the leader's
// Mattermost WebSocket listener learns, wiring/replicas.ts): one NOTIFY
// each, heard by every replica, the sender included, through its LISTEN
// connection. A lost LISTEN connection may have missed some: once it is back,
// subscribers hear `whenResumed` (a message meaning "assume you missed
// something").

export interface Broadcast<T> {
  publish(message: T): Promise<void>;
  subscribe(listener: (message: T) => void): () => void;
}

export interface PostgresBroadcastDeps<DB, T> {
  db: Kysely<DB>;
  notifications: PostgresNotifications;
  channel: string;
  /** Checks what arrives (another replica, perhaps of another version, sent it); throws on what it cannot use. */
  parse: (value: unknown) => T;
  whenResumed: T;
  report?: (error: unknown) => void;
}

export function createPostgresBroadcast<DB, T>(deps: PostgresBroadcastDeps<DB, T>): Broadcast<T> {
  const {db, notifications, channel, parse, whenResumed, report = () => {}} = deps;
  const listeners = new Set<(message: T) => void>();
  const deliver = (message: T) => {
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch (error) {
        report(error);
      }
    }
  };
  notifications.on(channel, {
    message(payload) {
      let message: T;
      try {
        message = parse(JSON.parse(payload));
      } catch (error) {
        report(error);
        return;
      }
      deliver(message);
    },
    resumed: () => deliver(whenResumed),
  });
  return {
    async publish(message) {
      const payload = JSON.stringify(message);
      // Meant for a few ids; a message this large is a mistake, not something to split.
      if (Buffer.byteLength(payload) > NOTIFY_PAYLOAD_LIMIT_BYTES) throw new Error(`broadcast on ${channel}: message too large for a notification`);
      await sql`select pg_notify(${channel}, ${payload})`.execute(db);
    },
    subscribe(listener) {
      const own = (message: T) => listener(message);
      listeners.add(own);
      return () => void listeners.delete(own);
    },
  };
}

/** The same for one process (the embedded engine): every subscriber hears the message at once. */
export function createInProcessBroadcast<T>(report: (error: unknown) => void = () => {}): Broadcast<T> {
  const listeners = new Set<(message: T) => void>();
  return {
    async publish(message) {
      for (const listener of [...listeners]) {
        try {
          listener(message);
        } catch (error) {
          report(error);
        }
      }
    },
    subscribe(listener) {
      const own = (message: T) => listener(message);
      listeners.add(own);
      return () => void listeners.delete(own);
    },
  };
}
