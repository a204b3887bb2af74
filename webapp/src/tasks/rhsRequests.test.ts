import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {createTestHostStore} from '../testing/hostStore';
import {taskFixture} from '../testing/fixtures';

import {applyRhsRequest} from './rhsRequests';

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

  it('fetches and selects the task /task show names, and selects nothing when the bridge refuses it', async () => {
    const store = createTestHostStore();
    api.getTask.mockResolvedValueOnce(taskFixture({id: 't1', key: 'PAT-7'}));
    await applyRhsRequest({...none, requestedTaskKey: 'PAT-7'}, {store, api});
    expect(api.getTask).toHaveBeenCalledWith('PAT-7');
    expect(tasksOf(store).selectedTaskId).toBe('t1');
    api.getTask.mockRejectedValueOnce(new Error('404'));
    await applyRhsRequest({...none, requestedTaskKey: 'PAT-404'}, {store, api});
    expect(tasksOf(store).selectedTaskId).toBe('t1');
  });
});
