import type {UnknownAction} from 'redux';

import type {UserProfile} from '../../../types/entities';
import {field} from '../../actionFields';
import {UserTypes} from '../../actionTypes';
import type {EntitiesState} from '../../state';

type UsersState = EntitiesState['users'];

const initialState: UsersState = {currentUserId: '', profiles: {}};

// mattermost-redux reducers/entities/users.ts (currentUserId, profiles).
export function usersReducer(state: UsersState = initialState, action: UnknownAction): UsersState {
    switch (action.type) {
    case UserTypes.RECEIVED_ME: {
        const me = field<UserProfile>(action, 'data');
        return {currentUserId: me.id, profiles: {...state.profiles, [me.id]: me}};
    }
    case UserTypes.RECEIVED_PROFILE: {
        const user = field<UserProfile>(action, 'data');
        return {...state, profiles: {...state.profiles, [user.id]: user}};
    }
    case UserTypes.RECEIVED_PROFILES_LIST: {
        const profiles = {...state.profiles};
        for (const user of field<UserProfile[]>(action, 'data')) {
            profiles[user.id] = user;
        }
        return {...state, profiles};
    }
    case UserTypes.LOGOUT_SUCCESS:
        return initialState;
    default:
        return state;
    }
}
