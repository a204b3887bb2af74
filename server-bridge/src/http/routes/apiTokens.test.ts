import {createHash} from 'node:crypto';
import {sql} from 'kysely';
import {API_TOKEN_PATTERN} from '../../contract';
import {createBusinessCalendar} from '../../domain/calendar/businessCalendar';
import {createInProcessFeed} from '../../domain/live/inProcessFeed';
import {createLiveUpdates} from '../../domain/live/liveUpdates';
import {createHandoffNotifier} from '../../domain/notices/handoffNotifier';
import {createUserSettingsService} from '../../domain/reminders/userSettings';
import type {ChannelAccess, TaskChangeListener} from '../../domain/tasks/ports';
import {createTaskService} from '../../domain/tasks/taskService';
import {createWorkflowService} from '../../domain/workflows/workflowService';
import type {Database} from '../../storage/database';
import {createTaskRepository} from '../../storage/taskRepository';
import {createUserSettingsRepository} from '../../storage/userSettingsRepository';
import {engineNames} from '../../testing/engines';
import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import {mmId} from '../../testing/mattermostIds';
import {type RouteTestSetup, useRouteTestWorld} from '../../testing/routeTestWorld';
import {wireApiTokens} from '../../wiring/apiTokens';
import {buildOpenApiDocument} from '../openapi';
import {operations} from '../openapiOperations';
import {registerAdminRoutes} from './admin';
import {registerExternalRoutes} from './external';
import {registerMeRoutes} from './me';
import {registerStreamRoutes} from './stream';
import {registerTaskRoutes} from './tasks';
import {registerWorkflowRoutes} from './workflows';

// API tokens for business systems over HTTP (Fastify inject), wired as the
// bridge wires them (wiring/apiTokens.ts), on both engines: admins manage
// tokens, each token is held to its scopes and channels, a billing system
// starts a workflow run on a case (the EcoIP case) and completes its steps,
// tasks created by external reference never duplicate under retries, and
// budgets and body sizes are enforced with clear errors.

const U = {admin: mmId('admin'), sato: mmId('sato'), tanaka: mmId('tanaka'), smith: mmId('smith'), kim: mmId('kim'), bot: mmId('baton')};
const patents = mmId('patents');
const acme = mmId('acme');
const access = fakeChannelAccess({
  channels: {
    [patents]: {name: 'patents', members: [U.admin, U.sato, U.tanaka]},
    [acme]: {name: 'client-acme', members: [U.smith, U.kim]},
  },
  systemAdmins: [U.admin],
});

type Limits = {bodyBytes?: number; perTokenPerMinute?: number; perUserPerMinute?: number};

/** The routes a business system and the admins use, wired as the bridge wires them, on the given database. */
function stackOn(database: Database, limits?: Limits): RouteTestSetup {
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
  const wired = wireApiTokens({db: database.db, access, clock, ...shared, servicesOn, botUserId: async () => U.bot});
  const timeZoneOf = async () => 'Asia/Tokyo';
  return {
    people: {admin: U.admin, sato: U.sato, smith: U.smith, kim: {userId: U.kim, guest: true}},
    verifyApiToken: wired.apiTokens.verify,
    ...(limits ? {limits} : {}),
    register: (api) => {
      registerTaskRoutes(api, () => ({tasks: wired.tasks, timeZoneOf}));
      registerWorkflowRoutes(api, () => ({workflows: wired.workflows, timeZoneOf}));
      registerAdminRoutes(api, () => ({apiTokens: wired.apiTokens}));
      registerExternalRoutes(api, () => ({external: wired.external, steps: wired.steps, workflows: wired.workflows, timeZoneOf: async () => 'Asia/Tokyo'}));
      registerMeRoutes(api, () => ({userSettings: createUserSettingsService({store: createUserSettingsRepository(database.db), clock})}));
      registerStreamRoutes(api, () => ({live: createLiveUpdates({feed: createInProcessFeed(), access})}));
    },
  };
}

const officeAction = {
  name: 'Office action response',
  steps: [
    {name: 'Register the action', assignee: {kind: 'user', userId: U.tanaka}},
    {name: 'Draft response', assignee: {kind: 'role', role: 'attorney'}},
    {name: 'File', assignee: {kind: 'requester'}},
  ],
};

