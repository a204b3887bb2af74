import type {PageRequest, TaskListFilters} from '../api/bridgeApi';
import {taskListQueryString} from '../api/bridgeApi';
import {taskListQuerySchema} from '../api/contract';
import type {TaskListPage} from '../api/contract';
import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {bridgeUrl, errorBody, taskFixture} from '../testing/fixtures';
import {createTestHostStore, testIds} from '../testing/hostStore';
import {createConnectedTestServices} from '../testing/services';

import {createTaskLists, describeFailure, listScope, resyncLists} from './taskLists';
import {tabSelected} from './tasksSlice';
import type {TaskListId} from './tasksSlice';

const me = testIds.user;
const tasksUrl = /\/api\/v1\/tasks\?/;

function setup() {
  const services = createConnectedTestServices();
  const list = (id: TaskListId) => getTasksState(services.store.getState() as GlobalStateWithBaton).lists[id];
  const listRequests = () => services.fake.to('/api/v1/tasks?').map((request) => request.url);
  return {services, list, listRequests};
}

/** Lets the fake answers and the dispatches after them run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const urlFor = (filters: TaskListFilters, page: PageRequest) => `${bridgeUrl}/api/v1/tasks?${taskListQueryString(filters, page).toString()}`;

afterEach(() => jest.useRealTimers());

describe('list scopes', () => {
  it('asks for me as holder, as the one who handed on (not yet accepted), the current channel, and me as watcher', () => {
    expect(listScope('mine', me, testIds.channel)).toEqual({holderId: me});
    expect(listScope('waiting', me, testIds.channel)).toEqual({handedById: me, accepted: false});
    expect(listScope('channel', me, testIds.channel)).toEqual({channelId: testIds.channel});
    expect(listScope('watching', me, null)).toEqual({watcherId: me});
    expect(listScope('channel', me, null)).toBeNull();
    expect(listScope('mine', null, testIds.channel)).toBeNull();
  });
});

describe('task list loading', () => {
  it('tells the profile loader who each loaded page names', async () => {
    const store = createTestHostStore();
    const profiles = {ensure: jest.fn()};
    const page: TaskListPage = {items: [taskFixture({holderId: 'h'.repeat(26), handedById: 'g'.repeat(26)})], nextCursor: null};
    const lists = createTaskLists({store, api: {listTasks: async () => page}, profiles});
    lists.show('mine', {holderId: me});
    await flush();
    expect(profiles.ensure).toHaveBeenCalledWith(['h'.repeat(26), 'g'.repeat(26), me]);
  });

  it('asks the bridge exactly what each list needs, in a query the bridge’s own parser reads back', async () => {
    const {services, listRequests} = setup();
    services.fake.on('GET', tasksUrl, {json: {items: [], nextCursor: null}});
    services.tasks.show('mine', listScope('mine', me, null));
    services.tasks.show('waiting', listScope('waiting', me, null));
    await flush();
    await flush();

    expect(listRequests()).toEqual([
      urlFor({holderId: me, statusCategory: 'open'}, {limit: 50}),
      urlFor({handedById: me, accepted: false, statusCategory: 'open'}, {limit: 50}),
    ]);
    expect(listRequests()[1]).toBe(`${bridgeUrl}/api/v1/tasks?handedById=${me}&accepted=false&statusCategory=open&limit=50`);
    const query = new URL(listRequests()[1] ?? '').searchParams;
    expect(taskListQuerySchema.parse(Object.fromEntries(query))).toMatchObject({handedById: me, accepted: false, statusCategory: 'open', limit: 50});
    services.session.dispose();
  });

  it('sends the filters the person picks and loads the first page again', async () => {
    const {services, listRequests, list} = setup();
    services.fake.on('GET', tasksUrl, {json: {items: [], nextCursor: null}});
    services.tasks.show('channel', listScope('channel', me, testIds.channel));
    await flush();
    services.tasks.setFilters('channel', {statusCategory: null, priority: 'urgent', label: '特許', overdue: 'legal', q: 'срок'});
    await flush();
    await flush();

    const filters: TaskListFilters = {channelId: testIds.channel, priority: ['urgent'], label: '特許', overdue: true, dueKind: 'legal', q: 'срок'};
    expect(listRequests().at(-1)).toBe(urlFor(filters, {limit: 50}));
    expect(taskListQuerySchema.parse(Object.fromEntries(new URL(listRequests().at(-1) ?? '').searchParams))).toMatchObject(filters);
    expect(list('channel').loadedFilters).toEqual(filters);
    services.session.dispose();
  });

  it('does not ask again for a list already loaded for the same person, and asks nothing without a channel', async () => {
    const {services, listRequests} = setup();
    services.fake.on('GET', tasksUrl, {json: {items: [], nextCursor: null}});
    services.tasks.show('mine', listScope('mine', me, null));
    await flush();
    await flush();
    services.tasks.show('mine', listScope('mine', me, null));
    services.tasks.show('channel', listScope('channel', me, null));
    await flush();
    expect(listRequests()).toHaveLength(1);
    services.session.dispose();
  });

  it('pages with the cursor, using the filters of the pages already shown, and stops at the last page', async () => {
    const {services, listRequests, list} = setup();
    services.fake.on('GET', tasksUrl,
      {json: {items: [taskFixture({id: 'a', key: 'PAT-1'})], nextCursor: 'cursor.1'}},
      {json: {items: [taskFixture({id: 'b', key: 'PAT-2'})], nextCursor: null}});
    services.tasks.show('watching', listScope('watching', me, null));
    await flush();
    await flush();
    services.tasks.loadMore('watching');
    await flush();
    await flush();
    services.tasks.loadMore('watching');
    await flush();

    expect(listRequests()).toEqual([
      urlFor({watcherId: me, statusCategory: 'open'}, {limit: 50}),
      urlFor({watcherId: me, statusCategory: 'open'}, {limit: 50, cursor: 'cursor.1'}),
    ]);
    expect(list('watching')).toMatchObject({ids: ['a', 'b'], nextCursor: null, more: 'idle'});
    services.session.dispose();
  });

  it('reports a failure with the bridge’s message and id, and Retry asks again', async () => {
    const {services, list} = setup();
    services.fake.on('GET', tasksUrl,
      {status: 503, json: errorBody(503, 'baton.not_ready', 'The bridge is not ready: starting up')},
      {json: {items: [taskFixture()], nextCursor: null}});
    services.tasks.show('mine', listScope('mine', me, null));
    await flush();
    await flush();
    expect(list('mine')).toMatchObject({status: 'error', error: {message: 'The bridge is not ready: starting up', id: 'baton.not_ready', requestId: 'req-1'}});

    services.tasks.retry('mine');
    await flush();
    await flush();
    expect(list('mine')).toMatchObject({status: 'loaded', error: null, ids: ['task-1']});
    services.session.dispose();
  });

  it('keeps the loaded pages when the next one fails; only Retry (not scrolling) asks for it again', async () => {
    const {services, list, listRequests} = setup();
    services.fake.on('GET', tasksUrl,
      {json: {items: [taskFixture({id: 'a'})], nextCursor: 'c1'}},
      {networkError: new TypeError('Failed to fetch')},
      {json: {items: [taskFixture({id: 'b', key: 'PAT-2'})], nextCursor: null}});
    services.tasks.show('mine', listScope('mine', me, null));
    await flush();
    await flush();
    services.tasks.loadMore('mine');
    await flush();
    await flush();
    expect(list('mine')).toMatchObject({ids: ['a'], more: 'error', moreError: {message: 'GET /api/v1/tasks: the Baton service could not be reached', id: null}});
    services.tasks.loadMore('mine');
    await flush();
    expect(listRequests()).toHaveLength(2);
    services.tasks.retry('mine');
    await flush();
    await flush();
    expect(list('mine')).toMatchObject({ids: ['a', 'b'], more: 'idle'});
    services.session.dispose();
  });

  it('resyncs the visible list (as a method or a thunk)', async () => {
    const {services, listRequests} = setup();
    services.fake.on('GET', tasksUrl, {json: {items: [], nextCursor: null}});
    services.store.dispatch(tabSelected('watching'));
    services.tasks.show('watching', listScope('watching', me, null));
    await flush();
    await flush();
    services.tasks.resync();
    await flush();
    await flush();
    (resyncLists(services.tasks) as () => void)();
    await flush();
    await flush();
    expect(listRequests()).toEqual(Array(3).fill(urlFor({watcherId: me, statusCategory: 'open'}, {limit: 50})));
    services.session.dispose();
  });
});

describe('replacing a request', () => {
  type Pending = {filters: TaskListFilters; signal: AbortSignal | undefined; resolve: (page: TaskListPage) => void};

  it('aborts the request a newer one replaces and ignores its late answer', async () => {
    const pending: Pending[] = [];
    const store = createTestHostStore();
    const lists = createTaskLists({
      store,
      api: {listTasks: (filters = {}, _page, signal) => new Promise((resolve) => pending.push({filters, signal, resolve}))},
    });
    const list = () => getTasksState(store.getState() as GlobalStateWithBaton).lists.mine;
    lists.show('mine', listScope('mine', me, null));
    lists.setFilters('mine', {q: '明細'});
    lists.setFilters('mine', {q: '明細書'});

    expect(pending.map((request) => [request.filters.q, request.signal?.aborted])).toEqual([[undefined, true], ['明細', true], ['明細書', false]]);
    pending[2]?.resolve({items: [taskFixture({id: 'new'})], nextCursor: null});
    await flush();
    pending[1]?.resolve({items: [taskFixture({id: 'stale'})], nextCursor: null});
    await flush();
    expect(list()).toMatchObject({ids: ['new'], status: 'loaded', loadedFilters: {q: '明細書'}});

    lists.setFilters('mine', {q: 'x'});
    lists.dispose();
    expect(pending[3]?.signal?.aborted).toBe(true);
  });

  it('describes errors that are not from the bridge by their message', () => {
    expect(describeFailure(new Error('boom'))).toEqual({text: {text: 'boom'}, message: 'boom', id: null, requestId: null});
    expect(describeFailure('odd')).toEqual({text: {text: 'odd'}, message: 'odd', id: null, requestId: null});
  });
});
