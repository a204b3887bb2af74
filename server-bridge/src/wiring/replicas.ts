import type {BridgeConfig} from '../config/config';
import {createInProcessFeed} from '../domain/live/inProcessFeed';
import type {ChangeFeed} from '../domain/live/ports';
import type {Logger} from '../logging/logger';
import {type CacheInvalidation, cacheInvalidationSchema} from '../mattermost/cacheInvalidations';
import {alwaysLeader, createAdvisoryLeadership, type Leadership, type LeadershipHooks, MATTERMOST_LISTENER_LOCK} from '../storage/advisoryLeadership';
import type {Database} from '../storage/database';
import {type Broadcast, createInProcessBroadcast, createPostgresBroadcast} from '../storage/postgresBroadcast';
import {createPostgresChangeFeed} from '../storage/postgresChangeFeed';
import {createPostgresNotifications} from '../storage/postgresNotifications';

// What bridge replicas on one PostgreSQL share besides the tables: the live
// feed (LISTEN/NOTIFY, storage/postgresChangeFeed.ts), the cache
// invalidations the Mattermost WebSocket listener hears, and who runs that
// listener (an advisory lock, storage/advisoryLeadership.ts). The embedded
// engine is one process by design (its data directory's lock file refuses a
// second): everything stays in memory and it always leads.

export interface ReplicaSharing {
  feed: ChangeFeed;
  cacheInvalidations: Broadcast<CacheInvalidation>;
  /** Leadership of the Mattermost WebSocket listener, running `hooks` as it is won and lost. */
  listenerLeadership(hooks: LeadershipHooks): Leadership;
  /** LISTENs (PostgreSQL); before anything is published. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function wireReplicas({config, database, logger}: {config: BridgeConfig; database: Database; logger: Logger}): ReplicaSharing {
  const reportFeed = (error: unknown) => logger.error({err: error}, 'could not publish task changes to the live feed');
  const reportInvalidation = (error: unknown) => logger.error({err: error}, 'could not apply a Mattermost cache invalidation');
  if (config.storage.engine !== 'postgres') {
    return {
      feed: createInProcessFeed({report: reportFeed}),
      cacheInvalidations: createInProcessBroadcast(reportInvalidation),
      listenerLeadership: (hooks) => alwaysLeader(hooks, logger),
      start: async () => {},
      stop: async () => {},
    };
  }
  const {url} = config.storage;
  const notifications = createPostgresNotifications({url, logger});
  return {
    feed: createPostgresChangeFeed({db: database.db, notifications, report: reportFeed}),
    cacheInvalidations: createPostgresBroadcast({
      db: database.db,
      notifications,
      channel: 'baton_mattermost_caches',
      parse: (value) => cacheInvalidationSchema.parse(value),
      whenResumed: {type: 'resync'},
      report: reportInvalidation,
    }),
    listenerLeadership: (hooks) => createAdvisoryLeadership({url, key: MATTERMOST_LISTENER_LOCK, hooks, logger, retryMs: config.replicas.leaderRetryMs}),
    start: () => notifications.start(),
    stop: () => notifications.stop(),
  };
}
