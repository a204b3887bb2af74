import type {AddressInfo} from 'node:net';
import type {BridgeConfig} from './config/config';
import type {SettingsStore} from './domain/settings';
import {StartupError, errors} from './errors';
import {issueSessionToken, loadOrCreateSigningKey, verifyActiveSession} from './http/bridgeSession';
import type {ActiveUsers} from './mattermost/activeUsers';
import {registerOpenApiRoute} from './http/openapi';
import {registerAuthenticatedRoutes} from './http/requireCaller';
import {verifyBearer} from './http/apiTokenAuth';
import {type AdminRouteDeps, registerAdminRoutes} from './http/routes/admin';
import {type ExternalRouteDeps, registerExternalRoutes} from './http/routes/external';
import {type CommandRouteDeps, registerCommandRoute} from './http/routes/mattermostCommand';
import {registerChannelRoutes} from './http/routes/channels';
import {type IntakeRouteDeps, registerIntakeAdminRoutes, registerIntakeSubmitRoute} from './http/routes/intake';
import {wireIntake} from './wiring/intake';
import {registerTaskRoutes, type TaskRouteDeps} from './http/routes/tasks';
import {registerWorkflowRoutes, type WorkflowRouteDeps} from './http/routes/workflows';
import {buildHttpServer} from './http/server';
import type {Logger} from './logging/logger';
import type {ChannelSettingsService} from './domain/channels/channelSettingsService';
import {createRunChannelArchiveJob} from './domain/workflows/runChannelArchiveJob';
import {registerStreamRoutes, type StreamRouteDeps} from './http/routes/stream';
import type {HandoffActions} from './notices/handoffActions';
import {registerMattermostActionRoutes} from './http/routes/mattermostActions';
import {registerMeRoutes, registerMyCountersRoute, type MeRouteDeps} from './http/routes/me';
import {createReminderJobs} from './scheduler/reminderJobs';
import {createScheduler} from './scheduler/scheduler';
import {registerRecurrenceRoutes, type RecurrenceRouteDeps} from './http/routes/recurrences';
import {registerStatsRoutes, type StatsRouteDeps} from './http/routes/stats';
import {type Database, openDatabase} from './storage/database';
import {wireDomainServices} from './wiring/domainServices';
import {wireMattermostIntegration} from './wiring/mattermostIntegration';
import {wireReplicas} from './wiring/replicas';
import {wireApiTokens} from './wiring/apiTokens';
import type {ApiTokenService} from './domain/tokens/apiTokenService';
import {createAuditService} from './domain/audit/auditService';
import {registerAuditRoutes, type AuditRouteDeps} from './http/routes/audit';
import {auditReadsOn} from './storage/auditRepository';
import {registerWebhookRoutes, type WebhookRouteDeps} from './http/routes/webhooks';
import {createWebhookService} from './domain/webhooks/webhookService';
import {createWebhookRepository} from './storage/webhookRepository';

