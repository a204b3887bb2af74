import {createAuditService} from '../domain/audit/auditService';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createChannelSettingsService} from '../domain/channels/channelSettingsService';
import type {LiveUpdates} from '../domain/live/liveUpdates';
import {createHandoffNotifier} from '../domain/notices/handoffNotifier';
import {createRecurrenceService} from '../domain/recurrence/recurrenceService';
import {createUserSettingsService} from '../domain/reminders/userSettings';
import {createStatsService} from '../domain/stats/statsService';
import type {ChannelAccess, TaskChangeListener} from '../domain/tasks/ports';
import {createTaskService} from '../domain/tasks/taskService';
import {createWebhookService} from '../domain/webhooks/webhookService';
import {createWorkflowService} from '../domain/workflows/workflowService';
import {registerOpenApiRoute} from '../http/openapi';
import {registerAdminRoutes} from '../http/routes/admin';
import {registerAuditRoutes} from '../http/routes/audit';
import {registerChannelRoutes} from '../http/routes/channels';
import {registerExternalRoutes} from '../http/routes/external';
import {registerIntakeAdminRoutes, registerIntakeSubmitRoute} from '../http/routes/intake';
import {registerMeRoutes, registerMyCountersRoute} from '../http/routes/me';
import {registerRecurrenceRoutes} from '../http/routes/recurrences';
import {registerStatsRoutes} from '../http/routes/stats';
import {registerStreamRoutes} from '../http/routes/stream';
import {registerTaskRoutes} from '../http/routes/tasks';
import {registerWebhookRoutes} from '../http/routes/webhooks';
import {registerWorkflowRoutes} from '../http/routes/workflows';
import {auditReadsOn} from '../storage/auditRepository';
import type {Database} from '../storage/database';
import {createRecurrenceRepository} from '../storage/recurrenceRepository';
import {createStatsQueries} from '../storage/statsQueries';
import {createTaskRepository} from '../storage/taskRepository';
import {createUserSettingsRepository} from '../storage/userSettingsRepository';
import {createWebhookRepository} from '../storage/webhookRepository';
import {wireApiTokens} from '../wiring/apiTokens';
import {wireIntake} from '../wiring/intake';
import {fakeChannelAccess} from './fakeChannelAccess';
import {mmId} from './mattermostIds';
import type {RouteTestSetup} from './routeTestWorld';

// Every REST route group of the bridge (as app.ts registers them, API tokens
// wired as wiring/apiTokens.ts wires them) plus the public intake form and the
// OpenAPI document, on one database: what the HTTP fuzz test (issue 9) throws
// generated requests at. Budgets are far above what a fuzz run sends, so an
// answer is never a 429 by chance.

export const fuzzPeople = {admin: mmId('admin'), sato: mmId('sato'), tanaka: mmId('tanaka'), kim: mmId('guestkim'), bot: mmId('baton')};
export const fuzzChannel = mmId('patents');

const access = fakeChannelAccess({
  channels: {[fuzzChannel]: {name: 'patents', members: [fuzzPeople.admin, fuzzPeople.sato, fuzzPeople.tanaka, fuzzPeople.kim], admins: [fuzzPeople.sato]}},
  systemAdmins: [fuzzPeople.admin],
  guests: [fuzzPeople.kim],
});

/** A live feed whose streams end at once: GET /api/v1/stream then answers (inject waits for the end) with the real route and framing. */
const endingStreams: LiveUpdates = {
  subscribe: (_caller, _deliver, ended = () => {}) => {
    setImmediate(ended);
    return () => {};
  },
} as LiveUpdates;

export function fuzzRoutesOn(database: Database): RouteTestSetup {
  const store = createTaskRepository(database.db);
  const clock = {now: () => new Date()};
  const calendar = createBusinessCalendar({country: 'JP'});
  const listeners: TaskChangeListener[] = [];
  const servicesOn = (channelAccess: ChannelAccess) => {
    const tasks = createTaskService({store, access: channelAccess, clock, listeners});
    return {tasks, workflows: createWorkflowService({store, access: channelAccess, clock, calendar, timeZone: 'Asia/Tokyo', tasks: tasks.operations})};
  };
  const shared = servicesOn(access);
  listeners.push(shared.workflows.listener, createHandoffNotifier());
  const wired = wireApiTokens({db: database.db, access, clock, ...shared, servicesOn, botUserId: async () => fuzzPeople.bot});
  const intakes = wireIntake({db: database.db, access, channels: store.channels, clock, servicesOn, botUserId: async () => fuzzPeople.bot});
  const timeZoneOf = async () => 'Asia/Tokyo';
  return {
    people: {admin: fuzzPeople.admin, sato: fuzzPeople.sato, kim: {userId: fuzzPeople.kim, guest: true}},
    verifyApiToken: wired.apiTokens.verify,
    limits: {perTokenPerMinute: 10_000_000, perUserPerMinute: 10_000_000},
    publicRoutes: [(http) => registerOpenApiRoute(http), (http) => registerIntakeSubmitRoute(http, () => ({intakes}), {bodyBytes: 64 * 1024, perAddressPerMinute: 10_000_000})],
    register: (api) => {
      registerTaskRoutes(api, () => ({tasks: wired.tasks, timeZoneOf}));
      registerChannelRoutes(api, () => ({channelSettings: createChannelSettingsService({store, access, clock})}));
      registerIntakeAdminRoutes(api, () => ({intakes}));
      registerMeRoutes(api, () => ({userSettings: createUserSettingsService({store: createUserSettingsRepository(database.db), clock})}));
      registerMyCountersRoute(api, () => ({tasks: wired.tasks}));
      registerWorkflowRoutes(api, () => ({workflows: wired.workflows, timeZoneOf}));
      registerStatsRoutes(api, () => ({stats: createStatsService({store: createStatsQueries(database.db), access, clock}), timeZoneOf}));
      registerRecurrenceRoutes(api, () => ({recurrences: createRecurrenceService({store: createRecurrenceRepository(database.db), access, clock, calendar, runs: shared.workflows}), timeZoneOf}));
      registerStreamRoutes(api, () => ({live: endingStreams}));
      registerAuditRoutes(api, () => ({audit: createAuditService({reads: auditReadsOn(database.db), access})}));
      registerAdminRoutes(api, () => ({apiTokens: wired.apiTokens}));
      registerWebhookRoutes(api, () => ({webhooks: createWebhookService({store: createWebhookRepository(database.db), access, clock})}));
      registerExternalRoutes(api, () => ({external: wired.external, steps: wired.steps, workflows: wired.workflows, timeZoneOf}));
    },
  };
}
