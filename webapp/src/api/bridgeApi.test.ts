import {createFakeFetch} from '../testing/fakeFetch';
import {bridgeUrl, errorBody, taskFixture} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';

import {createBridgeApi, taskListQueryString} from './bridgeApi';
import type {TaskListFilters} from './bridgeApi';
import {createBridgeClient} from './bridgeClient';
import type {SessionSource} from './bridgeClient';
import {taskListQuerySchema} from './contract';

function setup() {
  const fake = createFakeFetch();
  const session: SessionSource = {
    current: async () => ({url: bridgeUrl, token: 'token-1', expiresAt: new Date(Date.now() + 3_600_000)}),
    renew: async () => {
      throw new Error('not expected to renew');
    },
    rejected: () => undefined,
  };
  return {fake, api: createBridgeApi(createBridgeClient({fetch: fake.fetch, session}))};
}

describe('task list query', () => {
  const everyFilter: Required<TaskListFilters> = {
    holderId: testIds.user,
    creatorId: testIds.user,
    channelId: testIds.channel,
    watcherId: testIds.user,
    handedById: testIds.bot,
    accepted: false,
    statusId: ['open', 'in_progress'],
    statusCategory: 'open',
    priority: ['high', 'urgent'],
    label: '特許',
    caseId: 'JP-2025-001',
    parentId: 'PAT-1',
    q: 'срок подачи',
    dueKind: 'legal',
    dueBefore: '2025-04-30T17:00:00+09:00',
    dueAfter: '2025-04-01T00:00:00Z',
    overdue: true,
    sort: 'due:legal',
  };

  it('is read back by the bridge’s own parser as the filters that were asked for', () => {
    const query = taskListQueryString(everyFilter, {limit: 20, cursor: 'abc.DEF-1'});
    const parsed = taskListQuerySchema.parse(Object.fromEntries(query));
    const {sort: _sort, ...filters} = everyFilter;
    expect(parsed).toEqual({...filters, sort: {by: 'due', dueKind: 'legal', descending: false}, limit: 20, cursor: 'abc.DEF-1'});
  });

  it('leaves out what is not set, so the bridge applies its defaults', () => {
    expect(taskListQueryString({holderId: testIds.user, accepted: undefined}).toString()).toBe(`holderId=${testIds.user}`);
    expect(taskListQuerySchema.parse(Object.fromEntries(taskListQueryString({})))).toMatchObject({limit: 50, sort: {by: 'updatedAt', descending: true}});
  });

  it('writes a descending sort with its minus sign', () => {
    expect(taskListQueryString({sort: '-priority'}).get('sort')).toBe('-priority');
  });
});

