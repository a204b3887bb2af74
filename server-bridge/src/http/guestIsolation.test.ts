import type {FastifyInstance} from 'fastify';
import {createAuditService} from '../domain/audit/auditService';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createChannelSettingsService} from '../domain/channels/channelSettingsService';
import {createInProcessFeed} from '../domain/live/inProcessFeed';
import {createLiveUpdates} from '../domain/live/liveUpdates';
import {publishingChanges} from '../domain/live/publishingChanges';
import {createRecurrenceService} from '../domain/recurrence/recurrenceService';
import {createUserSettingsService} from '../domain/reminders/userSettings';
import {createStatsService} from '../domain/stats/statsService';
import type {TaskChangeListener} from '../domain/tasks/ports';
import {createTaskService} from '../domain/tasks/taskService';
import {createApiTokenService} from '../domain/tokens/apiTokenService';
import {createWebhookService} from '../domain/webhooks/webhookService';
import {createExternalTaskService} from '../domain/external/externalTaskService';
import {createStepCompletion} from '../domain/workflows/stepCompletion';
import {createWorkflowService} from '../domain/workflows/workflowService';
import {type Database, openDatabase} from '../storage/database';
import {createApiTokenRepository} from '../storage/apiTokenRepository';
import {auditReadsOn} from '../storage/auditRepository';
import {createExternalRefRepository} from '../storage/externalRefRepository';
import {createRecurrenceRepository} from '../storage/recurrenceRepository';
import {createStatsQueries} from '../storage/statsQueries';
import {createTaskRepository} from '../storage/taskRepository';
import {createUserSettingsRepository} from '../storage/userSettingsRepository';
import {createWebhookRepository} from '../storage/webhookRepository';
import {startApiTestServer} from '../testing/apiTestServer';
import {freshStorage, type TestStorage} from '../testing/engines';
import {fakeChannelAccess} from '../testing/fakeChannelAccess';
import {mmId} from '../testing/mattermostIds';
import {until} from '../testing/until';
import {wireIntake} from '../wiring/intake';
import {operations} from './openapiOperations';
import {registerAdminRoutes} from './routes/admin';
import {registerAuditRoutes} from './routes/audit';
import {registerChannelRoutes} from './routes/channels';
import {registerExternalRoutes} from './routes/external';
import {registerIntakeAdminRoutes} from './routes/intake';
import {registerMeRoutes, registerMyCountersRoute} from './routes/me';
import {registerRecurrenceRoutes} from './routes/recurrences';
import {registerStatsRoutes} from './routes/stats';
import {registerStreamRoutes} from './routes/stream';
import {registerTaskRoutes} from './routes/tasks';
import {registerWebhookRoutes} from './routes/webhooks';
import {registerWorkflowRoutes} from './routes/workflows';

// The guest isolation matrix (issue 8): a Mattermost guest, member of the
// client channel only, calls every /api/v1 operation against the real routes
// on a real store that holds tasks, comments, runs and recurrences in both
// the client channel and a members-only channel. Reads must show nothing of
// the members-only channel — every response body is scanned for its ids,
// keys and titles — and writes aimed at others' content must be refused and
// change nothing. One row per operation of openapiOperations.ts: a new
// operation without a row fails the coverage test.

const [client, inner] = [mmId('client'), mmId('inner')];
const [sato, tanaka, kim] = [mmId('sato'), mmId('tanaka'), mmId('guestkim')];
const access = fakeChannelAccess({
  channels: {[client]: {name: 'client-acme', members: [sato, tanaka, kim], admins: [sato]}, [inner]: {name: 'partners-only', members: [sato, tanaka], admins: [sato]}},
  systemAdmins: [sato],
  guests: [kim],
});

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Seeded {
  secretTask: {id: string; key: string};
  sharedTask: {id: string; key: string};
  secretCommentId: string;
  sharedCommentByTanaka: string;
  secretRunId: string;
  secretRecurrenceId: string;
  sharedRecurrenceId: string;
  tokenId: string;
  intakeId: string;
  webhookId: string;
}
/** One request of a row; `allowed` are the statuses that count as refused (writes) or answered (reads). */
interface Probe {
  method: Method;
  url: (s: Seeded) => string;
  body?: (s: Seeded) => unknown;
  headers?: Record<string, string>;
}
interface Row {
  kind: 'read' | 'write';
  probes: Probe[];
  /** Writes: the statuses a refusal may have. */
  refused?: number[];
}

