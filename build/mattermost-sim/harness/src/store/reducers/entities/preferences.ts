import type {UnknownAction} from 'redux';

import type {PreferenceType} from '../../../types/entities';
import {field} from '../../actionFields';
import {PreferenceTypes, UserTypes} from '../../actionTypes';
import type {EntitiesState} from '../../state';

type PreferencesState = EntitiesState['preferences'];

/** mattermost-redux utils/preference_utils getPreferenceKey. */
export const preferenceKey = (category: string, name: string) => `${category}--${name}`;

export function preferencesReducer(state: PreferencesState = {myPreferences: {}}, action: UnknownAction): PreferencesState {
    switch (action.type) {
    case PreferenceTypes.RECEIVED_PREFERENCES: {
        const myPreferences = {...state.myPreferences};
        for (const preference of field<PreferenceType[]>(action, 'data')) {
            myPreferences[preferenceKey(preference.category, preference.name)] = preference;
        }
        return {myPreferences};
    }
    case UserTypes.LOGOUT_SUCCESS:
        return {myPreferences: {}};
    default:
        return state;
    }
}
