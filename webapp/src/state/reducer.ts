// The plugin's redux state: one slice per feature, combined here and handed
// to registry.registerReducer (the host mounts it at state['plugins-baton']).
import {combineReducers} from 'redux';

import {countersReducer} from '../counters/countersSlice';
import {detailReducer} from '../detail/detailSlice';
import {sessionReducer} from '../session/sessionSlice';
import {tasksReducer} from '../tasks/tasksSlice';

import {rhsReducer} from './rhsSlice';

export const reducer = combineReducers({
  counters: countersReducer,
  detail: detailReducer,
  rhs: rhsReducer,
  session: sessionReducer,
  tasks: tasksReducer,
});

export type BatonState = ReturnType<typeof reducer>;
