import type {UnknownAction} from 'redux';

import type {Team} from '../../../types/entities';
import {field} from '../../actionFields';
import {TeamTypes, UserTypes} from '../../actionTypes';
import type {EntitiesState} from '../../state';

type TeamsState = EntitiesState['teams'];

const initialState: TeamsState = {currentTeamId: '', teams: {}, myMembers: {}};

// mattermost-redux reducers/entities/teams.ts (currentTeamId, teams).
export function teamsReducer(state: TeamsState = initialState, action: UnknownAction): TeamsState {
    switch (action.type) {
    case TeamTypes.RECEIVED_TEAMS_LIST: {
        const teams = {...state.teams};
        for (const team of field<Team[]>(action, 'data')) {
            teams[team.id] = team;
        }
        return {...state, teams};
    }
    case TeamTypes.SELECT_TEAM:
        return {...state, currentTeamId: field<string>(action, 'data')};
    case UserTypes.LOGOUT_SUCCESS:
        return initialState;
    default:
        return state;
    }
}
