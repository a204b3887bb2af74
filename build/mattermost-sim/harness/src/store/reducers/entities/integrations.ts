import type {UnknownAction} from 'redux';

import type {OpenDialogRequest} from '../../../types/entities';
import {field} from '../../actionFields';
import {IntegrationTypes} from '../../actionTypes';
import type {EntitiesState} from '../../state';

type IntegrationsState = EntitiesState['integrations'];

// mattermost-redux reducers/entities/integrations.ts: the dialog only opens
// when its trigger_id equals the last one this client received.
export function integrationsReducer(state: IntegrationsState = {dialogTriggerId: '', dialog: null}, action: UnknownAction): IntegrationsState {
    switch (action.type) {
    case IntegrationTypes.RECEIVED_DIALOG_TRIGGER_ID:
        return {...state, dialogTriggerId: field<string>(action, 'data')};
    case IntegrationTypes.RECEIVED_DIALOG:
        return {...state, dialog: field<OpenDialogRequest>(action, 'data')};
    default:
        return state;
    }
}
