import {createLiveUpdates} from '../domain/live/liveUpdates';
import {createHolderDeactivation} from '../domain/notices/holderDeactivation';
import {ACTION_SIGNING_KEY_SETTING, loadOrCreateSigningKey} from '../http/bridgeSession';
import type {Logger} from '../logging/logger';
import {createActiveUsers} from '../mattermost/activeUsers';
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
import type {DomainServices} from './domainServices';

// Baton's side of Mattermost: the outbox's delivery worker (DMs, channel
// lines, run channels), the buttons and dialogs Mattermost posts back, and
// the WebSocket listener that drops cached answers the moment Mattermost says
// they changed. Nothing here starts until `start()`.

export async function wireMattermostIntegration({database, logger, domain, webhooks}: {database: Database; logger: Logger; domain: DomainServices; webhooks?: {timeoutMs: number; maxAttempts: number}}) {
  const {connection, preferences, access, calendar, clock, taskStore, tasks, workflows, userSettings, feed} = domain;
  const actionKey = await loadOrCreateSigningKey(domain.settings, undefined, ACTION_SIGNING_KEY_SETTING);
  const bridgeUrl = async () => (await connection.get())?.bridgeUrl;
  const delivery = createNoticeDelivery({
    db: database.db,
    store: taskStore,
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
  const events = createWebSocketListener({
    connection,
    logger,
    handlers: {
      membershipChanged: (channelId, userId) => access.forget(channelId, userId),
      channelDeleted: (channelId) => access.forget(channelId),
      async userUpdated(userId, {active, deleteAt}) {
        preferences.forget(userId);
        access.forgetUser(userId);
        activeUsers.forget(userId);
        if (active) return;
        live.endAll(userId);
        await holderDeactivation.holderDeactivated(userId, deleteAt);
      },
      resync() {
        access.forgetAll();
        preferences.forgetAll();
      },
    },
  });

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
      events.start();
    },
    async stop() {
      await events.stop();
      await delivery.worker.stop();
    },
  };
}

export type MattermostIntegration = Awaited<ReturnType<typeof wireMattermostIntegration>>;
