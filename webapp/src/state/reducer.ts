// The plugin's redux state: one slice per feature, combined here and handed
// to registry.registerReducer (the host mounts it at state['plugins-baton']).
import {combineReducers} from 'redux';

import {sessionReducer} from '../session/sessionSlice';

import {rhsReducer} from './rhsSlice';

export const reducer = combineReducers({
  rhs: rhsReducer,
  session: sessionReducer,
});

export type BatonState = ReturnType<typeof reducer>;
