// webapp/channels/src/actions/views/rhs.ts: showRHSPlugin is a plain action,
// hideRHSPlugin and toggleRHSPlugin are thunks (plugins must dispatch them,
// not call them), closeRightHandSide is a batched pair of actions.
import type {UnknownAction} from 'redux';

import {ActionTypes, RHS_STATE_PLUGIN} from '../store/actionTypes';
import {batchActions} from '../store/batchActions';
import type {HarnessThunk} from '../store/state';

export function showRHSPlugin(pluggableId: string): UnknownAction {
    return {type: ActionTypes.UPDATE_RHS_STATE, state: RHS_STATE_PLUGIN, pluggableId};
}

export function closeRightHandSide(): HarnessThunk<{data: boolean}> {
    return (dispatch) => {
        dispatch(batchActions([
            {type: ActionTypes.UPDATE_RHS_STATE, state: null},
            {type: ActionTypes.SELECT_POST, postId: '', channelId: '', timestamp: 0},
        ]));
        return {data: true};
    };
}

export function hideRHSPlugin(pluggableId: string): HarnessThunk<{data: boolean}> {
    return (dispatch, getState) => {
        if (getState().views.rhs.pluggableId === pluggableId) {
            dispatch(closeRightHandSide());
        }
        return {data: true};
    };
}

export function toggleRHSPlugin(pluggableId: string): HarnessThunk<{data: boolean}> {
    return (dispatch, getState) => {
        if (getState().views.rhs.pluggableId === pluggableId) {
            dispatch(hideRHSPlugin(pluggableId));
            return {data: false};
        }
        dispatch(showRHSPlugin(pluggableId));
        return {data: true};
    };
}
