import {taskFixture} from '../testing/fixtures';
import {testIds} from '../testing/hostStore';
import {pluginStateKey} from '../state/selectors';
import {getTasksState} from '../state/selectors';
import {reducer} from '../state/reducer';

import {
  filtersChanged,
  initialTasksState,
  listQuery,
  pageFailed,
  pageLoaded,
  pageRequested,
  scopeSet,
  tabSelected,
  taskChanged,
  taskMatches,
  taskRemoved,
  taskSelected,
  tasksReducer,
} from './tasksSlice';
import type {TasksState} from './tasksSlice';

const me = testIds.user;
const other = testIds.bot;
const mineQuery = {holderId: me, statusCategory: 'open' as const};
const waitingQuery = {handedById: me, accepted: false, statusCategory: 'open' as const};

function loaded(): TasksState {
  let state = tasksReducer(undefined, scopeSet('mine', {holderId: me}));
  state = tasksReducer(state, pageLoaded('mine', mineQuery, {items: [taskFixture({id: 'a', key: 'PAT-1'}), taskFixture({id: 'b', key: 'PAT-2'})], nextCursor: 'c1'}, false));
  state = tasksReducer(state, scopeSet('waiting', {handedById: me, accepted: false}));
  state = tasksReducer(state, pageLoaded('waiting', waitingQuery, {items: [], nextCursor: null}, false));
  return state;
}

describe('tasks slice', () => {
  it('is mounted in the plugin state and read through getPluginState', () => {
    const state = reducer(undefined, tabSelected('waiting'));
    expect(getTasksState({[pluginStateKey]: state}).activeList).toBe('waiting');
    expect(getTasksState({}).activeList).toBe('mine');
  });

  it('builds each list’s query from its scope and the person’s filters', () => {
    expect(listQuery(initialTasksState.lists.mine)).toBeNull();
    expect(listQuery({scope: {holderId: me}, filters: {statusCategory: null, priority: 'high', label: ' 特許 ', overdue: 'legal', q: '  срок '}}))
      .toEqual({holderId: me, priority: ['high'], label: '特許', overdue: true, dueKind: 'legal', q: 'срок'});
    expect(listQuery({scope: {channelId: testIds.channel}, filters: {statusCategory: 'closed', priority: null, label: '', overdue: 'any', q: ''}}))
      .toEqual({channelId: testIds.channel, statusCategory: 'closed', overdue: true});
  });

  it('keeps pages: the first replaces, the next appends without duplicates, entities are stored once', () => {
    let state = loaded();
    expect(state.lists.mine).toMatchObject({ids: ['a', 'b'], nextCursor: 'c1', status: 'loaded', loadedFilters: mineQuery});
    state = tasksReducer(state, pageRequested('mine', true));
    expect(state.lists.mine.more).toBe('loading');
    state = tasksReducer(state, pageLoaded('mine', mineQuery, {items: [taskFixture({id: 'b', key: 'PAT-2'}), taskFixture({id: 'c', key: 'PAT-3'})], nextCursor: null}, true));
    expect(state.lists.mine).toMatchObject({ids: ['a', 'b', 'c'], nextCursor: null, more: 'idle'});
    expect(Object.keys(state.entities).sort()).toEqual(['a', 'b', 'c']);
  });

  it('keeps what was loaded when a request fails, with the failure beside it', () => {
    const failure = {text: {id: 'baton.error.not_ready'}, message: 'The bridge is not ready', id: 'baton.not_ready', requestId: 'req-9'};
    let state = tasksReducer(loaded(), pageRequested('mine', false));
    state = tasksReducer(state, pageFailed('mine', failure, false));
    expect(state.lists.mine).toMatchObject({status: 'error', error: failure, ids: ['a', 'b']});
    state = tasksReducer(state, pageFailed('mine', failure, true));
    expect(state.lists.mine).toMatchObject({more: 'error', moreError: failure, ids: ['a', 'b']});
  });

  it('starts a list afresh (keeping the filters) when its scope changes, e.g. another channel', () => {
    let state = tasksReducer(loaded(), filtersChanged('mine', {priority: 'urgent'}));
    state = tasksReducer(state, scopeSet('mine', {holderId: other}));
    expect(state.lists.mine).toMatchObject({ids: [], status: 'idle', loadedFilters: null, scope: {holderId: other}});
    expect(state.lists.mine.filters.priority).toBe('urgent');
  });

  it('selects a task and switches tabs', () => {
    const state = tasksReducer(tasksReducer(undefined, taskSelected('a')), tabSelected('channel'));
    expect(state).toMatchObject({selectedTaskId: 'a', activeList: 'channel'});
  });

  it('ignores other actions', () => {
    const state = loaded();
    expect(tasksReducer(state, {type: 'RECEIVED_POSTS'})).toBe(state);
  });
});

