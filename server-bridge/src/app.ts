import type {AddressInfo} from 'node:net';
import type {BridgeConfig} from './config/config';
import type {SettingsStore} from './domain/settings';
import {StartupError, errors} from './errors';
import {ACTION_SIGNING_KEY_SETTING, issueSessionToken, loadOrCreateSigningKey, verifyActiveSession} from './http/bridgeSession';
import {type ActiveUsers, createActiveUsers} from './mattermost/activeUsers';
import {createNewTaskDialog} from './notices/newTaskDialog';
import {createWorkflowStartDialog} from './notices/workflowStartDialog';
import {createSettingsDialog} from './notices/settingsDialog';
import {createUsernameLookup} from './mattermost/usernames';
import {registerOpenApiRoute} from './http/openapi';
import {registerAuthenticatedRoutes} from './http/requireCaller';
import {type CommandRouteDeps, registerCommandRoute} from './http/routes/mattermostCommand';
import {registerChannelRoutes} from './http/routes/channels';
import {registerTaskRoutes, type TaskRouteDeps} from './http/routes/tasks';
import {registerWorkflowRoutes, type WorkflowRouteDeps} from './http/routes/workflows';
import {buildHttpServer} from './http/server';
import type {Logger} from './logging/logger';
import {createChannelSettingsService, type ChannelSettingsService} from './domain/channels/channelSettingsService';
import {type BusinessCalendar, createBusinessCalendar} from './domain/calendar/businessCalendar';
import {createHandoffNotifier} from './domain/notices/handoffNotifier';
import {createChannelNotifier} from './domain/notices/channelNotifier';
import {createRunChannelArchiveJob} from './domain/workflows/runChannelArchiveJob';
import type {TaskChangeListener} from './domain/tasks/ports';
import {createTaskService} from './domain/tasks/taskService';
import {createInProcessFeed} from './domain/live/inProcessFeed';
import {createLiveUpdates} from './domain/live/liveUpdates';
import {publishingChanges} from './domain/live/publishingChanges';
import {createHolderDeactivation} from './domain/notices/holderDeactivation';
import {registerStreamRoutes, type StreamRouteDeps} from './http/routes/stream';
import {createWebSocketListener} from './mattermost/websocketListener';
import {createWorkflowService} from './domain/workflows/workflowService';
import {createHandoffActions, createHandoffButtons, type HandoffActions} from './notices/handoffActions';
import {freshHandoffAttachment} from './notices/noticeComposer';
import {createReminderButtons, freshReminderAttachment} from './notices/reminderActions';
import {createSnoozeDialog} from './notices/snoozeDialog';
import {createReminderSnoozeRepository} from './storage/reminderSnoozeRepository';
import {createNoticeDelivery} from './notices/noticeDelivery';
import {createBotInteractions} from './mattermost/interactions';
import {createActionNonces} from './storage/actionNonceRepository';
import {registerMattermostActionRoutes} from './http/routes/mattermostActions';
import {createStatsService} from './domain/stats/statsService';
import {createUserSettingsService} from './domain/reminders/userSettings';
import {registerMeRoutes, registerMyCountersRoute, type MeRouteDeps} from './http/routes/me';
import {createReminderJobs} from './scheduler/reminderJobs';
import {createScheduler} from './scheduler/scheduler';
import {createUserSettingsRepository} from './storage/userSettingsRepository';
import {createRecurrenceJob} from './domain/recurrence/recurrenceJob';
import {createRecurrenceService} from './domain/recurrence/recurrenceService';
import {registerRecurrenceRoutes, type RecurrenceRouteDeps} from './http/routes/recurrences';
import {createRecurrenceRepository} from './storage/recurrenceRepository';
import {registerStatsRoutes, type StatsRouteDeps} from './http/routes/stats';
import {createStatsQueries} from './storage/statsQueries';
import {createChannelAccess} from './mattermost/channelAccess';
import {connectionFromSettings} from './mattermost/connection';
import {createUserPreferences} from './mattermost/userPreferences';
import {type Database, openDatabase} from './storage/database';
import {createSettingsRepository} from './storage/settingsRepository';
import {createTaskRepository} from './storage/taskRepository';

/** What routes use once the database is open. */
interface Services {
  settings: SettingsStore;
  /** Signs and checks the webapp's bridge session tokens. */
  sessionKey: Uint8Array;
  /** Whether a session's user is still active in Mattermost; `forget(userId)` on `user_updated`. */
  activeUsers: ActiveUsers;
  command: CommandRouteDeps;
  tasks: TaskRouteDeps;
  channels: {channelSettings: ChannelSettingsService};
  workflows: WorkflowRouteDeps;
  mattermostActions: {handoffActions: HandoffActions};
  stats: StatsRouteDeps;
  recurrences: RecurrenceRouteDeps;
  me: MeRouteDeps;
  stream: StreamRouteDeps;
}

