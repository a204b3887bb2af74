// What the panel does when it is opened for something: a sidebar counter or
// `/task board` asks for a list (state/rhsSlice.ts), `/task show KEY` for one
// task. "Overdue" is Mine with the overdue filter; a task asked for by key is
// fetched (it may be in no loaded list) and selected; when it cannot be read
// the panel says so (the bridge answers 404 alike for "no such task" and "not
// yours to see", so the notice does too).
import type {BridgeApi} from '../api/bridgeApi';
import {BridgeError} from '../api/bridgeErrors';
import {peopleOfTask} from '../people/profileLoader';
import type {ProfileLoader} from '../people/profileLoader';
import type {HostStore} from '../plugin/hostTypes';
import type {RhsState} from '../state/rhsSlice';

import {describeFailure} from './taskLists';
import {filtersChanged, tabSelected, taskChanged, taskSelected} from './tasksSlice';
import type {RequestFailure} from './tasksSlice';

export type RhsRequestDeps = {
  store: Pick<HostStore, 'dispatch'>;
  api: Pick<BridgeApi, 'getTask'>;
  profiles?: Pick<ProfileLoader, 'ensure'>;
};

/** Why `/task show KEY` selected nothing: no task the person can see, or the request failed otherwise. */
export type ShowFailure = {key: string; missing: true} | {key: string; missing: false; failure: RequestFailure};

/** Applies the panel's latest request; a task that cannot be read leaves the lists as they are and comes back as a ShowFailure. */
export async function applyRhsRequest(request: Pick<RhsState, 'requestedList' | 'requestedTaskKey'>, {store, api, profiles}: RhsRequestDeps): Promise<ShowFailure | null> {
  switch (request.requestedList) {
  case 'mine':
  case 'overdue':
    store.dispatch(filtersChanged('mine', {overdue: request.requestedList === 'overdue' ? 'any' : null}));
    store.dispatch(tabSelected('mine'));
    return null;
  case 'waiting':
  case 'channel':
    store.dispatch(tabSelected(request.requestedList));
    return null;
  case null:
    break;
  }
  const key = request.requestedTaskKey;
  if (!key) {
    return null;
  }
  try {
    const task = await api.getTask(key);
    store.dispatch(taskChanged(task));
    store.dispatch(taskSelected(task.id));
    profiles?.ensure(peopleOfTask(task));
    return null;
  } catch (error) {
    return error instanceof BridgeError && error.status === 404 ? {key, missing: true} : {key, missing: false, failure: describeFailure(error)};
  }
}
