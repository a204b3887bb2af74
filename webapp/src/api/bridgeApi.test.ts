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
});
