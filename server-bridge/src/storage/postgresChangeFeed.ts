import {type Kysely, sql} from 'kysely';
import {z} from 'zod';
import type {ChangeFeed, ChangeMessage} from '../domain/live/ports';
import {NOTIFY_PAYLOAD_LIMIT_BYTES, type PostgresNotifications} from './postgresNotifications';

// The live feed shared by every replica on one PostgreSQL (the ChangeFeed
// port of domain/live/ports.ts). `publish` NOTIFYs; every replica, this one
// included, hears the notifications on its LISTEN connection
// (postgresNotifications.ts) and hands them to its subscribers. Local
// subscribers hear nothing directly, so every replica sees one order: the
// order PostgreSQL commits the notifications in.
//
// A NOTIFY payload must stay under 8000 bytes. One transaction's messages
// are packed into as few notifications as fit, sent in one transaction (so
// they arrive together, in order). A single message too large for a
// notification (a task with thousands of watchers) is stored in
// live_change_payloads and the notification names its row; receivers read
// it by id, still in order. Such rows older than an hour are deleted when the
// next one is stored: every replica has long read them by then.
//
// When the LISTEN connection was lost, changes of the gap were missed:
// subscribers then hear a `resync` message and refetch.

export const CHANGE_FEED_CHANNEL = 'baton_live_changes';

/** What one notification carries: messages inline, or the id of one stored message. `n` keeps two identical notifications of one transaction from being merged by PostgreSQL. */
const notificationSchema = z.union([
  z.object({n: z.number(), messages: z.array(z.looseObject({type: z.string()}))}),
  z.object({n: z.number(), stored: z.string()}),
]);

export interface PostgresChangeFeedDeps<DB> {
  db: Kysely<DB>;
  notifications: PostgresNotifications;
  /** A subscriber or a stored message read that fails is reported, not thrown. */
  report?: (error: unknown) => void;
  /** Payload limit; smaller in tests to exercise the packing. */
  payloadLimitBytes?: number;
}

export function createPostgresChangeFeed<DB>(deps: PostgresChangeFeedDeps<DB>): ChangeFeed {
  const {db, notifications, report = () => {}, payloadLimitBytes = NOTIFY_PAYLOAD_LIMIT_BYTES} = deps;
  const listeners = new Set<(message: ChangeMessage) => void>();
  /** Notifications are handled one after another: a stored message's read must not let a later one overtake it. */
  let queue = Promise.resolve();

  function deliver(message: ChangeMessage): void {
    for (const listener of [...listeners]) {
      // One failing subscriber must not keep the message from the others.
      try {
        listener(message);
      } catch (error) {
        report(error);
      }
    }
  }

  async function received(payload: string): Promise<void> {
    const notification = notificationSchema.parse(JSON.parse(payload));
    if ('stored' in notification) {
      const {rows} = await sql<{message: ChangeMessage}>`select message from live_change_payloads where id = ${notification.stored}`.execute(db);
      const stored = rows[0];
      // Gone (this replica read it more than an hour late): the subscribers refetch instead.
      deliver(stored ? stored.message : {type: 'resync'});
      return;
    }
    for (const message of notification.messages) deliver(message as unknown as ChangeMessage);
  }

  const enqueue = (work: () => void | Promise<void>) => {
    queue = queue.then(work).catch(report);
  };

  notifications.on(CHANGE_FEED_CHANNEL, {
    message: (payload) => enqueue(() => received(payload)),
    resumed: () => enqueue(() => deliver({type: 'resync'})),
  });

  return {
    async publish(messages) {
      if (messages.length === 0) return;
      await db.transaction().execute(async (tx) => {
        const payloads: string[] = [];
        for (const group of pack(messages, payloadLimitBytes)) {
          if (group.kind === 'inline') {
            payloads.push(JSON.stringify({n: payloads.length, messages: group.messages}));
            continue;
          }
          await sql`delete from live_change_payloads where created_at < now() - interval '1 hour'`.execute(tx);
          const {rows} = await sql<{id: string}>`insert into live_change_payloads (message) values (${JSON.stringify(group.message)}::jsonb) returning id`.execute(tx);
          payloads.push(JSON.stringify({n: payloads.length, stored: String(rows[0]?.id)}));
        }
        for (const payload of payloads) await sql`select pg_notify(${CHANGE_FEED_CHANNEL}, ${payload})`.execute(tx);
      });
    },
    subscribe(listener) {
      // Wrapped, so the same function subscribed twice is two subscriptions.
      const own = (message: ChangeMessage) => listener(message);
      listeners.add(own);
      return () => void listeners.delete(own);
    },
  };
}

type Group = {kind: 'inline'; messages: ChangeMessage[]} | {kind: 'stored'; message: ChangeMessage};

/** Bytes of the envelope around the messages, with room for a large `n`. */
const ENVELOPE_BYTES = Buffer.byteLength(JSON.stringify({n: 1_000_000, messages: []}));

/** Consecutive messages packed greedily into notifications under `limit` bytes, in order; one too large alone is stored. */
export function pack(messages: ChangeMessage[], limit: number): Group[] {
  const groups: Group[] = [];
  let current: ChangeMessage[] = [];
  let size = ENVELOPE_BYTES;
  for (const message of messages) {
    // +1 for the comma between messages.
    const bytes = Buffer.byteLength(JSON.stringify(message)) + 1;
    if (ENVELOPE_BYTES + bytes > limit) {
      if (current.length > 0) groups.push({kind: 'inline', messages: current});
      current = [];
      size = ENVELOPE_BYTES;
      groups.push({kind: 'stored', message});
      continue;
    }
    if (size + bytes > limit) {
      groups.push({kind: 'inline', messages: current});
      current = [];
      size = ENVELOPE_BYTES;
    }
    current.push(message);
    size += bytes;
  }
  if (current.length > 0) groups.push({kind: 'inline', messages: current});
  return groups;
}
