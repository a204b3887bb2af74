import {createChannelSettingsService} from '../../domain/channels/channelSettingsService';
import {createBusinessCalendar} from '../../domain/calendar/businessCalendar';
import {createUserSettingsService} from '../../domain/reminders/userSettings';
import type {TaskChangeListener} from '../../domain/tasks/ports';
import {createRecurrenceService} from '../../domain/recurrence/recurrenceService';
import {createInProcessFeed} from '../../domain/live/inProcessFeed';
import {createLiveUpdates} from '../../domain/live/liveUpdates';
import {createStatsService} from '../../domain/stats/statsService';
import {createTaskService} from '../../domain/tasks/taskService';
import {createWorkflowService} from '../../domain/workflows/workflowService';
import {createRecurrenceRepository} from '../../storage/recurrenceRepository';
import {createStatsQueries} from '../../storage/statsQueries';
import {createTaskRepository} from '../../storage/taskRepository';
import {createUserSettingsRepository} from '../../storage/userSettingsRepository';
import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {mmId} from '../../testing/mattermostIds';
import {useRouteTestWorld} from '../../testing/routeTestWorld';
import {operations} from '../openapiOperations';
import {registerOpenApiRoute} from '../openapi';
import {registerChannelRoutes} from './channels';
import {registerIntakeAdminRoutes} from './intake';
import {wireIntake} from '../../wiring/intake';
import {registerMeRoutes, registerMyCountersRoute} from './me';
import {registerRecurrenceRoutes} from './recurrences';
import {registerStatsRoutes} from './stats';
import {registerStreamRoutes} from './stream';
import {registerTaskRoutes} from './tasks';
import {registerWorkflowRoutes} from './workflows';
import {registerAdminRoutes} from './admin';
import {registerExternalRoutes} from './external';
import {registerAuditRoutes} from './audit';
import {createAuditService} from '../../domain/audit/auditService';
import {auditReadsOn} from '../../storage/auditRepository';
import {createApiTokenService} from '../../domain/tokens/apiTokenService';
import {createExternalTaskService} from '../../domain/external/externalTaskService';
import {createStepCompletion} from '../../domain/workflows/stepCompletion';
import {createApiTokenRepository} from '../../storage/apiTokenRepository';
import {createExternalRefRepository} from '../../storage/externalRefRepository';
import {registerWebhookRoutes} from './webhooks';
import {createWebhookService} from '../../domain/webhooks/webhookService';
import {createWebhookRepository} from '../../storage/webhookRepository';

// /api/v1/tasks over HTTP (Fastify inject) on a real PostgreSQL store:
// authentication, validation messages, ETags, 409 with the current task.

const patents = mmId('patents');
const [sato, tanaka, outsider] = [mmId('sato'), mmId('tanaka'), mmId('outsider')];

const access = fakeChannelAccess({channels: {[patents]: {name: 'patents', members: [sato, tanaka], admins: [sato]}}});

