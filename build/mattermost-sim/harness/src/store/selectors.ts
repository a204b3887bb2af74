// Selectors with mattermost-redux's names and semantics, over the harness state.
import type {Channel, ChannelMembership, ClientConfig, Post, Team, UserProfile} from '../types/entities';
import {themeFromPreference} from '../theme/themes';
import type {Theme, ThemeKey} from '../theme/themes';

import {createSelector} from './createSelector';
import {preferenceKey} from './reducers/entities/preferences';
import type {GlobalState, RegisteredComponent} from './state';

export const getConfig = (state: GlobalState): ClientConfig => state.entities.general.config;

export const getCurrentUserId = (state: GlobalState): string => state.entities.users.currentUserId;
export const getCurrentUser = (state: GlobalState): UserProfile | undefined => state.entities.users.profiles[getCurrentUserId(state)];
export const getUser = (state: GlobalState, userId: string): UserProfile | undefined => state.entities.users.profiles[userId];

export const getCurrentTeamId = (state: GlobalState): string => state.entities.teams.currentTeamId;
export const getCurrentTeam = (state: GlobalState): Team | undefined => state.entities.teams.teams[getCurrentTeamId(state)];

export const getCurrentChannelId = (state: GlobalState): string => state.entities.channels.currentChannelId;
export const getCurrentChannel = (state: GlobalState): Channel | undefined => state.entities.channels.channels[getCurrentChannelId(state)];
export const getMyCurrentChannelMembership = (state: GlobalState): ChannelMembership | undefined =>
    state.entities.channels.myMembers[getCurrentChannelId(state)];

/** getCurrentUserLocale: the user's locale, else the server's DefaultClientLocale, else en. */
export function getCurrentLocale(state: GlobalState): string {
    return getCurrentUser(state)?.locale || getConfig(state).DefaultClientLocale || 'en';
}

export const getTranslations = (state: GlobalState, locale: string): Record<string, string> | undefined => state.views.i18n.translations[locale];

function themePreferenceValue(state: GlobalState): string | undefined {
    const {myPreferences} = state.entities.preferences;
    return (myPreferences[preferenceKey('theme', getCurrentTeamId(state))] ?? myPreferences[preferenceKey('theme', '')])?.value;
}

const defaultThemeKey = (state: GlobalState): ThemeKey => (getConfig(state).DefaultTheme === 'onyx' ? 'onyx' : 'denim');

/** getTheme: the team's theme preference, else the user-wide one, else DefaultTheme. */
export const getTheme: (state: GlobalState) => Theme = createSelector([themePreferenceValue, defaultThemeKey], themeFromPreference);

/** mattermost-redux selectors/entities/apps appBarEnabled: only an explicit 'false' turns the App Bar on. */
export const appBarEnabled = (state: GlobalState): boolean => getConfig(state).DisableAppBar === 'false';

/** plugins/index.ts arePluginsEnabled. */
export const arePluginsEnabled = (state: GlobalState): boolean => getConfig(state).PluginsEnabled === 'true';

const noComponents: RegisteredComponent[] = [];

export const getPluginComponents = (state: GlobalState, name: string): RegisteredComponent[] => state.plugins.components[name] ?? noComponents;

/** selectors/plugins getChannelHeaderPluginComponents: with the App Bar on, a plugin's header button yields to its App Bar item. */
export const getChannelHeaderPluginComponents: (state: GlobalState) => RegisteredComponent[] = createSelector(
    [appBarEnabled, (state: GlobalState) => getPluginComponents(state, 'ChannelHeaderButton'), (state: GlobalState) => getPluginComponents(state, 'AppBar')],
    (enabled, buttons, appBar) => {
        if (!enabled || appBar.length === 0) {
            return buttons;
        }
        const appBarPluginIds = new Set(appBar.map((c) => c.pluginId));
        return buttons.filter((c) => !appBarPluginIds.has(c.pluginId));
    },
);

/** selectors/rhs getActiveRhsComponent: the RHS registration whose id is views.rhs.pluggableId. */
export function getActiveRhsComponent(state: GlobalState): RegisteredComponent | undefined {
    const {rhsState, pluggableId} = state.views.rhs;
    if (rhsState !== 'plugin') {
        return undefined;
    }
    return getPluginComponents(state, 'RightHandSidebarComponent').find((c) => c.id === pluggableId);
}

/** The posts of a channel, oldest first, as the center channel lists them. */
export function getPostsInChannel(state: GlobalState, channelId: string): Post[] {
    const order = state.entities.posts.postsInChannel[channelId]?.[0]?.order ?? [];
    const posts: Post[] = [];
    for (let i = order.length - 1; i >= 0; i--) {
        const post = state.entities.posts.posts[order[i]!];
        if (post) {
            posts.push(post);
        }
    }
    return posts;
}

export const isEphemeralPost = (state: GlobalState, post: Post): boolean =>
    post.type === 'system_ephemeral' || post.type === 'system_ephemeral_add_to_channel' ||
    (post.type === '' && state.entities.posts.ephemeralPostIds[post.id] === true);
