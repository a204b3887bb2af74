// A real redux store shaped like the host's: mattermost-redux entities the
// webapp reads, and Baton's reducer mounted where registerReducer puts it.
import {combineReducers, legacy_createStore as createStore} from 'redux';
import type {UnknownAction} from 'redux';

import type {HostStore} from '../plugin/hostTypes';
import {reducer} from '../state/reducer';
import {pluginStateKey} from '../state/selectors';

export type HostEntities = {
  currentUserId?: string;
  currentTeamId?: string;
  currentChannelId?: string;
  siteUrl?: string;
  /** entities.users.profiles: loaded users by id ({id, username, timezone, …}). */
  profiles?: Record<string, unknown>;
};

export const testIds = {
  user: 'uuuuuuuuuuuuuuuuuuuuuuuuuu',
  team: 'tttttttttttttttttttttttttt',
  channel: 'cccccccccccccccccccccccccc',
  bot: 'bbbbbbbbbbbbbbbbbbbbbbbbbb',
  dm: 'dddddddddddddddddddddddddd',
} as const;

export const testSiteUrl = 'http://localhost';

export function createTestHostStore(entities: HostEntities = {}): HostStore {
  const {
    currentUserId = testIds.user,
    currentTeamId = testIds.team,
    currentChannelId = testIds.channel,
    siteUrl = testSiteUrl,
    profiles,
  } = entities;
  const hostEntities = {
    users: {currentUserId, ...(profiles ? {profiles} : {})} as {currentUserId: string; profiles?: Record<string, unknown>},
    teams: {currentTeamId},
    channels: {currentChannelId},
    general: {config: {SiteURL: siteUrl}},
  };
  // Like mattermost-redux's users reducer for the one action the plugin sends it.
  const entitiesReducer = (state = hostEntities, action: UnknownAction) => {
    if (action.type !== 'RECEIVED_PROFILES_LIST' || !Array.isArray(action.data)) {
      return state;
    }
    const loaded = {...state.users.profiles ?? {}};
    for (const user of action.data as {id: string}[]) {
      loaded[user.id] = user;
    }
    return {...state, users: {...state.users, profiles: loaded}};
  };
  const store = createStore(combineReducers({
    entities: entitiesReducer,
    [pluginStateKey]: reducer,
  }));
  return {
    dispatch: (action) => {
      if (typeof action === 'function') {
        throw new Error('the test host store takes plain actions only');
      }
      return store.dispatch(action as UnknownAction);
    },
    getState: () => store.getState(),
    subscribe: (listener) => store.subscribe(listener),
  };
}
