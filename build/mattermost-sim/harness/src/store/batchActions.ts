import type {UnknownAction} from 'redux';

import {BATCH} from './actionTypes';

/** redux-batched-actions' batchActions(): one dispatch, reduced as several actions. */
export function batchActions(actions: UnknownAction[]): UnknownAction {
    return {type: BATCH, meta: {batch: true}, payload: actions};
}
