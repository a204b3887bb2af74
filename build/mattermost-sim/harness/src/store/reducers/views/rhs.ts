import type {UnknownAction} from 'redux';

import {field} from '../../actionFields';
import {ActionTypes, RHS_STATE_PLUGIN, UserTypes} from '../../actionTypes';
import type {RhsViewState} from '../../state';

const initialState: RhsViewState = {rhsState: null, pluggableId: '', selectedPostId: '', isSidebarOpen: false};

// The parts of webapp/channels/src/reducers/views/rhs.ts that decide which
// right-hand sidebar is shown: rhsState, pluggableId, selectedPostId, isSidebarOpen.
export function rhsReducer(state: RhsViewState = initialState, action: UnknownAction): RhsViewState {
    switch (action.type) {
    case ActionTypes.UPDATE_RHS_STATE: {
        const rhsState = field<string | null | undefined>(action, 'state') ?? null;
        return {
            rhsState,
            pluggableId: rhsState === RHS_STATE_PLUGIN ? field<string>(action, 'pluggableId') : '',
            selectedPostId: field<string | undefined>(action, 'postId') ?? '',
            isSidebarOpen: Boolean(rhsState),
        };
    }
    case ActionTypes.SELECT_POST: {
        const postId = field<string>(action, 'postId');
        return {rhsState: null, pluggableId: '', selectedPostId: postId, isSidebarOpen: Boolean(postId)};
    }
    case UserTypes.LOGOUT_SUCCESS:
        return initialState;
    default:
        return state;
    }
}