const SECRET_TITLE = 'Partners-only merger memo';
const SECRET_COMMENT = 'Confidential: valuation 12M';
const REFUSED = [403, 404];

const get = (url: Probe['url']): Probe => ({method: 'GET', url});
/** Every list filter, each aimed at the members-only channel's content where it can be. */
const TASK_LIST_FILTERS = [
  '',
  `holderId=${sato}`,
  `creatorId=${tanaka}`,
  `channelId=${inner}`,
  `watcherId=${tanaka}`,
  `handedById=${tanaka}&accepted=false&statusCategory=open`,
  'accepted=true',
  'statusId=open',
  'statusCategory=open',
  'priority=urgent,high',
  'label=secret',
  'caseId=M-1',
  'q=merger',
  'q=valuation',
  'q=Partners-only',
  'dueKind=internal&overdue=true',
  'dueAfter=2000-01-01T00:00:00Z&dueBefore=2100-01-01T00:00:00Z',
  'overdue=false',
  'sort=due:internal',
  'sort=-priority',
  'limit=1',
];

const rows: Record<string, Row> = {
  'get /api/v1/tasks': {kind: 'read', probes: [...TASK_LIST_FILTERS.map((query) => get(() => `/api/v1/tasks?${query}`)), get((s) => `/api/v1/tasks?parentId=${s.secretTask.key}`)]},
  'post /api/v1/tasks': {kind: 'write', probes: [{method: 'POST', url: () => '/api/v1/tasks', body: () => ({title: 'Guest sneaks in', channelId: inner})}, {method: 'POST', url: () => '/api/v1/tasks', body: () => ({title: 'Guest creates', channelId: client})}], refused: REFUSED},
  'get /api/v1/tasks/export': {kind: 'read', probes: ['csv', 'json'].flatMap((format) => TASK_LIST_FILTERS.filter((query) => !query.startsWith('limit')).map((query) => get(() => `/api/v1/tasks/export?format=${format}&${query}`)))},
  'get /api/v1/tasks/{idOrKey}': {kind: 'read', probes: [get((s) => `/api/v1/tasks/${s.secretTask.key}`), get((s) => `/api/v1/tasks/${s.secretTask.id}`)]},
  'patch /api/v1/tasks/{idOrKey}': {kind: 'write', probes: [{method: 'PATCH', url: (s) => `/api/v1/tasks/${s.secretTask.key}`, body: () => ({title: 'Hacked', version: 1})}, {method: 'PATCH', url: (s) => `/api/v1/tasks/${s.sharedTask.key}`, body: () => ({title: 'Hacked', version: 1})}], refused: REFUSED},
  'post /api/v1/tasks/{idOrKey}/handoff': {kind: 'write', probes: [{method: 'POST', url: (s) => `/api/v1/tasks/${s.secretTask.key}/handoff`, body: () => ({toUserId: kim})}, {method: 'POST', url: (s) => `/api/v1/tasks/${s.sharedTask.key}/handoff`, body: () => ({toUserId: kim})}], refused: REFUSED},
  'post /api/v1/tasks/{idOrKey}/transition': {kind: 'write', probes: [{method: 'POST', url: (s) => `/api/v1/tasks/${s.secretTask.key}/transition`, body: () => ({statusId: 'done'})}, {method: 'POST', url: (s) => `/api/v1/tasks/${s.sharedTask.key}/transition`, body: () => ({statusId: 'done'})}], refused: REFUSED},
  'post /api/v1/tasks/{idOrKey}/accept': {kind: 'write', probes: [{method: 'POST', url: (s) => `/api/v1/tasks/${s.secretTask.key}/accept`}, {method: 'POST', url: (s) => `/api/v1/tasks/${s.sharedTask.key}/accept`}], refused: REFUSED},
  'post /api/v1/tasks/{idOrKey}/decline': {kind: 'write', probes: [{method: 'POST', url: (s) => `/api/v1/tasks/${s.secretTask.key}/decline`, body: () => ({reason: 'no'})}, {method: 'POST', url: (s) => `/api/v1/tasks/${s.sharedTask.key}/decline`, body: () => ({reason: 'no'})}], refused: REFUSED},
  'get /api/v1/tasks/{idOrKey}/comments': {kind: 'read', probes: [get((s) => `/api/v1/tasks/${s.secretTask.key}/comments`)]},
  'post /api/v1/tasks/{idOrKey}/comments': {kind: 'write', probes: [{method: 'POST', url: (s) => `/api/v1/tasks/${s.secretTask.key}/comments`, body: () => ({body: 'guest was here'})}], refused: REFUSED},
  'patch /api/v1/tasks/{idOrKey}/comments/{commentId}': {kind: 'write', probes: [{method: 'PATCH', url: (s) => `/api/v1/tasks/${s.secretTask.key}/comments/${s.secretCommentId}`, body: () => ({body: 'edited'})}, {method: 'PATCH', url: (s) => `/api/v1/tasks/${s.sharedTask.key}/comments/${s.sharedCommentByTanaka}`, body: () => ({body: 'edited'})}], refused: REFUSED},
  'delete /api/v1/tasks/{idOrKey}/comments/{commentId}': {kind: 'write', probes: [{method: 'DELETE', url: (s) => `/api/v1/tasks/${s.secretTask.key}/comments/${s.secretCommentId}`}, {method: 'DELETE', url: (s) => `/api/v1/tasks/${s.sharedTask.key}/comments/${s.sharedCommentByTanaka}`}], refused: REFUSED},
  'put /api/v1/tasks/{idOrKey}/watch': {kind: 'write', probes: [{method: 'PUT', url: (s) => `/api/v1/tasks/${s.secretTask.key}/watch`}], refused: REFUSED},
  'delete /api/v1/tasks/{idOrKey}/watch': {kind: 'write', probes: [{method: 'DELETE', url: (s) => `/api/v1/tasks/${s.secretTask.key}/watch`}], refused: REFUSED},
  'get /api/v1/tasks/{idOrKey}/timeline': {kind: 'read', probes: [get((s) => `/api/v1/tasks/${s.secretTask.key}/timeline`)]},
  'get /api/v1/channels/{channelId}/settings': {kind: 'read', probes: [get(() => `/api/v1/channels/${inner}/settings`)]},
  'patch /api/v1/channels/{channelId}/settings': {kind: 'write', probes: [{method: 'PATCH', url: () => `/api/v1/channels/${inner}/settings`, body: () => ({guests: {mayCreateTasks: true}})}, {method: 'PATCH', url: () => `/api/v1/channels/${client}/settings`, body: () => ({guests: {mayCreateTasks: true}})}], refused: REFUSED},
  'post /api/v1/channels/{channelId}/intakes': {kind: 'write', probes: [{method: 'POST', url: () => `/api/v1/channels/${inner}/intakes`, body: () => ({name: 'Guest form'})}, {method: 'POST', url: () => `/api/v1/channels/${client}/intakes`, body: () => ({name: 'Guest form'})}], refused: REFUSED},
  'get /api/v1/channels/{channelId}/intakes': {kind: 'read', probes: [get(() => `/api/v1/channels/${inner}/intakes`), get(() => `/api/v1/channels/${client}/intakes`)]},
  'delete /api/v1/channels/{channelId}/intakes/{intakeId}': {kind: 'write', probes: [{method: 'DELETE', url: (s) => `/api/v1/channels/${inner}/intakes/${s.intakeId}`}], refused: REFUSED},
  // Its own test below: the stream never ends, so it is read over a socket.
  'get /api/v1/stream': {kind: 'read', probes: []},
  'get /api/v1/workflows': {kind: 'read', probes: [get(() => '/api/v1/workflows')]},
  'post /api/v1/workflows': {kind: 'write', probes: [{method: 'POST', url: () => '/api/v1/workflows', body: () => ({name: 'Guest flow', steps: [{name: 'One', assignee: {kind: 'requester'}}]})}], refused: REFUSED},
  'post /api/v1/workflows/import': {kind: 'write', probes: [{method: 'POST', url: () => '/api/v1/workflows/import', body: () => ({format: 'baton.workflow', version: 1, definition: {name: 'Guest import', steps: [{name: 'One', assignee: {kind: 'requester'}}]}})}], refused: [...REFUSED, 400]},
  'get /api/v1/workflows/{templateRef}': {kind: 'read', probes: [get(() => '/api/v1/workflows/Review')]},
  'put /api/v1/workflows/{templateRef}': {kind: 'write', probes: [{method: 'PUT', url: () => '/api/v1/workflows/Review', body: () => ({name: 'Review', steps: [{name: 'Hacked', assignee: {kind: 'requester'}}]}), headers: {'if-match': '"1"'}}], refused: REFUSED},
  'get /api/v1/workflows/{templateRef}/export': {kind: 'read', probes: [get(() => '/api/v1/workflows/Review/export')]},
  'post /api/v1/workflows/{templateRef}/runs': {kind: 'write', probes: [{method: 'POST', url: () => '/api/v1/workflows/Review/runs', body: () => ({channelId: inner})}, {method: 'POST', url: () => '/api/v1/workflows/Review/runs', body: () => ({channelId: client})}], refused: REFUSED},
  'get /api/v1/runs/{runId}': {kind: 'read', probes: [get((s) => `/api/v1/runs/${s.secretRunId}`)]},
  'post /api/v1/runs/{runId}/steps/{position}/complete': {kind: 'write', probes: [{method: 'POST', url: (s) => `/api/v1/runs/${s.secretRunId}/steps/0/complete`, body: () => ({})}], refused: REFUSED},
  'get /api/v1/stats/people/{userId}': {kind: 'read', probes: [get(() => `/api/v1/stats/people/${tanaka}?from=2020-01-01&to=2030-01-01`), get(() => `/api/v1/stats/people/${kim}?from=2020-01-01&to=2030-01-01`)]},
  'get /api/v1/stats/workflows/{templateRef}': {kind: 'read', probes: [get(() => '/api/v1/stats/workflows/Review?from=2020-01-01&to=2030-01-01')]},
  'get /api/v1/recurrences': {kind: 'read', probes: [get(() => '/api/v1/recurrences'), get(() => `/api/v1/recurrences?channelId=${inner}`)]},
  'post /api/v1/recurrences': {kind: 'write', probes: [{method: 'POST', url: () => '/api/v1/recurrences', body: () => recurrence(client, 'Guest recurring')}], refused: REFUSED},
  'get /api/v1/recurrences/{recurrenceId}': {kind: 'read', probes: [get((s) => `/api/v1/recurrences/${s.secretRecurrenceId}`)]},
  'patch /api/v1/recurrences/{recurrenceId}': {kind: 'write', probes: [{method: 'PATCH', url: (s) => `/api/v1/recurrences/${s.secretRecurrenceId}`, body: () => ({paused: true})}, {method: 'PATCH', url: (s) => `/api/v1/recurrences/${s.sharedRecurrenceId}`, body: () => ({paused: true})}], refused: REFUSED},
  'delete /api/v1/recurrences/{recurrenceId}': {kind: 'write', probes: [{method: 'DELETE', url: (s) => `/api/v1/recurrences/${s.secretRecurrenceId}`}, {method: 'DELETE', url: (s) => `/api/v1/recurrences/${s.sharedRecurrenceId}`}], refused: REFUSED},
  'get /api/v1/admin/audit': {kind: 'read', probes: [get(() => '/api/v1/admin/audit?from=2020-01-01T00:00:00Z&to=2030-01-01T00:00:00Z')]},
  'get /api/v1/me/settings': {kind: 'read', probes: [get(() => '/api/v1/me/settings')]},
  // Only the caller's own settings exist here: its own test below checks nobody else's content changes.
  'patch /api/v1/me/settings': {kind: 'write', probes: [], refused: REFUSED},
  'get /api/v1/me/counters': {kind: 'read', probes: [get(() => '/api/v1/me/counters')]},
  'put /api/v1/external/{source}/tasks/{externalId}': {kind: 'write', probes: [{method: 'PUT', url: () => '/api/v1/external/billing/tasks/INV-1', body: () => ({title: 'Guest external', channelId: inner})}, {method: 'PUT', url: () => '/api/v1/external/billing/tasks/INV-1', body: () => ({title: 'Guest external', channelId: client})}], refused: REFUSED},
  'get /api/v1/external/{source}/tasks/{externalId}': {kind: 'read', probes: [get(() => '/api/v1/external/billing/tasks/SECRET-1')]},
  'post /api/v1/admin/tokens': {kind: 'write', probes: [{method: 'POST', url: () => '/api/v1/admin/tokens', body: () => ({name: 'guest token', scopes: ['tasks:read']})}], refused: REFUSED},
  'get /api/v1/admin/tokens': {kind: 'read', probes: [get(() => '/api/v1/admin/tokens')]},
  'delete /api/v1/admin/tokens/{tokenId}': {kind: 'write', probes: [{method: 'DELETE', url: (s) => `/api/v1/admin/tokens/${s.tokenId}`}], refused: REFUSED},
  'post /api/v1/webhooks': {kind: 'write', probes: [{method: 'POST', url: () => '/api/v1/webhooks', body: () => ({url: 'https://hooks.example.com/x', channelId: inner, eventTypes: ['task.created']})}], refused: [...REFUSED, 400]},
  'get /api/v1/webhooks': {kind: 'read', probes: [get(() => '/api/v1/webhooks')]},
  'get /api/v1/webhooks/{webhookId}': {kind: 'read', probes: [get((s) => `/api/v1/webhooks/${s.webhookId}`)]},
  'delete /api/v1/webhooks/{webhookId}': {kind: 'write', probes: [{method: 'DELETE', url: (s) => `/api/v1/webhooks/${s.webhookId}`}], refused: REFUSED},
};

