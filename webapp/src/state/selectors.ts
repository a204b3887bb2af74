import manifest from '../manifest';
import type {CountersState} from '../counters/countersSlice';
import type {DetailState} from '../detail/detailSlice';
import type {SessionState} from '../session/sessionSlice';
import type {TasksState} from '../tasks/tasksSlice';

import {reducer} from './reducer';
import type {RhsState} from './rhsSlice';
import type {BatonState} from './reducer';

export const pluginStateKey = `plugins-${manifest.id}` as const;

/** The host's global state, as far as Baton is concerned. */
export type GlobalStateWithBaton = {
  [K in typeof pluginStateKey]?: BatonState;
};

const initialState: BatonState = reducer(undefined, {type: '@@baton/INIT'});

/** The one entry point to Baton's slice of the host store. */
export function getPluginState(state: GlobalStateWithBaton): BatonState {
  // Before registerReducer has run the slice does not exist yet.
  return state[pluginStateKey] ?? initialState;
}

export function getRhsPluggableId(state: GlobalStateWithBaton): string | null {
  return getPluginState(state).rhs.pluggableId;
}

/** What the panel was last asked to show (rhs/rhsOpener.ts): a list, or a task key. */
export function getRhsRequest(state: GlobalStateWithBaton): RhsState {
  return getPluginState(state).rhs;
}

export function getCountersState(state: GlobalStateWithBaton): CountersState {
  return getPluginState(state).counters;
}

export function getDetailState(state: GlobalStateWithBaton): DetailState {
  return getPluginState(state).detail;
}

export function getSessionState(state: GlobalStateWithBaton): SessionState {
  return getPluginState(state).session;
}

export function getTasksState(state: GlobalStateWithBaton): TasksState {
  return getPluginState(state).tasks;
}
