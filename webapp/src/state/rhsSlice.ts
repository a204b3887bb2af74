// Remembers which right-hand sidebar the host created for Baton, so later
// features can tell whether the Baton panel is the one that is open
// (the host keeps the open panel's id in state.views.rhs.pluggableId).
import type {PlainAction} from '../plugin/hostTypes';

export type RhsState = {
  pluggableId: string | null;
};

export const initialRhsState: RhsState = {pluggableId: null};

const rhsRegisteredType = 'baton/rhs/registered';

export type RhsRegisteredAction = {type: typeof rhsRegisteredType; pluggableId: string};

export function rhsRegistered(pluggableId: string): RhsRegisteredAction {
  return {type: rhsRegisteredType, pluggableId};
}

function isRhsRegistered(action: PlainAction): action is RhsRegisteredAction {
  return action.type === rhsRegisteredType;
}

export function rhsReducer(state: RhsState = initialRhsState, action: PlainAction): RhsState {
  if (isRhsRegistered(action)) {
    return {...state, pluggableId: action.pluggableId};
  }
  return state;
}