describe('bridge api', () => {
  it('lists tasks with filters and a cursor, checking the page', async () => {
    const {fake, api} = setup();
    const task = taskFixture();
    fake.on('GET', /\/api\/v1\/tasks\?/, {json: {items: [task], nextCursor: 'next-1'}});

    const page = await api.listTasks({holderId: testIds.user, statusCategory: 'open'}, {limit: 20, cursor: 'c-1'});

    expect(page).toEqual({items: [task], nextCursor: 'next-1'});
    expect(fake.requests[0]?.url).toBe(`${bridgeUrl}/api/v1/tasks?holderId=${testIds.user}&statusCategory=open&limit=20&cursor=c-1`);
  });

  it('refuses a page whose items break the contract, naming the item field', async () => {
    const {fake, api} = setup();
    fake.on('GET', `${bridgeUrl}/api/v1/tasks`, {json: {items: [{...taskFixture(), priority: 'whenever'}], nextCursor: null}});
    await expect(api.listTasks()).rejects.toMatchObject({name: 'BridgeResponseError', fields: ['items.0.priority']});
  });

  it('gets one task by key, encoded into the path', async () => {
    const {fake, api} = setup();
    fake.on('GET', `${bridgeUrl}/api/v1/tasks/PAT-12`, {json: taskFixture()});
    fake.on('GET', `${bridgeUrl}/api/v1/tasks/a%2Fb`, {status: 404, json: errorBody(404, 'baton.not_found.task', 'No task a/b that you can see.')});

    await expect(api.getTask('PAT-12')).resolves.toMatchObject({key: 'PAT-12', version: 3});
    await expect(api.getTask('a/b')).rejects.toMatchObject({name: 'BridgeError', status: 404, id: 'baton.not_found.task'});
  });

  it('checks readiness, passing on why the bridge is not ready', async () => {
    const {fake, api} = setup();
    fake.on('GET', `${bridgeUrl}/readyz`, {json: {status: 'ready', engine: 'pglite'}});
    await expect(api.checkHealth()).resolves.toEqual({status: 'ready', engine: 'pglite'});

    fake.on('GET', `${bridgeUrl}/readyz`, {status: 503, json: errorBody(503, 'baton.not_ready', 'The bridge is not ready: starting up')});
    await expect(api.checkHealth()).rejects.toMatchObject({status: 503, id: 'baton.not_ready'});
  });

  it('creates a task and patches one against the version it was read at (If-Match)', async () => {
    const {fake, api} = setup();
    fake.on('POST', `${bridgeUrl}/api/v1/tasks`, {status: 201, json: taskFixture({title: '拒絶理由通知への応答'})});
    fake.on('PATCH', `${bridgeUrl}/api/v1/tasks/PAT-12`, {json: taskFixture({priority: 'high', version: 4})});

    await expect(api.createTask({title: '拒絶理由通知への応答', channelId: testIds.channel})).resolves.toMatchObject({title: '拒絶理由通知への応答'});
    await expect(api.patchTask('PAT-12', 3, {priority: 'high'})).resolves.toMatchObject({priority: 'high', version: 4});

    expect(fake.requests[0]?.body).toEqual({title: '拒絶理由通知への応答', channelId: testIds.channel});
    expect(fake.requests[1]).toMatchObject({method: 'PATCH', body: {priority: 'high'}});
    expect(fake.requests[1]?.headers['If-Match']).toBe('"3"');
  });

  it('watches and unwatches with empty 204 answers, and refuses a body where none belongs', async () => {
    const {fake, api} = setup();
    fake.on('PUT', `${bridgeUrl}/api/v1/tasks/PAT-12/watch`, {status: 204});
    fake.on('DELETE', `${bridgeUrl}/api/v1/tasks/PAT-12/watch`, {status: 204, json: {surprise: true}});

    await expect(api.watch('PAT-12')).resolves.toBeUndefined();
    await expect(api.unwatch('PAT-12')).rejects.toMatchObject({name: 'BridgeResponseError'});
  });

  it('reads and changes my settings, checking both answers', async () => {
    const {fake, api} = setup();
    const settings = {
      userId: testIds.user,
      digestTime: '08:30',
      digestEnabled: true,
      weeklySummary: false,
      dueSoonDays: 3,
      mutedDeadlineKinds: ['internal'],
      requireAcceptance: false,
      updatedAt: null,
    };
    fake.on('GET', `${bridgeUrl}/api/v1/me/settings`, {json: settings});
    fake.on('PATCH', `${bridgeUrl}/api/v1/me/settings`, {json: {...settings, digestTime: '25:00'}});

    await expect(api.getMySettings()).resolves.toEqual(settings);
    await expect(api.patchMySettings({digestTime: '09:00'})).rejects.toMatchObject({name: 'BridgeResponseError', fields: ['digestTime']});
  });

  it('lists workflow templates and starts a run of one by name, encoded into the path', async () => {
    const {fake, api} = setup();
    fake.on('GET', `${bridgeUrl}/api/v1/workflows`, {json: {items: [], nextCursor: null}});
    fake.on('POST', `${bridgeUrl}/api/v1/workflows/office%20action/runs`, {status: 400, json: errorBody(400, 'baton.invalid.request', 'roles.drafter: must be a user id', {field: 'roles.drafter'})});

    await expect(api.listWorkflowTemplates()).resolves.toEqual({items: [], nextCursor: null});
    await expect(api.startWorkflowRun('office action', {channelId: testIds.channel, roles: {drafter: 'nobody'}})).rejects.toMatchObject({status: 400, field: 'roles.drafter'});
  });
});