describe('the OpenAPI document for business systems', () => {
  const document = buildOpenApiDocument();
  const responses = (path: string, method: string) => Object.keys((document.paths[path]?.[method] as {responses: Record<string, unknown>}).responses);

  it('describes the idempotent PUT with 201 and 200, and every limit', () => {
    expect(responses('/api/v1/external/{source}/tasks/{externalId}', 'put')).toEqual(expect.arrayContaining(['200', '201', '403', '409', '413', '429', '503']));
    expect(responses('/api/v1/runs/{runId}/steps/{position}/complete', 'post')).toEqual(expect.arrayContaining(['200', '404', '409', '413', '429']));
    expect(responses('/api/v1/admin/tokens', 'get')).toEqual(expect.arrayContaining(['200', '401', '403', '429']));
    expect(responses('/api/v1/admin/tokens', 'get')).not.toContain('413');
    expect(document.components.responses.RateLimited).toMatchObject({description: expect.stringContaining('Retry-After')});
    expect(document.components.schemas.ApiTokenCreated).toMatchObject({required: expect.arrayContaining(['token'])});
    expect(document.components.schemas.ApiToken).not.toHaveProperty('properties.token');
  });
});

describe.each(engineNames)('API tokens on the %s engine', (engine) => {
  const world = useRouteTestWorld(engine, (database) => stackOn(database));

  type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  const as = (bearer: string) => (method: Method, url: string, payload?: unknown) =>
    world.server.inject({method, url, headers: {authorization: `Bearer ${bearer}`}, ...(payload === undefined ? {} : {payload: payload as object})});
  const person = (name: string) => as(world.tokens[name] ?? '');

  /** A new token from the admin's REST call: its secret form. */
  async function token(name: string, scopes: string[], channelIds?: string[] | null): Promise<{id: string; token: string}> {
    const response = await person('admin')('POST', '/api/v1/admin/tokens', {name, scopes, ...(channelIds !== undefined ? {channelIds} : {})});
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  it('routes every operation of the document that this feature adds', () => {
    const mine = operations.filter((operation) => operation.path.startsWith('/api/v1/external') || operation.path.startsWith('/api/v1/admin/tokens') || operation.path.includes('/steps/'));
    expect(mine.map((operation) => operation.operationId).sort()).toEqual(['completeWorkflowStep', 'createApiToken', 'getExternalTask', 'listApiTokens', 'putExternalTask', 'revokeApiToken']);
    for (const operation of mine) {
      expect([operation.operationId, world.server.hasRoute({method: operation.method.toUpperCase() as 'GET', url: operation.path.replace(/\{(\w+)\}/g, ':$1')})]).toEqual([operation.operationId, true]);
    }
  });

  describe('administration', () => {
    it('lets a system admin create a token, shown once and stored only as a hash', async () => {
      const response = await person('admin')('POST', '/api/v1/admin/tokens', {name: 'Billing system', scopes: ['tasks:read', 'workflows:start'], channelIds: [patents]});
      expect(response.statusCode).toBe(201);
      expect(response.headers['cache-control']).toBe('no-store');
      const created = response.json();
      expect(created).toMatchObject({name: 'Billing system', scopes: ['tasks:read', 'workflows:start'], channelIds: [patents], createdBy: U.admin, lastUsedAt: null, revokedAt: null});
      const [, id, secret] = API_TOKEN_PATTERN.exec(created.token) ?? [];
      expect(id).toBe(created.id);
      const row = await world.database.db.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(createHash('sha256').update(secret ?? '').digest('hex'));
      expect(JSON.stringify(row)).not.toContain(secret);

      const listed = (await person('admin')('GET', '/api/v1/admin/tokens')).json().items;
      const entry = listed.find((item: {id: string}) => item.id === created.id);
      expect(entry).toEqual({id: created.id, name: 'Billing system', scopes: ['tasks:read', 'workflows:start'], channelIds: [patents], createdBy: U.admin, createdAt: created.createdAt, lastUsedAt: null, revokedAt: null});
      expect(JSON.stringify(listed)).not.toContain(secret);
    });

    it('refuses members and guests with 403, and tokens themselves', async () => {
      expect((await person('sato')('POST', '/api/v1/admin/tokens', {name: 'Mine', scopes: ['tasks:read']})).json()).toMatchObject({status: 403, id: 'baton.forbidden.system_admin'});
      expect((await person('kim')('GET', '/api/v1/admin/tokens')).json()).toMatchObject({status: 403, id: 'baton.forbidden.system_admin'});
      const {token: bearer} = await token('Everything', ['tasks:read', 'tasks:write', 'workflows:start', 'workflows:advance']);
      expect((await as(bearer)('GET', '/api/v1/admin/tokens')).json()).toMatchObject({status: 403, id: 'baton.forbidden.token_route'});
    });

    it('names a bad scope, an unknown channel and a name in use', async () => {
      const bad = await person('admin')('POST', '/api/v1/admin/tokens', {name: 'x', scopes: ['tasks:delete']});
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain('scopes.0: must be one of tasks:read, tasks:write, workflows:start, workflows:advance');
      const unknownChannel = await person('admin')('POST', '/api/v1/admin/tokens', {name: 'Nowhere', scopes: ['tasks:read'], channelIds: [mmId('nowhere')]});
      expect(unknownChannel.json()).toMatchObject({status: 422, id: 'baton.invalid.channel', details: {field: 'channelIds.0'}});
      await token('Docketing', ['tasks:read']);
      expect((await person('admin')('POST', '/api/v1/admin/tokens', {name: 'docketing', scopes: ['tasks:read']})).json()).toMatchObject({status: 409, id: 'baton.conflict.token_name', details: {field: 'name'}});
    });

    it('revokes at once: the token gets 401 token_revoked, a forged one token_unknown', async () => {
      const {id, token: bearer} = await token('Short-lived', ['tasks:read']);
      expect((await as(bearer)('GET', '/api/v1/tasks')).statusCode).toBe(200);
      const revoked = await person('admin')('DELETE', `/api/v1/admin/tokens/${id}`);
      expect(revoked.json()).toMatchObject({id, revokedAt: expect.any(String)});
      expect((await as(bearer)('GET', '/api/v1/tasks')).json()).toMatchObject({status: 401, id: 'baton.unauthorized', details: {reason: 'token_revoked'}});
      const forged = `baton_${id}_${'A'.repeat(43)}`;
      expect((await as(forged)('GET', '/api/v1/tasks')).json()).toMatchObject({status: 401, details: {reason: 'token_unknown'}});
      expect((await as(`baton_${'0'.repeat(16)}_${'A'.repeat(43)}`)('GET', '/api/v1/tasks')).json()).toMatchObject({status: 401, details: {reason: 'token_unknown'}});
      expect((await person('admin')('DELETE', '/api/v1/admin/tokens/nosuchtoken')).json()).toMatchObject({status: 404});
    });

    it('records when a token was last used', async () => {
      const {id, token: bearer} = await token('Used once', ['tasks:read']);
      await as(bearer)('GET', '/api/v1/tasks');
      const listed = (await person('admin')('GET', '/api/v1/admin/tokens')).json().items.find((item: {id: string}) => item.id === id);
      expect(listed.lastUsedAt).toEqual(expect.any(String));
    });
  });

  describe('scopes', () => {
    it('lets tasks:read read and refuses every write, naming the scope', async () => {
      const created = (await person('sato')('POST', '/api/v1/tasks', {title: 'Scoped read', channelId: patents, caseRef: {id: 'P-2026-0001', url: 'https://ip.example.com/cases/P-2026-0001'}})).json();
      const {token: bearer} = await token('Reader', ['tasks:read']);
      const reader = as(bearer);
      expect((await reader('GET', `/api/v1/tasks/${created.key}`)).statusCode).toBe(200);
      const byCase = (await reader('GET', '/api/v1/tasks?caseId=P-2026-0001')).json();
      expect(byCase.items.map((task: {key: string}) => task.key)).toEqual([created.key]);
      expect((await reader('GET', `/api/v1/tasks/${created.key}/timeline`)).statusCode).toBe(200);
      for (const [method, url, body] of [
        ['POST', '/api/v1/tasks', {title: 'No', channelId: patents}],
        ['PATCH', `/api/v1/tasks/${created.key}`, {title: 'No', version: 1}],
        ['POST', `/api/v1/tasks/${created.key}/comments`, {body: 'No'}],
        ['PUT', '/api/v1/external/billing/tasks/INV-1', {title: 'No', channelId: patents}],
      ] as const) {
        const response = await reader(method, url, body);
        expect([url, response.statusCode, response.json().id, response.json().details?.scope]).toEqual([url, 403, 'baton.forbidden.scope', 'tasks:write']);
        expect(response.json().message).toContain('tasks:write');
      }
      expect((await reader('POST', '/api/v1/workflows/whatever/runs', {channelId: patents})).json()).toMatchObject({id: 'baton.forbidden.scope', details: {scope: 'workflows:start'}});
      expect((await reader('POST', '/api/v1/runs/r1/steps/0/complete', {})).json()).toMatchObject({id: 'baton.forbidden.scope', details: {scope: 'workflows:advance'}});
    });

    it('keeps tokens off the webapp’s own routes', async () => {
      const {token: bearer} = await token('All scopes', ['tasks:read', 'tasks:write', 'workflows:start', 'workflows:advance']);
      for (const url of ['/api/v1/me/settings', '/api/v1/stream']) {
        expect((await as(bearer)('GET', url)).json()).toMatchObject({status: 403, id: 'baton.forbidden.token_route'});
      }
      expect((await as(bearer)('POST', '/api/v1/workflows', officeAction)).json()).toMatchObject({status: 403, id: 'baton.forbidden.token_route'});
    });
  });

  describe('channels', () => {
    it('hides tasks outside the token’s channels (404) and refuses creating there (403)', async () => {
      const inAcme = (await person('smith')('POST', '/api/v1/tasks', {title: 'Acme brief', channelId: acme})).json();
      const inPatents = (await person('sato')('POST', '/api/v1/tasks', {title: 'Patents brief', channelId: patents})).json();
      const {token: bearer} = await token('Patents only', ['tasks:read', 'tasks:write'], [patents]);
      const patentsOnly = as(bearer);
      expect((await patentsOnly('GET', `/api/v1/tasks/${inAcme.key}`)).json()).toMatchObject({status: 404, id: 'baton.not_found.task'});
      expect((await patentsOnly('GET', `/api/v1/tasks/${inPatents.key}`)).statusCode).toBe(200);
      const listed = (await patentsOnly('GET', '/api/v1/tasks?limit=200')).json().items.map((task: {channelId: string}) => task.channelId);
      expect(listed.length).toBeGreaterThan(0);
      expect(new Set(listed)).toEqual(new Set([patents]));
      expect((await patentsOnly('POST', '/api/v1/tasks', {title: 'Into acme', channelId: acme})).json()).toMatchObject({status: 403, id: 'baton.forbidden.channel'});
      expect((await patentsOnly('PUT', '/api/v1/external/billing/tasks/INV-ACME', {title: 'Into acme', channelId: acme})).json()).toMatchObject({status: 403, id: 'baton.forbidden.channel'});
      expect((await patentsOnly('POST', '/api/v1/tasks', {title: 'Personal'})).json()).toMatchObject({status: 403, id: 'baton.forbidden.token_channel'});

      const {token: everywhere} = await token('Every channel', ['tasks:read']);
      const all = (await as(everywhere)('GET', '/api/v1/tasks?limit=200')).json().items.map((task: {channelId: string}) => task.channelId);
      expect(new Set(all)).toEqual(new Set([patents, acme]));
    });
  });

  describe('tasks by external reference', () => {
    const put = (bearer: string, externalId: string, body: unknown) => as(bearer)('PUT', `/api/v1/external/billing/tasks/${externalId}`, body);
    const draft = {
      title: 'Invoice the office action response',
      channelId: patents,
      holderId: U.sato,
      deadlines: [{kind: 'customer', due: '2027-01-06'}],
      labels: ['billing'],
      caseRef: {id: 'P-2026-0142', url: 'https://ip.example.com/cases/P-2026-0142'},
    };

    it('creates once (201) and answers a retry with the same task (200)', async () => {
      const {token: bearer} = await token('Billing writer', ['tasks:read', 'tasks:write']);
      const first = await put(bearer, 'INV-2026-0142', draft);
      expect(first.statusCode).toBe(201);
      const task = first.json();
      expect(task).toMatchObject({title: draft.title, channelId: patents, holderId: U.sato, handedById: U.bot, creatorId: U.bot, labels: ['billing'], caseRef: draft.caseRef});
      expect(task.deadlines).toEqual([{kind: 'customer', dueAt: '2027-01-06T14:59:59.999Z', allDay: true, timeZone: 'Asia/Tokyo'}]);
      const retry = await put(bearer, 'INV-2026-0142', draft);
      expect(retry.statusCode).toBe(200);
      expect(retry.json()).toEqual(task);
      // The holder was told once, as for any handoff.
      const notices = await world.database.db.selectFrom('outbox').select('kind').where('kind', '=', 'handoff').where(sql`payload->>'taskId'`, '=', task.id).execute();
      expect(notices).toHaveLength(1);
      expect((await as(bearer)('GET', '/api/v1/external/billing/tasks/INV-2026-0142')).json()).toEqual(task);
    });

    it('never duplicates under concurrent retries: one 201, the rest 200, one task', async () => {
      const {token: bearer} = await token('Billing concurrent', ['tasks:write']);
      const responses = await Promise.all(Array.from({length: 6}, () => put(bearer, 'INV-2026-0200', {...draft, title: 'Concurrent invoice'})));
      expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      const ids = new Set(responses.map((response) => response.json().id));
      expect(ids.size).toBe(1);
      const bodies = new Set(responses.map((response) => response.body));
      expect(bodies.size).toBe(1);
      const rows = await world.database.db.selectFrom('tasks').select('id').where('title', '=', 'Concurrent invoice').execute();
      expect(rows).toHaveLength(1);
      const refs = await world.database.db.selectFrom('task_external_refs').selectAll().where('external_id', '=', 'INV-2026-0200').execute();
      expect(refs.map((ref) => ref.task_id)).toEqual([...ids]);
    });

    it('updates the same task: changed fields, a new holder by handoff, a new status; the channel cannot move', async () => {
      const {token: bearer} = await token('Billing updater', ['tasks:write']);
      const created = (await put(bearer, 'INV-2026-0300', draft)).json();
      const updated = await put(bearer, 'INV-2026-0300', {...draft, title: 'Invoice sent', holderId: U.tanaka, statusId: 'done', deadlines: []});
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({id: created.id, key: created.key, title: 'Invoice sent', holderId: U.tanaka, status: {id: 'done'}, deadlines: []});
      expect(updated.json().version).toBeGreaterThan(created.version);
      const moved = await put(bearer, 'INV-2026-0300', {...draft, channelId: acme});
      expect(moved.json()).toMatchObject({status: 409, id: 'baton.conflict.external_channel', details: {field: 'channelId'}});
      // A task of another source or id is another task.
      expect((await as(bearer)('PUT', '/api/v1/external/erp/tasks/INV-2026-0300', draft)).statusCode).toBe(201);
    });

    it('names bad references and fields', async () => {
      const {token: bearer} = await token('Billing careless', ['tasks:write']);
      const response = await as(bearer)('PUT', '/api/v1/external/-bad/tasks/INV-1', {title: '', channelId: patents, colour: 'red'});
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain('source: must be 1–64 characters');
      const body = await put(bearer, 'INV-1', {title: '', channelId: patents, colour: 'red'});
      expect(body.json().details.issues.map((issue: {field: string}) => issue.field)).toEqual(['title', 'colour']);
    });
  });

  describe('workflow runs started and advanced by a business system (the EcoIP case)', () => {
    it('starts a run as the bot, the first holder gets the DM; completing the current step passes the baton', async () => {
      await person('sato')('POST', '/api/v1/workflows', officeAction);
      const {token: bearer} = await token('EcoIP billing', ['tasks:read', 'workflows:start', 'workflows:advance'], [patents]);
      const billing = as(bearer);
      const started = await billing('POST', '/api/v1/workflows/office action response/runs', {
        channelId: patents,
        roles: {attorney: U.sato},
        caseRef: {id: 'P-2026-0142', url: 'https://ip.example.com/cases/P-2026-0142'},
        comment: 'Billing job 42: the client approved the estimate.',
      });
      expect(started.statusCode).toBe(201);
      const run = started.json();
      expect(run).toMatchObject({requesterId: U.bot, currentStep: 0, status: 'active'});
      expect(run.steps[0].holderId).toBe(U.tanaka);
      const dm = await world.database.db.selectFrom('outbox').select(['kind', 'payload']).where('kind', '=', 'handoff').where(sql`payload->>'taskId'`, '=', run.steps[0].taskId).executeTakeFirstOrThrow();
      expect(dm.payload).toMatchObject({userId: U.tanaka, fromUserId: U.bot, comment: 'Billing job 42: the client approved the estimate.'});

      const byCase = (await billing('GET', '/api/v1/tasks?caseId=P-2026-0142&limit=50')).json().items;
      expect(byCase.map((task: {id: string}) => task.id)).toEqual(expect.arrayContaining([run.parentTaskId, ...run.steps.map((step: {taskId: string}) => step.taskId)]));

      const advanced = await billing('POST', `/api/v1/runs/${run.id}/steps/0/complete`, {comment: 'Registered; legal deadline 2027-01-20.'});
      expect(advanced.statusCode).toBe(200);
      expect(advanced.json()).toMatchObject({id: run.id, currentStep: 1, steps: [{completedAt: expect.any(String)}, {holderId: U.sato}, {}]});
      const again = await billing('POST', `/api/v1/runs/${run.id}/steps/0/complete`, {});
      expect(again.json()).toMatchObject({status: 409, id: 'baton.conflict.step_not_current', details: {field: 'position', currentStep: 1}});
      expect((await billing('POST', `/api/v1/runs/${run.id}/steps/7/complete`, {})).json()).toMatchObject({status: 404});
      expect((await billing('GET', `/api/v1/runs/${run.id}`)).json()).toMatchObject({currentStep: 1});

      const {token: elsewhere} = await token('Acme only', ['tasks:read', 'workflows:start', 'workflows:advance'], [acme]);
      expect((await as(elsewhere)('GET', `/api/v1/runs/${run.id}`)).json()).toMatchObject({status: 404});
      expect((await as(elsewhere)('POST', `/api/v1/runs/${run.id}/steps/1/complete`, {})).json()).toMatchObject({status: 404});
      expect((await as(elsewhere)('POST', '/api/v1/workflows/office action response/runs', {channelId: patents, roles: {attorney: U.sato}})).json()).toMatchObject({status: 403, id: 'baton.forbidden.channel'});
    });
  });
});

describe('limits on the postgres engine', () => {
  const world = useRouteTestWorld('postgres', (database) => stackOn(database, {bodyBytes: 4096, perTokenPerMinute: 3, perUserPerMinute: 4}));

  const call = (bearer: string, method: 'GET' | 'POST' = 'GET', url = '/api/v1/tasks', payload?: string) =>
    world.server.inject({method, url, headers: {authorization: `Bearer ${bearer}`, ...(payload ? {'content-type': 'application/json'} : {})}, ...(payload ? {payload} : {})});

  async function newToken(name: string): Promise<string> {
    return (await call(world.tokens.admin ?? '', 'POST', '/api/v1/admin/tokens', JSON.stringify({name, scopes: ['tasks:read', 'tasks:write']}))).json().token;
  }

  it('answers 429 with Retry-After once a token spent its budget; another token is not affected', async () => {
    const [first, second] = [await newToken('Budget one'), await newToken('Budget two')];
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await call(first));
    expect(answers.map((response) => response.statusCode)).toEqual([200, 200, 200, 429]);
    const refused = answers[3];
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused?.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused?.json()).toMatchObject({status: 429, id: 'baton.rate_limited', details: {limit: 3, retryAfterSeconds: Number(refused?.headers['retry-after'])}, request_id: expect.any(String)});
    expect((await call(second)).statusCode).toBe(200);
  });

  it('counts each person on their own budget', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await call(world.tokens.sato ?? '')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await call(world.tokens.smith ?? '')).statusCode).toBe(200);
  });

  it('refuses a body over the limit with 413 baton.payload_too_large, naming the limit', async () => {
    const bearer = await newToken('Big bodies');
    const response = await call(bearer, 'POST', '/api/v1/tasks', JSON.stringify({title: 'Big', channelId: patents, description: 'x'.repeat(5000)}));
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({id: 'baton.payload_too_large', status: 413, details: {field: 'body', allowed: 'at most 4096 bytes'}});
  });
});