/** What routes use once the database is open. */
interface Services {
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
  /** Verifies business systems' API tokens. */
  apiTokens: ApiTokenService;
  admin: AdminRouteDeps;
  external: ExternalRouteDeps;
  audit: AuditRouteDeps;
  intakes: IntakeRouteDeps;
  webhooks: WebhookRouteDeps;
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
    limits: config.limits,
    routes: [
      (http) => registerCommandRoute(http, () => started().command),
      (http) => registerMattermostActionRoutes(http, () => started().mattermostActions),
      (http) => registerOpenApiRoute(http),
      // Public: a web form's submissions (its own body limit and per-address budget).
      (http) => registerIntakeSubmitRoute(http, () => started().intakes, config.intake),
      (http) => registerAuthenticatedRoutes(http, verifyBearer({
        session: (token) => verifyActiveSession(started().sessionKey, token, started().activeUsers.standing),
        apiToken: (token) => started().apiTokens.verify(token),
      }), (api) => {
        registerTaskRoutes(api, () => started().tasks);
        registerChannelRoutes(api, () => started().channels);
        registerIntakeAdminRoutes(api, () => started().intakes);
        registerWorkflowRoutes(api, () => started().workflows);
        registerStatsRoutes(api, () => started().stats);
        registerRecurrenceRoutes(api, () => started().recurrences);
        registerMeRoutes(api, () => started().me);
        registerMyCountersRoute(api, () => started().tasks);
        registerStreamRoutes(api, () => started().stream);
        registerAdminRoutes(api, () => started().admin);
        registerExternalRoutes(api, () => started().external);
        registerAuditRoutes(api, () => started().audit);
        registerWebhookRoutes(api, () => started().webhooks);
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
  // Shared with other replicas on PostgreSQL: the live feed, cache invalidations, the Mattermost listener's leadership.
  const replicas = wireReplicas({config, database, logger});
  const domain = wireDomainServices({config, database, logger, feed: replicas.feed});
  const {connection, preferences, access, clock, tasks, workflows, userSettings} = domain;
  siteUrl = async () => {
    const current = await connection.get();
    return current?.siteUrl ?? current?.url;
  };
  const sessionKey = await loadOrCreateSigningKey(domain.settings);
  const mattermost = await wireMattermostIntegration({database, logger, domain, replicas, webhooks: config.webhooks});
  // REST routes serve API token callers within their token's channels (domain/tokens/tokenScope.ts).
  const viaTokens = wireApiTokens({
    db: database.db,
    access,
    clock,
    tasks,
    workflows,
    servicesOn: domain.servicesOn,
    botUserId: async () => (await connection.get())?.botUserId,
    feed: domain.feed,
    afterCommit: domain.wakeAfterCommit,
    reportFeed: (error) => logger.error({err: error}, 'could not publish task changes to the live feed'),
  });
  // A business system (an API token: the bot) has no Mattermost time zone of its own: its all-day deadlines end in the organisation's.
  const zoneOf = async (userId: string) => (userId === (await connection.get())?.botUserId ? config.calendar.timeZone : preferences.timeZone(userId));
  // LISTEN before anything is published: this replica's own changes reach its streams that way too.
  await replicas.start();
  mattermost.start();
  const scheduler = createScheduler({
    jobs: [
      domain.recurrenceJob,
      createRunChannelArchiveJob({store: domain.taskStore, archiveAfterDays: config.runChannels.archiveAfterDays}),
      ...createReminderJobs({db: database.db, tasks: domain.taskStore, access, people: preferences, calendar: domain.calendar, clock, onEnqueued: () => mattermost.wakeDelivery()}),
    ],
    clock,
    tickMs: 60_000,
    logger,
  });
  scheduler.start();
  services = {
    sessionKey,
    activeUsers: mattermost.activeUsers,
    command: {
      connection,
      userLocale: preferences.locale,
      callerOf: async (userId) => {
        const person = await mattermost.interactions.person(userId);
        if (!person.active) throw errors.forbidden('deactivated', 'This Mattermost account is deactivated.');
        return {userId: person.userId, guest: person.guest};
      },
      commands: {
        tasks,
        workflows,
        username: access.username,
        stats: domain.stats,
        timeZoneOf: preferences.timeZone,
        settings: userSettings,
        calendar: domain.calendar,
        now: clock.now,
        openNewTaskDialog: mattermost.dialogs.newTask.open,
        openWorkflowStartDialog: mattermost.dialogs.workflowStart.open,
        openSettingsDialog: mattermost.dialogs.settings.open,
        session: {issue: (caller) => issueSessionToken(sessionKey, caller, clock.now()), bridgeUrl: mattermost.bridgeUrl},
        apiTokens: viaTokens.apiTokens,
      },
    },
    tasks: {tasks: viaTokens.tasks, timeZoneOf: zoneOf},
    channels: {channelSettings: domain.channelSettings},
    intakes: {
      intakes: wireIntake({
        db: database.db,
        access,
        channels: domain.taskStore.channels,
        clock,
        servicesOn: domain.servicesOn,
        botUserId: async () => (await connection.get())?.botUserId,
      }),
    },
    workflows: {workflows: viaTokens.workflows, timeZoneOf: zoneOf},
    mattermostActions: {handoffActions: mattermost.handoffActions},
    stats: {stats: domain.stats, timeZoneOf: preferences.timeZone},
    recurrences: {recurrences: domain.recurrences, timeZoneOf: preferences.timeZone},
    me: {userSettings},
    audit: {audit: createAuditService({reads: auditReadsOn(database.db), access})},
    webhooks: {webhooks: createWebhookService({store: createWebhookRepository(database.db), access, clock})},
    stream: {live: mattermost.live},
    apiTokens: viaTokens.apiTokens,
    admin: {apiTokens: viaTokens.apiTokens},
    external: {
      external: viaTokens.external,
      steps: viaTokens.steps,
      workflows: viaTokens.workflows,
      timeZoneOf: zoneOf,
    },
  };

  const url = baseUrl(server.server.address(), config.http);
  logger.info({url, engine: database.engine}, 'bridge ready');

  const openDatabaseHandle = database;
  return {
    url,
    settings: domain.settings,
    async stop() {
      // Open event streams end in the server's preClose hook.
      await server.close();
      await scheduler.stop();
      await mattermost.stop();
      await replicas.stop();
      await openDatabaseHandle.close();
    },
  };
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