function recurrence(channelId: string, title: string) {
  return {kind: 'task', channelId, schedule: {rule: 'FREQ=WEEKLY;BYDAY=MO', start: '2027-03-01', time: '09:00'}, template: {title, holderId: tanaka}};
}

describe('the guest isolation matrix', () => {
  let storage: TestStorage;
  let database: Database;
  let server: FastifyInstance;
  const tokens: Record<string, string> = {};
  const seeded = {} as Seeded;
  /** What must never reach the guest: the members-only channel's ids, keys and words. */
  let secrets: string[] = [];

  const call = (method: Method, url: string, as: string, payload?: unknown, headers: Record<string, string> = {}) =>
    server.inject({method, url, headers: {authorization: `Bearer ${tokens[as]}`, ...headers}, ...(payload === undefined ? {} : {payload: payload as object})});
  const ok = async (method: Method, url: string, as: string, payload?: unknown) => {
    const response = await call(method, url, as, payload);
    if (response.statusCode >= 300) throw new Error(`${method} ${url} as ${as}: ${response.statusCode} ${response.body}`);
    return response.json();
  };

  beforeAll(async () => {
    storage = await freshStorage('postgres');
    database = await openDatabase(storage.config);
    const feed = createInProcessFeed();
    const store = publishingChanges(createTaskRepository(database.db), feed);
    const clock = {now: () => new Date()};
    const calendar = createBusinessCalendar({country: 'JP'});
    const listeners: TaskChangeListener[] = [];
    const tasks = createTaskService({store, access, clock, listeners});
    const workflows = createWorkflowService({store, access, clock, calendar, timeZone: 'Asia/Tokyo', tasks: tasks.operations});
    listeners.push(workflows.listener);
    const timeZoneOf = async () => 'Asia/Tokyo';
    const apiTokens = createApiTokenService({store: createApiTokenRepository(database.db), access, bot: {botUserId: async () => mmId('bot')}, clock});
    const started = await startApiTestServer({
      people: {sato, tanaka, kim: {userId: kim, guest: true}},
      engine: 'postgres',
      register: (api) => {
        registerTaskRoutes(api, () => ({tasks, timeZoneOf}));
        registerChannelRoutes(api, () => ({channelSettings: createChannelSettingsService({store, access, clock})}));
        registerIntakeAdminRoutes(api, () => ({intakes: wireIntake({db: database.db, access, channels: store.channels, clock, servicesOn: () => ({tasks}), botUserId: async () => mmId('bot')})}));
        registerMeRoutes(api, () => ({userSettings: createUserSettingsService({store: createUserSettingsRepository(database.db), clock})}));
        registerMyCountersRoute(api, () => ({tasks}));
        registerWorkflowRoutes(api, () => ({workflows, timeZoneOf}));
        registerStatsRoutes(api, () => ({stats: createStatsService({store: createStatsQueries(database.db), access, clock}), timeZoneOf}));
        registerRecurrenceRoutes(api, () => ({recurrences: createRecurrenceService({store: createRecurrenceRepository(database.db), access, clock, calendar, runs: workflows}), timeZoneOf}));
        registerStreamRoutes(api, () => ({live: createLiveUpdates({feed, access})}));
        registerAuditRoutes(api, () => ({audit: createAuditService({reads: auditReadsOn(database.db), access})}));
        registerAdminRoutes(api, () => ({apiTokens}));
        registerExternalRoutes(api, () => ({
          external: createExternalTaskService({refs: createExternalRefRepository(database.db), tasks, operations: tasks.operations, access, clock}),
          steps: createStepCompletion({workflows, tasks}),
          workflows,
          timeZoneOf,
        }));
        registerWebhookRoutes(api, () => ({webhooks: createWebhookService({store: createWebhookRepository(database.db), access, clock})}));
      },
    });
    server = started.server;
    Object.assign(tokens, started.tokens);

    // The members-only channel: a task with a comment, a run, a recurrence, an intake, a webhook.
    const secretTask = await ok('POST', '/api/v1/tasks', 'tanaka', {title: SECRET_TITLE, channelId: inner, holderId: sato, labels: ['secret'], priority: 'urgent', caseRef: {id: 'M-1', url: 'https://dms.example/M-1'}});
    seeded.secretTask = {id: secretTask.id, key: secretTask.key};
    seeded.secretCommentId = (await ok('POST', `/api/v1/tasks/${secretTask.key}/comments`, 'tanaka', {body: SECRET_COMMENT})).id;
    await ok('POST', '/api/v1/workflows', 'sato', {name: 'Review', steps: [{name: 'Review the memo', assignee: {kind: 'requester'}}]});
    seeded.secretRunId = (await ok('POST', '/api/v1/workflows/Review/runs', 'tanaka', {channelId: inner})).id;
    seeded.secretRecurrenceId = (await ok('POST', '/api/v1/recurrences', 'tanaka', recurrence(inner, 'Partners-only weekly valuation'))).id;
    seeded.intakeId = (await ok('POST', `/api/v1/channels/${inner}/intakes`, 'sato', {name: 'Partners form'})).id;
    seeded.tokenId = (await ok('POST', '/api/v1/admin/tokens', 'sato', {name: 'billing', scopes: ['tasks:read']})).id;
    seeded.webhookId = (await ok('POST', '/api/v1/webhooks', 'sato', {url: 'https://hooks.example.com/partners', channelId: inner, eventTypes: ['task.created']})).id;
    // The client channel: a task someone else holds, their comment, a recurrence, a run.
    const sharedTask = await ok('POST', '/api/v1/tasks', 'tanaka', {title: 'Acme filing', channelId: client, holderId: tanaka});
    seeded.sharedTask = {id: sharedTask.id, key: sharedTask.key};
    seeded.sharedCommentByTanaka = (await ok('POST', `/api/v1/tasks/${sharedTask.key}/comments`, 'tanaka', {body: 'Filed.'})).id;
    seeded.sharedRecurrenceId = (await ok('POST', '/api/v1/recurrences', 'tanaka', recurrence(client, 'Acme weekly'))).id;
    await ok('POST', '/api/v1/workflows/Review/runs', 'tanaka', {channelId: client});
    secrets = [inner, secretTask.id, secretTask.key, SECRET_TITLE, SECRET_COMMENT, 'Partners-only weekly valuation', 'M-1', seeded.secretRunId, seeded.secretRecurrenceId, seeded.intakeId, seeded.webhookId, seeded.tokenId];
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await storage?.cleanup();
  });

  /** Everything a guest could learn from the members-only channel, as text; what the request itself named (a 404 repeats the key asked for) teaches nothing. */
  const leaks = (body: string, asked = '') => secrets.filter((secret) => body.includes(secret) && !asked.includes(secret));
  /** The members-only channel's content as its members see it: unchanged by anything the guest tried. */
  const snapshot = async () =>
    JSON.stringify([
      await ok('GET', `/api/v1/tasks/${seeded.secretTask.key}`, 'sato'),
      await ok('GET', `/api/v1/tasks/${seeded.sharedTask.key}`, 'sato'),
      await ok('GET', `/api/v1/tasks/${seeded.secretTask.key}/comments`, 'sato'),
      await ok('GET', `/api/v1/tasks/${seeded.sharedTask.key}/comments`, 'sato'),
      await ok('GET', `/api/v1/channels/${inner}/settings`, 'sato'),
      await ok('GET', `/api/v1/channels/${client}/settings`, 'sato'),
      await ok('GET', `/api/v1/channels/${inner}/intakes`, 'sato'),
      await ok('GET', '/api/v1/recurrences', 'sato'),
      await ok('GET', `/api/v1/runs/${seeded.secretRunId}`, 'sato'),
      await ok('GET', '/api/v1/workflows', 'sato'),
      await ok('GET', '/api/v1/admin/tokens', 'sato'),
      await ok('GET', '/api/v1/webhooks', 'sato'),
      (await ok('GET', `/api/v1/tasks?channelId=${client}`, 'sato')).items.map((task: {id: string}) => task.id),
    ]);

  it('has a row for every operation the API documents', () => {
    const documented = operations.map((operation) => `${operation.method} ${operation.path}`).sort();
    expect(Object.keys(rows).sort()).toEqual(documented);
  });

  it('the seeded secrets are really there for members (the scan can find them)', async () => {
    const body = (await call('GET', `/api/v1/tasks?q=merger`, 'tanaka')).body;
    expect(leaks(body)).toEqual(expect.arrayContaining([seeded.secretTask.key, SECRET_TITLE]));
  });

  const readRows = Object.entries(rows).filter(([, row]) => row.kind === 'read' && row.probes.length > 0);
  it.each(readRows)('read %s shows the guest nothing outside their channels', async (_name, row) => {
    for (const probe of row.probes) {
      const response = await call(probe.method, probe.url(seeded), 'kim');
      // Answered or refused; a 400 would mean the probe itself is wrong and proves nothing.
      expect([probe.url(seeded), [200, 403, 404].includes(response.statusCode) ? 'answered' : response.statusCode]).toEqual([probe.url(seeded), 'answered']);
      expect([probe.url(seeded), leaks(response.body, probe.url(seeded))]).toEqual([probe.url(seeded), []]);
    }
  });

  const writeRows = Object.entries(rows).filter(([, row]) => row.kind === 'write' && row.probes.length > 0);
  it.each(writeRows)('write %s is refused to the guest on others’ content and changes nothing', async (_name, row) => {
    const before = await snapshot();
    for (const probe of row.probes) {
      const response = await call(probe.method, probe.url(seeded), 'kim', probe.body?.(seeded), probe.headers);
      const refused = (row.refused ?? REFUSED).includes(response.statusCode);
      expect([probe.method, probe.url(seeded), refused ? 'refused' : response.statusCode]).toEqual([probe.method, probe.url(seeded), 'refused']);
      expect(leaks(response.body, `${probe.url(seeded)} ${JSON.stringify(probe.body?.(seeded) ?? '')}`)).toEqual([]);
    }
    expect(await snapshot()).toBe(before);
  });

  it('a guest changes only their own settings', async () => {
    const before = await snapshot();
    expect((await call('PATCH', '/api/v1/me/settings', 'kim', {requireAcceptance: true})).statusCode).toBe(200);
    expect(await snapshot()).toBe(before);
  });

  it('creates tasks for a guest only where the channel allows it', async () => {
    expect((await call('POST', '/api/v1/tasks', 'kim', {title: 'Guest asks', channelId: client})).json()).toMatchObject({status: 403, id: 'baton.forbidden.guest_create'});
    await ok('PATCH', `/api/v1/channels/${client}/settings`, 'sato', {guests: {mayCreateTasks: true}});
    expect((await call('POST', '/api/v1/tasks', 'kim', {title: 'Guest asks', channelId: client})).statusCode).toBe(201);
    expect((await call('POST', '/api/v1/tasks', 'kim', {title: 'Guest asks', channelId: inner})).statusCode).toBe(403);
  });

  it('streams the guest no change of the members-only channel', async () => {
    await server.listen({host: '127.0.0.1', port: 0});
    const address = server.server.address();
    const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    const response = await fetch(`${url}/api/v1/stream`, {headers: {authorization: `Bearer ${tokens.kim}`}});
    const reader = response.body!.getReader();
    let received = '';
    const reading = (async () => {
      for (;;) {
        const {done, value} = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
    })().catch(() => undefined);
    await ok('PATCH', `/api/v1/tasks/${seeded.secretTask.key}`, 'sato', {priority: 'high', version: (await ok('GET', `/api/v1/tasks/${seeded.secretTask.key}`, 'sato')).version});
    const marker = await ok('POST', '/api/v1/tasks', 'tanaka', {title: 'Marker', channelId: client});
    await until(() => received.includes(marker.id), 'the marker in the guest’s stream');
    await reader.cancel();
    await reading;
    expect(leaks(received)).toEqual([]);
  });
});
