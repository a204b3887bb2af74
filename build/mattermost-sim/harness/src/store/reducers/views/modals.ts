import type {UnknownAction} from 'redux';

import {field} from '../../actionFields';
import {ActionTypes} from '../../actionTypes';
import type {ViewsState} from '../../state';

type ModalsState = ViewsState['modals'];

// webapp/channels/src/reducers/views/modals.ts: openModal() from
// WebappUtils.modals puts {dialogType, dialogProps} here; the modal controller renders it.
export function modalsReducer(state: ModalsState = {modalState: {}}, action: UnknownAction): ModalsState {
    switch (action.type) {
    case ActionTypes.MODAL_OPEN: {
        const modalId = field<string>(action, 'modalId');
        return {modalState: {...state.modalState, [modalId]: {
            open: true,
            dialogType: field<unknown>(action, 'dialogType'),
            dialogProps: field<Record<string, unknown> | undefined>(action, 'dialogProps') ?? {},
        }}};
    }
    case ActionTypes.MODAL_CLOSE: {
        const modalState = {...state.modalState};
        delete modalState[field<string>(action, 'modalId')];
        return {modalState};
    }
    default:
        return state;
    }
}
