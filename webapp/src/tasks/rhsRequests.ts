// What the panel does when it is opened for something: a sidebar counter or
// `/task board` asks for a list (state/rhsSlice.ts), `/task show KEY` for one
// task. "Overdue" is Mine with the overdue filter; a task asked for by key is
// fetched (it may be in no loaded list) and selected.
import type {BridgeApi} from '../api/bridgeApi';
import type {HostStore} from '../plugin/hostTypes';
import type {RhsState} from '../state/rhsSlice';

import {filtersChanged, tabSelected, taskChanged, taskSelected} from './tasksSlice';

export type RhsRequestDeps = {
  store: Pick<HostStore, 'dispatch'>;
  api: Pick<BridgeApi, 'getTask'>;
};

/** Applies the panel's latest request; a task that cannot be read (gone, not visible) leaves the lists as they are. */
export async function applyRhsRequest(request: Pick<RhsState, 'requestedList' | 'requestedTaskKey'>, {store, api}: RhsRequestDeps): Promise<void> {
  switch (request.requestedList) {
  case 'mine':
  case 'overdue':
    store.dispatch(filtersChanged('mine', {overdue: request.requestedList === 'overdue' ? 'any' : null}));
    store.dispatch(tabSelected('mine'));
    return;
  case 'waiting':
  case 'channel':
    store.dispatch(tabSelected(request.requestedList));
    return;
  case null:
    break;
  }
  if (request.requestedTaskKey) {
    try {
      const task = await api.getTask(request.requestedTaskKey);
      store.dispatch(taskChanged(task));
      store.dispatch(taskSelected(task.id));
    } catch {
      // The lists show what the person may see; an unreadable key selects nothing.
    }
  }
}
