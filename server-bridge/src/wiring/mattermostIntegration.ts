import {createLiveUpdates} from '../domain/live/liveUpdates';
import {createHolderDeactivation} from '../domain/notices/holderDeactivation';
import {ACTION_SIGNING_KEY_SETTING, loadOrCreateSigningKey} from '../http/bridgeSession';
import type {Logger} from '../logging/logger';
import {createActiveUsers} from '../mattermost/activeUsers';
import {applyCacheInvalidation, type CacheInvalidation} from '../mattermost/cacheInvalidations';
import {createBotInteractions} from '../mattermost/interactions';
import {createUsernameLookup} from '../mattermost/usernames';
import {createWebSocketListener} from '../mattermost/websocketListener';
import {createHandoffActions, createHandoffButtons} from '../notices/handoffActions';
import {createNewTaskDialog} from '../notices/newTaskDialog';
import {freshHandoffAttachment} from '../notices/noticeComposer';
import {createNoticeDelivery} from '../notices/noticeDelivery';
import {createReminderButtons, freshReminderAttachment} from '../notices/reminderActions';
import {createSettingsDialog} from '../notices/settingsDialog';
import {createSnoozeDialog} from '../notices/snoozeDialog';
import {createWorkflowStartDialog} from '../notices/workflowStartDialog';
import {createActionNonces} from '../storage/actionNonceRepository';
import type {Database} from '../storage/database';
import {createReminderSnoozeRepository} from '../storage/reminderSnoozeRepository';
import {createTaskRepository} from '../storage/taskRepository';
import type {DomainServices} from './domainServices';
import type {ReplicaSharing} from './replicas';

// Baton's side of Mattermost: the outbox's delivery worker (DMs, channel
// lines, run channels), the buttons and dialogs Mattermost posts back, and
// the WebSocket listener that drops cached answers the moment Mattermost says
// they changed. Nothing here starts until `start()`.
//
// With several replicas only the leader runs the WebSocket listener
// (`replicas.listenerLeadership`); what it hears is applied to its own caches
// at once and broadcast (`replicas.cacheInvalidations`) to every replica,
// itself included. Once-only work the events trigger (deactivated-holder
// notices) runs on the leader, idempotent through outbox keys should a
// takeover hear an event again.

interface MattermostIntegrationDeps {
  database: Database;
  logger: Logger;
  domain: DomainServices;
  replicas: Pick<ReplicaSharing, 'cacheInvalidations' | 'listenerLeadership'>;
  webhooks?: {timeoutMs: number; maxAttempts: number};
}

export async function wireMattermostIntegration({database, logger, domain, replicas, webhooks}: MattermostIntegrationDeps) {
  const {connection, preferences, access, calendar, clock, taskStore, tasks, workflows, userSettings, feed} = domain;
  const actionKey = await loadOrCreateSigningKey(domain.settings, undefined, ACTION_SIGNING_KEY_SETTING);
  const bridgeUrl = async () => (await connection.get())?.bridgeUrl;
  const delivery = createNoticeDelivery({
    db: database.background,
    store: taskStore,
    reads: createTaskRepository(database.background),
    connection,
    people: {...preferences, username: access.username},
    calendar,
    logger,
    now: clock.now,
    actions: createHandoffButtons({key: actionKey, now: clock.now, bridgeUrl}),
    reminderActions: createReminderButtons({key: actionKey, now: clock.now, bridgeUrl}),
    // The same worker sends outgoing webhooks: they need no Mattermost, only the outbox.
    ...(webhooks ? {webhooks} : {}),
  });
  domain.onCommit(() => delivery.worker.wake());

  const interactions = createBotInteractions({connection});
  const activeUsers = createActiveUsers({person: interactions.person});
  // Buttons and dialogs: what the notices' handler and the forms share.
  const dialogDeps = {tasks, interactions, nonces: createActionNonces(database.db), key: actionKey, now: clock.now, locale: preferences.locale, timeZone: preferences.timeZone, bridgeUrl};
  const dialogs = {
    newTask: createNewTaskDialog({...dialogDeps, calendar, isMember: access.isMember}),
    workflowStart: createWorkflowStartDialog({...dialogDeps, workflows, userIdByUsername: createUsernameLookup({connection})}),
    settings: createSettingsDialog({...dialogDeps, settings: userSettings}),
  };
  // Snooze… on deadline reminders; their Done and Hand off… are the handoff notice's own (reminderActions.ts).
  const snooze = createSnoozeDialog({...dialogDeps, calendar, snoozes: createReminderSnoozeRepository(database.db), freshAttachment: freshReminderAttachment(delivery.compose, taskStore)});
  const handoffActions = createHandoffActions({
    ...dialogDeps,
    dialogs: [dialogs.newTask, dialogs.workflowStart, dialogs.settings, snooze.dialog],
    buttons: [snooze.button],
    freshAttachment: freshHandoffAttachment(delivery.compose, taskStore),
  });

  // Mattermost's events as the bot: caches dropped the moment something changes, deactivated holders flagged to watchers.
  const holderDeactivation = createHolderDeactivation({store: taskStore, access, clock});
  const live = createLiveUpdates({feed, access});
  const caches = {access, preferences, activeUsers, endStreams: live.endAll};
  const stopApplying = replicas.cacheInvalidations.subscribe((change) => applyCacheInvalidation(caches, change));
  /** Here at once (the leader's own deactivated-holder check must not see stale caches), then everywhere. */
  const invalidate = async (change: CacheInvalidation) => {
    applyCacheInvalidation(caches, change);
    await replicas.cacheInvalidations.publish(change).catch((error: unknown) => logger.error({err: error, change: change.type}, 'could not tell the other replicas to drop cached Mattermost answers'));
  };
  const events = createWebSocketListener({
    connection,
    logger,
    handlers: {
      membershipChanged: (channelId, userId) => invalidate({type: 'membership_changed', channelId, userId}),
      channelDeleted: (channelId) => invalidate({type: 'channel_deleted', channelId}),
      async userUpdated(userId, {active, deleteAt}) {
        await invalidate({type: 'user_updated', userId, active});
        if (!active) await holderDeactivation.holderDeactivated(userId, deleteAt);
      },
      resync: () => invalidate({type: 'resync'}),
    },
  });
  const leadership = replicas.listenerLeadership({elected: () => events.start(), deposed: () => events.stop()});

  return {
    bridgeUrl,
    interactions,
    activeUsers,
    dialogs,
    handoffActions,
    live,
    /** Delivers what was just enqueued now, not at the next poll. */
    wakeDelivery: () => delivery.worker.wake(),
    start() {
      delivery.worker.start();
      leadership.start();
    },
    async stop() {
      await leadership.stop();
      stopApplying();
      await delivery.worker.stop();
    },
    /** Whether this replica runs the Mattermost WebSocket listener now. */
    leads: () => leadership.isLeader(),
  };
}

export type MattermostIntegration = Awaited<ReturnType<typeof wireMattermostIntegration>>;
