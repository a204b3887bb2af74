import {BridgeError} from '../api/bridgeErrors';
import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {createTestHostStore} from '../testing/hostStore';
import {taskFixture} from '../testing/fixtures';

import {applyRhsRequest} from './rhsRequests';
import {taskSelected} from './tasksSlice';

const none = {requestedList: null, requestedTaskKey: null};
const tasksOf = (store: ReturnType<typeof createTestHostStore>) => getTasksState(store.getState() as GlobalStateWithBaton);

describe('opening the panel for a list or a task', () => {
  const api = {getTask: jest.fn()};
  beforeEach(() => api.getTask.mockReset());

  it('shows Mine with only overdue tasks for the Overdue counter, and all of Mine again for the Mine counter', async () => {
    const store = createTestHostStore();
    await applyRhsRequest({...none, requestedList: 'overdue'}, {store, api});
    expect(tasksOf(store).activeList).toBe('mine');
    expect(tasksOf(store).lists.mine.filters.overdue).toBe('any');
    await applyRhsRequest({...none, requestedList: 'mine'}, {store, api});
    expect(tasksOf(store).lists.mine.filters.overdue).toBeNull();
  });

  it('shows the list asked for: waiting on others, or this channel for /task board', async () => {
    const store = createTestHostStore();
    await applyRhsRequest({...none, requestedList: 'channel'}, {store, api});
    expect(tasksOf(store).activeList).toBe('channel');
    await applyRhsRequest({...none, requestedList: 'waiting'}, {store, api});
    expect(tasksOf(store).activeList).toBe('waiting');
  });

  it('fetches and selects the task /task show names, and tells who it names to the profile loader', async () => {
    const store = createTestHostStore();
    const profiles = {ensure: jest.fn()};
    api.getTask.mockResolvedValueOnce(taskFixture({id: 't1', key: 'PAT-7', holderId: 'h'.repeat(26), creatorId: 'c'.repeat(26)}));
    await expect(applyRhsRequest({...none, requestedTaskKey: 'PAT-7'}, {store, api, profiles})).resolves.toBeNull();
    expect(api.getTask).toHaveBeenCalledWith('PAT-7');
    expect(tasksOf(store).selectedTaskId).toBe('t1');
    expect(profiles.ensure).toHaveBeenCalledWith(['h'.repeat(26), 'c'.repeat(26)]);
  });

  it('selects nothing when the bridge refuses the key, and says whether it is missing (404) or the request failed', async () => {
    const store = createTestHostStore();
    store.dispatch(taskSelected('t1'));
    const refusal = (status: number, id: string) => new BridgeError({status, id, message: 'English text', field: null, details: {}, requestId: null});
    api.getTask.mockRejectedValueOnce(refusal(404, 'baton.not_found.task'));
    await expect(applyRhsRequest({...none, requestedTaskKey: 'PAT-404'}, {store, api})).resolves.toEqual({key: 'PAT-404', missing: true});
    api.getTask.mockRejectedValueOnce(refusal(503, 'baton.not_ready'));
    await expect(applyRhsRequest({...none, requestedTaskKey: 'PAT-5'}, {store, api})).resolves.toMatchObject({key: 'PAT-5', missing: false, failure: {text: {id: 'baton.error.not_ready'}}});
    expect(tasksOf(store).selectedTaskId).toBe('t1');
  });
});
