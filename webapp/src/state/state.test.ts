import {initialCountersState} from '../counters/countersSlice';
import {initialDetailState} from '../detail/detailSlice';
import {initialSessionState} from '../session/sessionSlice';
import {initialTasksState} from '../tasks/tasksSlice';

import {reducer} from './reducer';
import {initialRhsState, panelFormClosed, panelFormOpened, rhsListRequested, rhsRegistered, rhsTaskRequested} from './rhsSlice';
import {getPluginState, getRhsPluggableId, getRhsRequest, pluginStateKey} from './selectors';

describe('plugin state', () => {
  it('is mounted under the key the host uses for this plugin', () => {
    expect(pluginStateKey).toBe('plugins-baton');
  });

  it('starts with no RHS registered and no session', () => {
    expect(reducer(undefined, {type: 'anything'})).toEqual({counters: initialCountersState, detail: initialDetailState, rhs: initialRhsState, session: initialSessionState, tasks: initialTasksState});
    expect(initialSessionState.status).toBe('idle');
  });

  it('records the RHS id the host assigned', () => {
    const state = reducer(undefined, rhsRegistered('rhs-123'));
    expect(getRhsPluggableId({[pluginStateKey]: state})).toBe('rhs-123');
  });

  it('records what the panel was asked to show, each request anew', () => {
    const board = reducer(reducer(undefined, rhsRegistered('rhs-123')), rhsListRequested('channel'));
    expect(getRhsRequest({[pluginStateKey]: board})).toEqual({pluggableId: 'rhs-123', form: null, requestedList: 'channel', requestedTaskKey: null, requestSeq: 1});
    const task = reducer(board, rhsTaskRequested('PAT-12'));
    expect(task.rhs).toEqual({pluggableId: 'rhs-123', form: null, requestedList: 'channel', requestedTaskKey: 'PAT-12', requestSeq: 2});
    expect(reducer(task, rhsListRequested('channel')).rhs).toEqual({pluggableId: 'rhs-123', form: null, requestedList: 'channel', requestedTaskKey: null, requestSeq: 3});
  });

  it('opens one form at a time over the lists; closing it, or asking for a list or a task, shows them again', () => {
    const creating = reducer(undefined, panelFormOpened({kind: 'createTask', prefill: {title: 'Reply to the examiner'}}));
    expect(creating.rhs.form).toEqual({kind: 'createTask', prefill: {title: 'Reply to the examiner'}});
    const settings = reducer(creating, panelFormOpened({kind: 'settings'}));
    expect(settings.rhs.form).toEqual({kind: 'settings'});
    expect(reducer(settings, panelFormClosed()).rhs.form).toBeNull();
    expect(reducer(settings, rhsListRequested('mine')).rhs.form).toBeNull();
    expect(reducer(settings, rhsTaskRequested('PAT-12')).rhs.form).toBeNull();
  });

  it('ignores actions of other features and of the host', () => {
    const state = reducer(undefined, rhsRegistered('rhs-123'));
    expect(reducer(state, {type: 'RECEIVED_POSTS'})).toBe(state);
  });

  it('reads an initial state before the reducer is mounted', () => {
    expect(getPluginState({})).toEqual({counters: initialCountersState, detail: initialDetailState, rhs: initialRhsState, session: initialSessionState, tasks: initialTasksState});
  });
});
