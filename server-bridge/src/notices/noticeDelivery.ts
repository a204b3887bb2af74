import type {Kysely} from 'kysely';
import type {BusinessCalendar} from '../domain/calendar/businessCalendar';
import type {TaskStore} from '../domain/tasks/ports';
import type {Logger} from '../logging/logger';
import type {ConnectionSource} from '../mattermost/connection';
import {createBotChannels} from '../mattermost/botChannels';
import {createBotPosts, createNoticeDeliverer} from '../mattermost/posts';
import {createTaskLinks} from '../mattermost/taskLinks';
import {createOutboxQueue} from '../storage/outboxRepository';
import type {DatabaseSchema} from '../storage/schema';
import {createChannelNoticeDeliverer} from './channelNoticeDelivery';
import {createDeliveryWorker, type DeliveryWorker} from './deliveryWorker';
import type {Notice, PostingNotice} from '../domain/notices/ports';
import {composingDeliverer, createNoticeComposer, type NoticeComposerDeps} from './noticeComposer';
import {createWebhookSender, webhooksFirst} from './webhookSender';
import {createWebhookRepository} from '../storage/webhookRepository';

// Puts the outbox, the composer and Mattermost posting together into the
// worker the bridge runs: notices committed by any change are written for
// their receiver and posted as the bot, retried until Mattermost takes them.

export interface NoticeDeliveryDeps {
  /** The outbox and the webhook delivery log: the database's background connections (storage/database.ts). */
  db: Kysely<DatabaseSchema>;
  store: TaskStore;
  /**
   * What composing a notice reads (its task, its workflow run): a store on the
   * background connections, so delivery never waits behind a burst of requests
   * for the request pool (a handoff's DM would otherwise queue behind the next handoffs).
   */
  reads: Pick<TaskStore, 'findTask' | 'workflows'>;
  connection: ConnectionSource;
  people: {username(userId: string): Promise<string | undefined>; locale(userId: string): Promise<string>; timeZone(userId: string): Promise<string>};
  calendar: BusinessCalendar;
  logger: Logger;
  now(): Date;
  /** The buttons of a handoff notice (handoffActions.ts). */
  actions: NoticeComposerDeps['actions'];
  /** The buttons of a deadline reminder (reminderActions.ts). */
  reminderActions?: NoticeComposerDeps['reminderActions'];
  /** Outgoing webhooks (webhookSender.ts): BATON_WEBHOOK_TIMEOUT_MS and BATON_WEBHOOK_MAX_ATTEMPTS. */
  webhooks?: {timeoutMs: number; maxAttempts: number};
}

export interface NoticeDelivery {
  worker: DeliveryWorker;
  /** Writes a notice as its receiver would get it now. */
  compose: (notice: Notice) => Promise<PostingNotice>;
}

export function createNoticeDelivery(deps: NoticeDeliveryDeps): NoticeDelivery {
  const compose = createNoticeComposer({
    tasks: deps.reads,
    workflows: deps.reads.workflows,
    people: deps.people,
    taskUrl: createTaskLinks({connection: deps.connection}),
    calendar: deps.calendar,
    actions: deps.actions,
    ...(deps.reminderActions ? {reminderActions: deps.reminderActions} : {}),
    now: deps.now,
  });
  const posts = createNoticeDeliverer({posts: createBotPosts({connection: deps.connection})});
  const worker = createDeliveryWorker({
    queue: createOutboxQueue(deps.db),
    // Webhooks are POSTed to their receivers (webhookSender.ts); channel lines and run channels
    // (channelNoticeDelivery.ts); every other notice is composed for its receiver and posted.
    deliver: webhooksFirst(
      createWebhookSender({log: createWebhookRepository(deps.db), now: deps.now, ...(deps.webhooks ?? {timeoutMs: 10_000, maxAttempts: 20})}),
      createChannelNoticeDeliverer(
        {store: deps.store, channels: createBotChannels({connection: deps.connection}), post: posts, people: deps.people, taskUrl: createTaskLinks({connection: deps.connection}), logger: deps.logger},
        composingDeliverer(compose, posts),
      ),
    ),
    clock: {now: deps.now},
    backoff: {baseMs: 1_000, capMs: 60_000},
    pollMs: 2_000,
    // Each delivery is mostly waiting on Mattermost: 16 at once keep up with a
    // burst of handoffs (4 fell behind at about 20 DMs/s) without flooding it.
    batchSize: 64,
    concurrency: 16,
    logger: deps.logger,
  });
  return {worker, compose};
}