describe('the task API', () => {
  const world = useRouteTestWorld('postgres', (database) => {
    const store = createTaskRepository(database.db);
    const clock = {now: () => new Date()};
    const listeners: TaskChangeListener[] = [];
    const tasks = createTaskService({store, access, clock, listeners});
    const workflows = createWorkflowService({store, access, clock, calendar: createBusinessCalendar({country: 'JP'}), timeZone: 'Asia/Tokyo', tasks: tasks.operations});
    listeners.push(workflows.listener);
    const channelSettings = createChannelSettingsService({store, access, clock});
    const stats = createStatsService({store: createStatsQueries(database.db), access, clock});
    const recurrences = createRecurrenceService({store: createRecurrenceRepository(database.db), access, clock, calendar: createBusinessCalendar({country: 'JP'}), runs: workflows});
    return {
      people: {sato, tanaka, outsider},
      publicRoutes: [(http) => registerOpenApiRoute(http)],
      register: (api) => {
          registerTaskRoutes(api, () => ({tasks, timeZoneOf: async () => 'Asia/Tokyo'}));
          registerChannelRoutes(api, () => ({channelSettings}));
          registerIntakeAdminRoutes(api, () => ({
            intakes: wireIntake({db: database.db, access, channels: store.channels, clock, servicesOn: () => ({tasks}), botUserId: async () => undefined}),
          }));
          registerMeRoutes(api, () => ({userSettings: createUserSettingsService({store: createUserSettingsRepository(database.db), clock})}));
          registerMyCountersRoute(api, () => ({tasks}));
          registerWorkflowRoutes(api, () => ({workflows, timeZoneOf: async () => 'Asia/Tokyo'}));
          registerStatsRoutes(api, () => ({stats, timeZoneOf: async () => 'Asia/Tokyo'}));
          registerRecurrenceRoutes(api, () => ({recurrences, timeZoneOf: async () => 'Asia/Tokyo'}));
          registerStreamRoutes(api, () => ({live: createLiveUpdates({feed: createInProcessFeed(), access})}));
          registerAuditRoutes(api, () => ({audit: createAuditService({reads: auditReadsOn(database.db), access})}));
          registerAdminRoutes(api, () => ({apiTokens: createApiTokenService({store: createApiTokenRepository(database.db), access, bot: {botUserId: async () => undefined}, clock})}));
          registerWebhookRoutes(api, () => ({webhooks: createWebhookService({store: createWebhookRepository(database.db), access, clock})}));
          registerExternalRoutes(api, () => ({
            external: createExternalTaskService({refs: createExternalRefRepository(database.db), tasks, operations: tasks.operations, access, clock}),
            steps: createStepCompletion({workflows, tasks}),
            workflows,
            timeZoneOf: async () => 'Asia/Tokyo',
          }));
        },
    };
  });

  const {call} = world;

  it('serves every operation its OpenAPI document describes', () => {
    for (const operation of operations) {
      expect([operation.method, operation.path, world.server.hasRoute({method: operation.method.toUpperCase() as 'GET', url: operation.path.replace(/\{(\w+)\}/g, ':$1')})]).toEqual([operation.method, operation.path, true]);
    }
  });

  it('creates a task, with all-day deadlines in the caller’s time zone, and returns it with its ETag', async () => {
    const response = await call('POST', '/api/v1/tasks', 'tanaka', {title: 'Draft response', channelId: patents, holderId: sato, deadlines: [{kind: 'legal', due: '2027-01-20'}]});
    expect(response.statusCode).toBe(201);
    const task = response.json();
    expect(task).toMatchObject({key: 'PATENT-1', holderId: sato, status: {id: 'open', name: 'Open', category: 'open'}, version: 1, progress: null});
    expect(task.deadlines).toEqual([{kind: 'legal', dueAt: '2027-01-20T14:59:59.999Z', allDay: true, timeZone: 'Asia/Tokyo'}]);
    expect(response.headers.etag).toBe('"1"');
  });

  it('refuses a request without a valid bearer token with 401', async () => {
    expect((await world.server.inject({url: '/api/v1/tasks/PATENT-1'})).statusCode).toBe(401);
    expect((await world.server.inject({url: '/api/v1/tasks/PATENT-1', headers: {authorization: 'Bearer forged.token.value'}})).json()).toMatchObject({id: 'baton.unauthorized'});
  });

  it('names each bad field and what is allowed', async () => {
    const response = await call('POST', '/api/v1/tasks', 'tanaka', {title: 'x'.repeat(201), priority: 'asap', colour: 'red'});
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.id).toBe('baton.bad_request.validation');
    expect(body.message).toContain('title: must be 1–200 characters');
    expect(body.message).toContain('priority: must be one of low, normal, high, urgent');
    expect(body.message).toContain('colour: is not a known field');
    expect(body.details.issues.map((issue: {field: string}) => issue.field)).toEqual(['title', 'priority', 'colour']);
  });

  it('patches with If-Match and answers a stale one with 409 and the current task', async () => {
    const created = (await call('POST', '/api/v1/tasks', 'tanaka', {title: 'Contended', channelId: patents})).json();
    const first = await call('PATCH', `/api/v1/tasks/${created.key}`, 'sato', {title: 'Sato’s title'}, {'if-match': '"1"'});
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"2"');
    const stale = await call('PATCH', `/api/v1/tasks/${created.key}`, 'tanaka', {title: 'Tanaka’s title', version: 1});
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({id: 'baton.conflict.version', details: {current: {title: 'Sato’s title', version: 2}}});
    const missing = await call('PATCH', `/api/v1/tasks/${created.key}`, 'tanaka', {title: 'No version'});
    expect(missing.statusCode).toBe(400);
  });

  it('hands off, comments and pages the timeline', async () => {
    const created = (await call('POST', '/api/v1/tasks', 'tanaka', {title: 'Pass it on', channelId: patents, holderId: tanaka})).json();
    expect((await call('POST', `/api/v1/tasks/${created.key}/handoff`, 'tanaka', {toUserId: sato, comment: 'Client wants claim 3 kept.'})).json()).toMatchObject({holderId: sato, version: 2});
    expect((await call('POST', `/api/v1/tasks/${created.key}/comments`, 'sato', {body: 'On it.'})).statusCode).toBe(201);
    const comments = (await call('GET', `/api/v1/tasks/${created.key}/comments`, 'sato')).json();
    expect(comments.items.map((comment: {body: string}) => comment.body)).toEqual(['Client wants claim 3 kept.', 'On it.']);
    const first = (await call('GET', `/api/v1/tasks/${created.key}/timeline?limit=2`, 'sato')).json();
    expect(first.items.map((event: {kind: string}) => event.kind)).toEqual(['created', 'handed_off']);
    const second = (await call('GET', `/api/v1/tasks/${created.key}/timeline?limit=2&cursor=${first.nextCursor}`, 'sato')).json();
    expect(second.items.map((event: {kind: string}) => event.kind)).toEqual(['commented', 'commented']);
    expect(second.nextCursor).toBeNull();
  });

  it('lists and searches what the caller may see, with validated query parameters', async () => {
    await call('POST', '/api/v1/tasks', 'tanaka', {title: 'Уведомление о сроке', channelId: patents, priority: 'urgent'});
    const found = await call('GET', `/api/v1/tasks?q=${encodeURIComponent('уведомление')}&priority=urgent,high&limit=5`, 'sato');
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((task: {title: string}) => task.title)).toEqual(['Уведомление о сроке']);
    expect((await call('GET', '/api/v1/tasks', 'outsider')).json()).toEqual({items: [], nextCursor: null});
    const bad = await call('GET', '/api/v1/tasks?limit=0&sort=sideways', 'sato');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('limit: must be');
    expect(bad.json().message).toContain('sort: must be');
  });

  it('exports what the caller may see as CSV (BOM, quoting, no formulas) and as JSON', async () => {
    await call('POST', '/api/v1/tasks', 'tanaka', {title: '=HYPERLINK("x") 特許, "quoted"', channelId: patents, labels: ['export']});
    const csv = await call('GET', '/api/v1/tasks/export?format=csv&label=export', 'sato');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="baton-tasks-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, row, end] = csv.body.split('\r\n');
    expect(header?.startsWith('\uFEFFkey,title,status,')).toBe(true);
    expect(row).toContain(`,"'=HYPERLINK(""x"") 特許, ""quoted""",Open,normal,`);
    expect(end).toBe('');
    const json = await call('GET', '/api/v1/tasks/export?format=json&label=export', 'sato');
    expect(json.json()).toMatchObject({exportedAt: expect.any(String), items: [{title: '=HYPERLINK("x") 特許, "quoted"', labels: ['export']}]});
    expect((await call('GET', '/api/v1/tasks/export?format=json&label=export', 'outsider')).json().items).toEqual([]);
    expect((await call('GET', '/api/v1/tasks/export?format=xlsx', 'sato')).statusCode).toBe(400);
  });

  it('hides a task from a non-member as 404', async () => {
    const response = await call('GET', '/api/v1/tasks/PATENT-1', 'outsider');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({id: 'baton.not_found.task'});
  });

  describe('channel settings', () => {
    const settings = `/api/v1/channels/${patents}/settings`;

    it('lets a channel admin rename the key prefix, and old keys keep working', async () => {
      const task = (await call('POST', '/api/v1/tasks', 'tanaka', {title: 'Before the rename', channelId: patents})).json();
      expect((await call('GET', settings, 'tanaka')).json()).toEqual({channelId: patents, keyPrefix: 'PATENT', notices: {handoffs: false, excludeGuests: false}, guests: {mayCreateTasks: false}, triageHolderId: null});
      const renamed = await call('PATCH', settings, 'sato', {keyPrefix: 'PAT'});
      expect([renamed.statusCode, renamed.json()]).toEqual([200, {channelId: patents, keyPrefix: 'PAT', notices: {handoffs: false, excludeGuests: false}, guests: {mayCreateTasks: false}, triageHolderId: null}]);
      const number = task.key.split('-')[1];
      expect((await call('GET', `/api/v1/tasks/${task.key}`, 'tanaka')).json()).toMatchObject({id: task.id, key: `PAT-${number}`});
    });

    it('refuses members who are not channel admins with 403, and non-members with 404', async () => {
      expect((await call('PATCH', settings, 'tanaka', {keyPrefix: 'TK'})).json()).toMatchObject({status: 403, id: 'baton.forbidden.channel_settings'});
      expect((await call('GET', settings, 'outsider')).statusCode).toBe(404);
      expect((await call('PATCH', settings, 'outsider', {keyPrefix: 'OUT'})).statusCode).toBe(404);
    });

    it('names the field and the rule for a bad prefix or an unknown field', async () => {
      const lower = await call('PATCH', settings, 'sato', {keyPrefix: 'pat'});
      expect(lower.statusCode).toBe(400);
      expect(lower.json().message).toBe('keyPrefix: must be 1–10 characters: a capital letter A–Z, then capital letters or digits, e.g. PAT');
      expect((await call('PATCH', settings, 'sato', {prefix: 'PAT'})).json().message).toContain('prefix');
      expect((await call('GET', '/api/v1/channels/not-an-id/settings', 'sato')).json().message).toContain('channelId');
    });
  });

  describe('workflows', () => {
    const definition = {
      name: 'Trademark renewal',
      steps: [
        {name: 'Check the register', assignee: {kind: 'role', role: 'paralegal'}, deadlines: [{kind: 'internal', from: 'step_start', businessDays: 2}]},
        {name: 'Confirm with the client', assignee: {kind: 'requester'}},
      ],
    };

    it('creates, exports and imports a template, and names what is wrong with a bad one', async () => {
      const created = await call('POST', '/api/v1/workflows', 'tanaka', definition);
      expect([created.statusCode, created.json()]).toEqual([201, expect.objectContaining({version: 1, roles: ['paralegal']})]);
      const exported = (await call('GET', '/api/v1/workflows/trademark%20renewal/export', 'sato')).json();
      expect(exported).toEqual({format: 'baton.workflow/1', definition: expect.objectContaining({name: 'Trademark renewal'})});
      const imported = await call('POST', '/api/v1/workflows/import', 'sato', {...exported, definition: {...exported.definition, name: 'Trademark renewal (copy)'}});
      expect(imported.statusCode).toBe(201);
      const chosenFirst = await call('POST', '/api/v1/workflows', 'tanaka', {name: 'Bad', steps: [{name: 'First', assignee: {kind: 'chosen'}}]});
      expect([chosenFirst.statusCode, chosenFirst.json().details.issues[0].field]).toEqual([400, 'steps.0.assignee']);
      const unknownRule = await call('POST', '/api/v1/workflows', 'tanaka', {name: 'Bad', steps: [{name: 'First', assignee: {kind: 'team'}}]});
      expect(unknownRule.json().message).toContain('steps.0.assignee');
      const stale = await call('PUT', '/api/v1/workflows/trademark%20renewal', 'tanaka', definition, {'if-match': '"7"'});
      expect([stale.statusCode, stale.json().id]).toEqual([409, 'baton.conflict.template_version']);
    });

    it('starts a run and lets the holder decline it back to the requester, or accept it', async () => {
      const started = await call('POST', '/api/v1/workflows/Trademark%20renewal/runs', 'tanaka', {channelId: patents, caseRef: {id: 'TM-2027-7', url: 'https://ip.example/TM-2027-7'}, roles: {paralegal: sato}, deadlines: [{kind: 'customer', due: '2027-03-01'}]});
      expect(started.statusCode).toBe(201);
      const run = started.json();
      expect(run).toMatchObject({status: 'active', currentStep: 0, title: 'Trademark renewal: TM-2027-7', steps: [{name: 'Check the register', holderId: sato}, {name: 'Confirm with the client', holderId: null}]});
      expect((await call('GET', `/api/v1/runs/${run.id}`, 'sato')).json()).toEqual(run);
      expect((await call('GET', `/api/v1/runs/${run.id}`, 'outsider')).statusCode).toBe(404);
      const step = run.steps[0].taskKey;
      expect((await call('POST', `/api/v1/tasks/${step}/decline`, 'sato', {})).json().message).toContain('reason: is required');
      const declined = await call('POST', `/api/v1/tasks/${step}/decline`, 'sato', {reason: 'On leave until March.'});
      expect(declined.json()).toMatchObject({holderId: tanaka, handedById: null});
      await call('POST', `/api/v1/tasks/${step}/handoff`, 'tanaka', {toUserId: sato});
      const accepted = await call('POST', `/api/v1/tasks/${step}/accept`, 'sato');
      expect(accepted.json()).toMatchObject({holderId: sato, status: {id: 'in_progress'}, acceptedAt: expect.any(String)});
      const done = await call('POST', `/api/v1/tasks/${step}/transition`, 'sato', {statusId: 'done', comment: 'Register checked.'});
      expect(done.statusCode).toBe(200);
      expect((await call('GET', `/api/v1/runs/${run.id}`, 'sato')).json()).toMatchObject({currentStep: 1, steps: [{completedAt: expect.any(String)}, {holderId: tanaka}]});
    });
  });
});
