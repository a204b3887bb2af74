import type {UnknownAction} from 'redux';

import type {ClientConfig} from '../../../types/entities';
import {field} from '../../actionFields';
import {GeneralTypes} from '../../actionTypes';
import type {EntitiesState} from '../../state';

type GeneralState = EntitiesState['general'];

// mattermost-redux reducers/entities/general.ts: config is the client config
// (string values), read by getConfig(state).
export function generalReducer(state: GeneralState = {config: {}, serverVersion: ''}, action: UnknownAction): GeneralState {
    switch (action.type) {
    case GeneralTypes.CLIENT_CONFIG_RECEIVED:
        return {...state, config: {...state.config, ...field<ClientConfig>(action, 'data')}};
    default:
        return state;
    }
}
