// The host store: redux 5 with thunk, the batching wrapper Mattermost applies
// (redux-batched-actions' enableBatching) and a reducer registry whose every
// change calls store.replaceReducer, as mattermost-redux/store/configureStore
// does for registry.registerReducer.
import {applyMiddleware, combineReducers, legacy_createStore as createStore} from 'redux';
import type {Reducer, UnknownAction} from 'redux';
import {thunk} from 'redux-thunk';

import {channelsReducer} from './reducers/entities/channels';
import {generalReducer} from './reducers/entities/general';
import {integrationsReducer} from './reducers/entities/integrations';
import {postsReducer} from './reducers/entities/posts';
import {preferencesReducer} from './reducers/entities/preferences';
import {teamsReducer} from './reducers/entities/teams';
import {usersReducer} from './reducers/entities/users';
import {pluginsReducer} from './reducers/plugins';
import {i18nReducer} from './reducers/views/i18n';
import {modalsReducer} from './reducers/views/modals';
import {rhsReducer} from './reducers/views/rhs';
import type {GlobalState, HarnessDispatch, HarnessStore} from './state';

const baseReducers = {
    entities: combineReducers({
        general: generalReducer,
        users: usersReducer,
        teams: teamsReducer,
        channels: channelsReducer,
        posts: postsReducer,
        preferences: preferencesReducer,
        integrations: integrationsReducer,
    }),
    views: combineReducers({
        rhs: rhsReducer,
        i18n: i18nReducer,
        modals: modalsReducer,
    }),
    plugins: pluginsReducer,
};

// Plugin reducers accept any state; their slices are opaque to the host.
type PluginReducer = Reducer<unknown, UnknownAction, unknown>;

function isBatch(action: UnknownAction): action is UnknownAction & {payload: UnknownAction[]} {
    const meta = action.meta as {batch?: unknown} | undefined;
    return meta?.batch === true && Array.isArray(action.payload);
}

/** enableBatching: a batch action is reduced as its actions, one after the other. */
function withBatching(reducer: Reducer<GlobalState, UnknownAction, Partial<GlobalState>>): Reducer<GlobalState, UnknownAction, Partial<GlobalState>> {
    const batching = (state: GlobalState | Partial<GlobalState> | undefined, action: UnknownAction): GlobalState => {
        if (!isBatch(action) || action.payload.length === 0) {
            return reducer(state, action);
        }
        let current = state;
        for (const inner of action.payload) {
            current = batching(current, inner);
        }
        return current as GlobalState;
    };
    return batching;
}

function buildRootReducer(pluginReducers: Record<string, PluginReducer>) {
    return withBatching(combineReducers({...baseReducers, ...pluginReducers}) as unknown as Reducer<GlobalState, UnknownAction, Partial<GlobalState>>);
}

/** mattermost-redux/store/reducer_registry: register() swaps the store's reducer. */
export class ReducerRegistry {
    private reducers: Record<string, PluginReducer> = {};
    private changeListener: ((reducers: Record<string, PluginReducer>) => void) | undefined;

    register(name: string, reducer: PluginReducer): void {
        this.reducers = {...this.reducers, [name]: reducer};
        this.changeListener?.(this.reducers);
    }

    getReducers(): Record<string, PluginReducer> {
        return this.reducers;
    }

    setChangeListener(listener: (reducers: Record<string, PluginReducer>) => void): void {
        this.changeListener = listener;
    }
}

export interface HarnessStoreBundle {
    store: HarnessStore;
    reducerRegistry: ReducerRegistry;
}

export function createHarnessStore(): HarnessStoreBundle {
    const reducerRegistry = new ReducerRegistry();
    const store = createStore(buildRootReducer({}), applyMiddleware(thunk)) as unknown as HarnessStore;
    reducerRegistry.setChangeListener((reducers) => store.replaceReducer(buildRootReducer(reducers)));
    return {store, reducerRegistry};
}

export type {GlobalState, HarnessDispatch, HarnessStore};
