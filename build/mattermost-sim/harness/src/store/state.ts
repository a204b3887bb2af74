// The store's shape: the paths mattermost-redux selectors read
// (state.entities.*), the webapp's views (state.views.rhs, state.views.i18n)
// and plugin registrations (state.plugins, reducers/plugins/index.ts), plus
// one top-level key per plugin reducer (state['plugins-<id>']).
import type {ThunkAction, ThunkDispatch} from 'redux-thunk';
import type {Store, UnknownAction} from 'redux';

import type {
    Channel,
    ChannelMembership,
    ClientConfig,
    OpenDialogRequest,
    PluginManifest,
    Post,
    PreferenceType,
    Team,
    TeamMembership,
    UserProfile,
} from '../types/entities';

/**
 * One registration in state.plugins.components[name]. Plugins hand the
 * registry arbitrary values, so fields stay `unknown` until a selector checks them.
 */
export interface RegisteredComponent {
    id: string;
    pluginId: string;
    [field: string]: unknown;
}

export interface PostOrderBlock {
    /** Newest first, like mattermost-redux's postsInChannel. */
    order: string[];
    recent: boolean;
}

export interface RhsViewState {
    rhsState: string | null;
    pluggableId: string;
    selectedPostId: string;
    isSidebarOpen: boolean;
}

export interface ModalState {
    open: boolean;
    dialogType: unknown;
    dialogProps: Record<string, unknown>;
}

export interface PluginsState {
    plugins: Record<string, PluginManifest>;
    components: Record<string, RegisteredComponent[]>;
    postTypes: Record<string, RegisteredComponent>;
    postCardTypes: Record<string, RegisteredComponent>;
}

export interface EntitiesState {
    general: {config: ClientConfig; serverVersion: string};
    users: {currentUserId: string; profiles: Record<string, UserProfile>};
    teams: {currentTeamId: string; teams: Record<string, Team>; myMembers: Record<string, TeamMembership>};
    channels: {currentChannelId: string; channels: Record<string, Channel>; myMembers: Record<string, ChannelMembership>};
    posts: {posts: Record<string, Post>; postsInChannel: Record<string, PostOrderBlock[]>; ephemeralPostIds: Record<string, true>};
    preferences: {myPreferences: Record<string, PreferenceType>};
    integrations: {dialogTriggerId: string; dialog: OpenDialogRequest | null};
}

export interface ViewsState {
    rhs: RhsViewState;
    i18n: {translations: Record<string, Record<string, string>>};
    modals: {modalState: Record<string, ModalState>};
}

export interface BaseState {
    entities: EntitiesState;
    views: ViewsState;
    plugins: PluginsState;
}

/** Plugin reducers mount at `plugins-<id>` (registry.registerReducer). */
export type GlobalState = BaseState & {[pluginKey: `plugins-${string}`]: unknown};

export type HarnessDispatch = ThunkDispatch<GlobalState, undefined, UnknownAction>;
export type HarnessThunk<R = unknown> = ThunkAction<R, GlobalState, undefined, UnknownAction>;

export interface HarnessStore extends Store<GlobalState, UnknownAction> {
    dispatch: HarnessDispatch;
}
