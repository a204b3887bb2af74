// Start-up, in the order the webapp does it: globals for plugins exist before
// any bundle loads; client config; the session (if the MMUSERID cookie says
// there is one); then teams, channels, theme, translations, the WebSocket and
// finally the plugins, whose initialize() sees a populated store and theme.
import React from 'react';
import ReactDOM from 'react-dom';

import {loadTeamsAndChannels} from './actions/channels';
import {watchDialogTriggers} from './actions/dialogs';
import {loadTranslations} from './actions/i18n';
import {loadPosts} from './actions/posts';
import {restoreTheme} from './actions/preferences';
import {loadClientConfig, loadMe} from './actions/session';
import {Client4} from './client/client4';
import {createHost} from './createHost';
import {loadMarkdown} from './globals/formatText';
import {installGlobals} from './globals/installGlobals';
import type {Host} from './host';
import {basenameOf} from './navigation/urls';
import {PluginLoader} from './plugins/pluginLoader';
import type {PluginWindow} from './plugins/pluginLoader';
import {getCurrentChannelId, getCurrentLocale, getTheme} from './store/selectors';
import {applyTheme} from './theme/applyTheme';
import {App} from './ui/App';
import {createEventHandler} from './websocket/eventHandlers';

declare global {
    interface Window {
        /** utils/url getSiteURL appends this subpath (set from SiteURL). */
        basename?: string;
        /** Harness-only handle for end-to-end tests; not part of Mattermost. */
        __mattermostSimHarness?: {host: Host; pluginLoader: PluginLoader};
    }
}

function followTheme(host: Host): void {
    let applied = '';
    const apply = () => {
        const theme = getTheme(host.store.getState());
        const key = JSON.stringify(theme);
        if (key !== applied) {
            applied = key;
            applyTheme(theme);
        }
    };
    apply();
    host.store.subscribe(apply);
}

function connectWebSocket(host: Host, pluginLoader: PluginLoader): void {
    host.webSocket.addMessageListener(createEventHandler(host, pluginLoader));
    host.webSocket.addReconnectListener(() => {
        const channelId = getCurrentChannelId(host.store.getState());
        if (channelId) {
            void host.store.dispatch(loadPosts(host, channelId));
        }
        void pluginLoader.loadPluginsIfNecessary();
        host.webSocketHandlers.reconnected();
    });
    host.webSocket.initialize();
}

export async function boot(container: HTMLElement): Promise<void> {
    // The config decides the site's subpath, so it is read with a root-relative client first.
    const config = await new Client4(window.location.origin).getClientConfig();
    const basename = basenameOf(config.SiteURL);
    if (basename && window.location.pathname.startsWith(basename)) {
        window.basename = basename;
    }
    const host = createHost({basename: window.basename});
    installGlobals(host);
    const pluginLoader = new PluginLoader(host, window as unknown as PluginWindow);
    window.__mattermostSimHarness = {host, pluginLoader};
    await loadMarkdown();
    await host.store.dispatch(loadClientConfig(host.client));
    followTheme(host);
    watchDialogTriggers(host.store);

    const loggedIn = await host.store.dispatch(loadMe(host.client));
    if (loggedIn) {
        await host.store.dispatch(loadTeamsAndChannels(host));
        host.store.dispatch(restoreTheme());
    } else if (!host.history.location.pathname.startsWith('/login')) {
        host.history.replace(`/login?redirect_to=${encodeURIComponent(host.history.location.pathname)}`);
    }
    host.store.dispatch(loadTranslations(host.translationSources, getCurrentLocale(host.store.getState())));

    // Mattermost 11.1–11.6 render with React 18's legacy root.
    ReactDOM.render(<App host={host}/>, container);

    if (loggedIn) {
        connectWebSocket(host, pluginLoader);
        await pluginLoader.initializePlugins();
    }
}
