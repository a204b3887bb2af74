import type {Kysely} from 'kysely';
import type {BusinessCalendar} from '../domain/calendar/businessCalendar';
import type {TaskStore} from '../domain/tasks/ports';
import type {Logger} from '../logging/logger';
import type {ConnectionSource} from '../mattermost/connection';
import {createBotPosts, createNoticeDeliverer} from '../mattermost/posts';
import {createTaskLinks} from '../mattermost/taskLinks';
import {createOutboxQueue} from '../storage/outboxRepository';
import type {DatabaseSchema} from '../storage/schema';
import {createDeliveryWorker, type DeliveryWorker} from './deliveryWorker';
import {composingDeliverer, createNoticeComposer} from './noticeComposer';

// Puts the outbox, the composer and Mattermost posting together into the
// worker the bridge runs: notices committed by any change are written for
// their receiver and posted as the bot, retried until Mattermost takes them.

export interface NoticeDeliveryDeps {
  db: Kysely<DatabaseSchema>;
  store: TaskStore;
  connection: ConnectionSource;
  people: {username(userId: string): Promise<string | undefined>; locale(userId: string): Promise<string>; timeZone(userId: string): Promise<string>};
  calendar: BusinessCalendar;
  logger: Logger;
  now(): Date;
}

export function createNoticeDelivery(deps: NoticeDeliveryDeps): DeliveryWorker {
  const compose = createNoticeComposer({
    tasks: deps.store,
    workflows: deps.store.workflows,
    people: deps.people,
    taskUrl: createTaskLinks({connection: deps.connection}),
    calendar: deps.calendar,
    // No buttons yet: their handler (signed contexts, dialogs) arrives with the
    // Mattermost integration; a button that cannot work is worse than none.
    actions: async () => undefined,
    now: deps.now,
  });
  return createDeliveryWorker({
    queue: createOutboxQueue(deps.db),
    deliver: composingDeliverer(compose, createNoticeDeliverer({posts: createBotPosts({connection: deps.connection})})),
    clock: {now: deps.now},
    backoff: {baseMs: 1_000, capMs: 60_000},
    pollMs: 2_000,
    logger: deps.logger,
  });
}
