import type {BridgeConfig} from '../config/config';
import {type BusinessCalendar, createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createChannelSettingsService} from '../domain/channels/channelSettingsService';
import type {ChangeFeed} from '../domain/live/ports';
import {publishingChanges} from '../domain/live/publishingChanges';
import {createChannelNotifier} from '../domain/notices/channelNotifier';
import {createHandoffNotifier} from '../domain/notices/handoffNotifier';
import {createRecurrenceJob} from '../domain/recurrence/recurrenceJob';
import {createRecurrenceService} from '../domain/recurrence/recurrenceService';
import {createUserSettingsService} from '../domain/reminders/userSettings';
import {createStatsService} from '../domain/stats/statsService';
import type {ChannelAccess, TaskChangeListener} from '../domain/tasks/ports';
import {createTaskService} from '../domain/tasks/taskService';
import {createWorkflowService} from '../domain/workflows/workflowService';
import {StartupError} from '../errors';
import type {Logger} from '../logging/logger';
import {createChannelAccess} from '../mattermost/channelAccess';
import {connectionFromSettings} from '../mattermost/connection';
import {createUserPreferences} from '../mattermost/userPreferences';
import type {Database} from '../storage/database';
import {createRecurrenceRepository} from '../storage/recurrenceRepository';
import {createSettingsRepository} from '../storage/settingsRepository';
import {createStatsQueries} from '../storage/statsQueries';
import {createTaskRepository} from '../storage/taskRepository';
import {createUserSettingsRepository} from '../storage/userSettingsRepository';

// Baton's services on an open database: tasks, workflows, channel settings,
// stats, recurrences, per-person settings, and what they ask Mattermost
// (membership, names, locale and time zone, cached). Every committed task
// change goes to the live feed (`feed`: in memory, or shared by replicas
// through PostgreSQL, wiring/replicas.ts) and wakes the notice
// delivery, which is wired later (wiring/mattermostIntegration.ts): `onCommit`
// names what to wake.

export function wireDomainServices({config, database, logger, feed}: {config: BridgeConfig; database: Database; logger: Logger; feed: ChangeFeed}) {
  const settings = createSettingsRepository(database.db);
  const connection = connectionFromSettings(settings);
  const preferences = createUserPreferences({connection, logger});
  const calendar = businessCalendarOf(config.calendar);
  const clock = {now: () => new Date()};
  let afterCommit = () => {};
  const committed = () => afterCommit();
  const reportFeed = (error: unknown) => logger.error({err: error}, 'could not publish task changes to the live feed');
  const taskStore = publishingChanges(createTaskRepository(database.db, {afterCommit: committed}), feed, reportFeed);
  const access = createChannelAccess({connection});
  // Workflows and notices react to task changes inside their transactions;
  // the workflow service in turn changes tasks, so the list is filled after both exist.
  const listeners: TaskChangeListener[] = [];
  const userSettings = createUserSettingsService({store: createUserSettingsRepository(database.db), clock});
  const taskServiceDeps = {
    store: taskStore,
    clock,
    listeners,
    acceptance: {required: async (userId: string) => (await userSettings.get({userId, guest: false})).requireAcceptance},
  };
  const tasks = createTaskService({...taskServiceDeps, access});
  const workflowServiceDeps = {store: taskStore, clock, calendar, timeZone: config.calendar.timeZone};
  const workflows = createWorkflowService({...workflowServiceDeps, access, tasks: tasks.operations});
  /**
   * The task and workflow services on another view of channel access: an API
   * token's (domain/tokens/tokenScope.ts, wiring/apiTokens.ts). Same store,
   * listeners and rules; only who counts as a member differs.
   */
  const servicesOn = (channelAccess: ChannelAccess) => {
    const scopedTasks = createTaskService({...taskServiceDeps, access: channelAccess});
    return {tasks: scopedTasks, workflows: createWorkflowService({...workflowServiceDeps, access: channelAccess, tasks: scopedTasks.operations})};
  };
  listeners.push(workflows.listener, createHandoffNotifier(), createChannelNotifier());
  const recurrenceStore = publishingChanges(createRecurrenceRepository(database.db, {afterCommit: committed}), feed, reportFeed);
  return {
    settings,
    connection,
    preferences,
    calendar,
    clock,
    feed,
    taskStore,
    access,
    userSettings,
    tasks,
    workflows,
    servicesOn,
    channelSettings: createChannelSettingsService({store: taskStore, access, clock}),
    stats: createStatsService({store: createStatsQueries(database.db), access, clock}),
    recurrences: createRecurrenceService({store: recurrenceStore, access, clock, calendar, runs: workflows}),
    /** Creates each recurring task or run when it is due; run by the scheduler. */
    recurrenceJob: createRecurrenceJob({store: recurrenceStore, tasks: tasks.operations, runs: workflows, access, calendar, log: logger}),
    /** Names what runs after every commit of the task and recurrence stores (the delivery worker's wake-up). */
    /** Runs what `onCommit` named, for stores wired elsewhere (wiring/apiTokens.ts). */
    wakeAfterCommit: committed,
    onCommit(run: () => void) {
      afterCommit = run;
    },
  };
}

export type DomainServices = ReturnType<typeof wireDomainServices>;

/** The organisation calendar from the configuration; a contradiction (a day both open and closed) stops start-up. */
function businessCalendarOf(calendar: BridgeConfig['calendar']): BusinessCalendar {
  try {
    return createBusinessCalendar({country: calendar.country, closedDays: calendar.closedDays, openDays: calendar.openDays});
  } catch (error) {
    throw new StartupError([`config: calendar: ${(error as Error).message}`]);
  }
}