describe('live updates', () => {
  it('replaces a changed task and moves it between lists by its fields', () => {
    // b was handed to someone else by me and not accepted: it leaves Mine and joins Waiting.
    const handed = taskFixture({id: 'b', key: 'PAT-2', holderId: other, handedById: me, acceptedAt: null, title: 'handed on'});
    const state = tasksReducer(loaded(), taskChanged(handed));
    expect(state.entities.b?.title).toBe('handed on');
    expect(state.lists.mine.ids).toEqual(['a']);
    expect(state.lists.waiting.ids).toEqual(['b']);
  });

  it('drops a closed task from open lists and adds a new one at the top', () => {
    let state = tasksReducer(loaded(), taskChanged(taskFixture({id: 'a', key: 'PAT-1', status: {id: 'done', name: 'Done', category: 'closed'}, statusId: 'done'})));
    expect(state.lists.mine.ids).toEqual(['b']);
    state = tasksReducer(state, taskChanged(taskFixture({id: 'new', key: 'PAT-9'})));
    expect(state.lists.mine.ids).toEqual(['new', 'b']);
  });

  it('does not guess for filters only the bridge can apply (search): updates but adds nothing', () => {
    let state = tasksReducer(undefined, scopeSet('mine', {holderId: me}));
    state = tasksReducer(state, pageLoaded('mine', {...mineQuery, q: '明細書'}, {items: [taskFixture({id: 'a'})], nextCursor: null}, false));
    state = tasksReducer(state, taskChanged(taskFixture({id: 'z', key: 'PAT-30'})));
    expect(state.lists.mine.ids).toEqual(['a']);
    expect(state.entities.z).toBeDefined();
    state = tasksReducer(state, taskChanged(taskFixture({id: 'a', holderId: other})));
    expect(state.lists.mine.ids).toEqual([]);
  });

  it('leaves lists that were never loaded alone', () => {
    const state = tasksReducer(undefined, taskChanged(taskFixture({id: 'a'})));
    expect(state.lists.mine.ids).toEqual([]);
  });

  it('removes a task from every list and the selection', () => {
    const state = tasksReducer(tasksReducer(loaded(), taskSelected('a')), taskRemoved('a'));
    expect(state.lists.mine.ids).toEqual(['b']);
    expect(state.entities.a).toBeUndefined();
    expect(state.selectedTaskId).toBeNull();
  });

  it('matches each filter the bridge reads from the task’s own fields', () => {
    const task = taskFixture({holderId: me, watcherIds: [other], labels: ['特許'], priority: 'high', acceptedAt: '2025-04-01T00:00:00.000Z'});
    expect(taskMatches(task, {holderId: me, watcherId: other, label: '特許', priority: ['high', 'urgent'], accepted: true, channelId: testIds.channel})).toBe('yes');
    expect(taskMatches(task, {accepted: false})).toBe('no');
    expect(taskMatches(task, {watcherId: me})).toBe('no');
    expect(taskMatches(task, {holderId: me, overdue: true})).toBe('unknown');
    // dueKind alone narrows nothing on the bridge.
    expect(taskMatches(task, {dueKind: 'legal'})).toBe('yes');
  });
});