export interface RunningBridge {
  /** Base URL the bridge listens on, e.g. http://127.0.0.1:8787. */
  url: string;
  /** The bridge's durable settings (setup and the sandbox write the Mattermost connection here). */
  settings: SettingsStore;
  /** Stops accepting, lets in-flight requests finish, closes the database. */
  stop(): Promise<void>;
}

/**
 * The composition root: everything the bridge runs on is created here and
 * passed down. The port is bound before the database opens, so a port
 * conflict is reported before anything is written to disk.
 */
export async function startBridge(config: BridgeConfig, logger: Logger): Promise<RunningBridge> {
  let database: Database | undefined;
  let services: Services | undefined = undefined;
  // Routes are registered before the database opens (the port is bound
  // first); the readiness gate keeps requests away until services exist.
  const started = (): Services => {
    if (!services) throw errors.notReady('starting up');
    return services;
  };
  let siteUrl: () => Promise<string | undefined> = async () => undefined;
  const server = buildHttpServer({
    logger,
    isStarted: () => services !== undefined,
    // CORS: Mattermost's SiteURL, once setup has recorded the connection.
    allowedOrigin: () => siteUrl(),
    routes: [
      (http) => registerCommandRoute(http, () => started().command),
      (http) => registerMattermostActionRoutes(http, () => started().mattermostActions),
      (http) => registerOpenApiRoute(http),
      (http) => registerAuthenticatedRoutes(http, (token) => verifyActiveSession(started().sessionKey, token, started().activeUsers.standing), (api) => {
        registerTaskRoutes(api, () => started().tasks);
        registerChannelRoutes(api, () => started().channels);
        registerWorkflowRoutes(api, () => started().workflows);
        registerStatsRoutes(api, () => started().stats);
        registerRecurrenceRoutes(api, () => started().recurrences);
        registerMeRoutes(api, () => started().me);
        registerMyCountersRoute(api, () => started().tasks);
        registerStreamRoutes(api, () => started().stream);
      }),
    ],
    readiness: {
      async check() {
        if (!database) throw new Error('the database is still opening');
        await database.checkReady();
        return {engine: database.engine};
      },
    },
  });

  try {
    await server.listen({host: config.http.host, port: config.http.port, listenTextResolver: () => ''});
  } catch (error) {
    await server.close();
    throw listenError(error as NodeJS.ErrnoException, config.http);
  }

  try {
    database = await openDatabase(config.storage);
  } catch (error) {
    await server.close();
    throw error;
  }
  const settings = createSettingsRepository(database.db);
  const connection = connectionFromSettings(settings);
  siteUrl = async () => {
    const current = await connection.get();
    return current?.siteUrl ?? current?.url;
  };
  const preferences = createUserPreferences({connection, logger});
  const sessionKey = await loadOrCreateSigningKey(settings);
  const calendar = businessCalendarOf(config.calendar);
  let wakeDelivery = () => {};
  // Live sync: every committed task change goes to the change feed (one process: in memory), and from there to the webapp streams.
  const reportFeed = (error: unknown) => logger.error({err: error}, 'could not publish task changes to the live feed');
  const feed = createInProcessFeed({report: reportFeed});
  const taskStore = publishingChanges(createTaskRepository(database.db, {afterCommit: () => wakeDelivery()}), feed, reportFeed);
  const access = createChannelAccess({connection});
  const clock = {now: () => new Date()};
  // Workflows and notices react to task changes inside their transactions;
  // the workflow service in turn changes tasks, so the list is filled after both exist.
  const listeners: TaskChangeListener[] = [];
  const userSettings = createUserSettingsService({store: createUserSettingsRepository(database.db), clock});
  const tasks = createTaskService({
    store: taskStore,
    access,
    clock,
    listeners,
    acceptance: {required: async (userId) => (await userSettings.get({userId, guest: false})).requireAcceptance},
  });
  const workflows = createWorkflowService({store: taskStore, access, clock, calendar, timeZone: config.calendar.timeZone, tasks: tasks.operations});
  listeners.push(workflows.listener, createHandoffNotifier(), createChannelNotifier());
  const channelSettings = createChannelSettingsService({store: taskStore, access, clock});
  const stats = createStatsService({store: createStatsQueries(database.db), access, clock});
  const recurrenceStore = publishingChanges(createRecurrenceRepository(database.db, {afterCommit: () => wakeDelivery()}), feed, reportFeed);
  // Clock-driven work; the scheduler that runs these starts below.
  const recurrenceJob = createRecurrenceJob({store: recurrenceStore, tasks: tasks.operations, runs: workflows, access, calendar, log: logger});
  const actionKey = await loadOrCreateSigningKey(settings, undefined, ACTION_SIGNING_KEY_SETTING);
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
  });
  const interactions = createBotInteractions({connection});
  const activeUsers = createActiveUsers({person: interactions.person});
  // Buttons and dialogs: what the notices' handler and the `/task new` form share.
  const dialogDeps = {tasks, interactions, nonces: createActionNonces(database.db), key: actionKey, now: clock.now, locale: preferences.locale, timeZone: preferences.timeZone, bridgeUrl};
  const newTaskDialog = createNewTaskDialog({...dialogDeps, calendar, isMember: access.isMember});
  const workflowStartDialog = createWorkflowStartDialog({...dialogDeps, workflows, userIdByUsername: createUsernameLookup({connection})});
  const settingsDialog = createSettingsDialog({...dialogDeps, settings: userSettings});
  // Snooze… on deadline reminders; their Done and Hand off… are the handoff notice's own (reminderActions.ts).
  const snooze = createSnoozeDialog({...dialogDeps, calendar, snoozes: createReminderSnoozeRepository(database.db), freshAttachment: freshReminderAttachment(delivery.compose, taskStore)});
  const handoffActions = createHandoffActions({
    ...dialogDeps,
    dialogs: [newTaskDialog, workflowStartDialog, settingsDialog, snooze.dialog],
    buttons: [snooze.button],
    freshAttachment: freshHandoffAttachment(delivery.compose, taskStore),
  });
  wakeDelivery = () => delivery.worker.wake();
  delivery.worker.start();
  // Mattermost's events as the bot: caches dropped the moment something changes, deactivated holders flagged to watchers.
  const holderDeactivation = createHolderDeactivation({store: taskStore, access, clock});
  const live = createLiveUpdates({feed, access});
  const mattermostEvents = createWebSocketListener({
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
  mattermostEvents.start();
  const scheduler = createScheduler({
    jobs: [recurrenceJob, createRunChannelArchiveJob({store: taskStore, archiveAfterDays: config.runChannels.archiveAfterDays}), ...createReminderJobs({db: database.db, tasks: taskStore, access, people: preferences, calendar, clock, onEnqueued: () => wakeDelivery()})],
    clock,
    tickMs: 60_000,
    logger,
  });
  scheduler.start();
  services = {
    settings,
    sessionKey,
    activeUsers,
    command: {
      connection,
      userLocale: preferences.locale,
      callerOf: async (userId) => {
        const person = await interactions.person(userId);
        if (!person.active) throw errors.forbidden('deactivated', 'This Mattermost account is deactivated.');
        return {userId: person.userId, guest: person.guest};
      },
      commands: {
        tasks,
        workflows,
        username: access.username,
        stats,
        timeZoneOf: preferences.timeZone,
        settings: userSettings,
        calendar,
        now: clock.now,
        openNewTaskDialog: newTaskDialog.open,
        openWorkflowStartDialog: workflowStartDialog.open,
        openSettingsDialog: settingsDialog.open,
        session: {issue: (caller) => issueSessionToken(sessionKey, caller, clock.now()), bridgeUrl},
      },
    },
    tasks: {tasks, timeZoneOf: preferences.timeZone},
    channels: {channelSettings},
    workflows: {workflows, timeZoneOf: preferences.timeZone},
    mattermostActions: {handoffActions},
    stats: {stats, timeZoneOf: preferences.timeZone},
    recurrences: {recurrences: createRecurrenceService({store: recurrenceStore, access, clock, calendar, runs: workflows}), timeZoneOf: preferences.timeZone},
    me: {userSettings},
    stream: {live},
  };

  const url = baseUrl(server.server.address(), config.http);
  logger.info({url, engine: database.engine}, 'bridge ready');

  const openDatabaseHandle = database;
  return {
    url,
    settings,
    async stop() {
      // Open event streams end in the server's preClose hook.
      await server.close();
      await mattermostEvents.stop();
      await scheduler.stop();
      await delivery.worker.stop();
      await openDatabaseHandle.close();
    },
  };
}

/** The organisation calendar from the configuration; a contradiction (a day both open and closed) stops start-up. */
function businessCalendarOf(calendar: BridgeConfig['calendar']): BusinessCalendar {
  try {
    return createBusinessCalendar({country: calendar.country, closedDays: calendar.closedDays, openDays: calendar.openDays});
  } catch (error) {
    throw new StartupError([`config: calendar: ${(error as Error).message}`]);
  }
}

function baseUrl(address: AddressInfo | string | null, http: BridgeConfig['http']): string {
  if (address === null || typeof address === 'string') return `http://${http.host}:${http.port}`;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function listenError(error: NodeJS.ErrnoException, http: BridgeConfig['http']): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError([`http: port ${http.port} on ${http.host} is already in use; stop the other process or set BATON_PORT to a free port.`]);
    case 'EACCES':
      return new StartupError([`http: no permission to listen on port ${http.port}; use a port above 1023 (BATON_PORT).`]);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartupError([`http: cannot listen on ${http.host}: no such local address; set BATON_HOST to an address of this machine.`]);
    default:
      return error;
  }
}
