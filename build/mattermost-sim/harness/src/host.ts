import type {History} from 'history';

import type {Client4} from './client/client4';
import type {PluginTranslationSources} from './i18n/pluginTranslationSources';
import type {RegistryHost} from './registry/registryHost';
import type {ReducerRegistry} from './store/createHarnessStore';
import type {HarnessStore} from './store/state';
import type {PluginEventHandlers} from './websocket/pluginEventHandlers';
import type {HarnessWebSocketClient} from './websocket/webSocketClient';

/**
 * Everything the harness's actions and screens share. Mattermost keeps these
 * as module singletons (stores/redux_store, Client4, browser_history); the
 * harness passes them explicitly so tests can build their own.
 */
export interface Host extends RegistryHost {
    store: HarnessStore;
    reducerRegistry: ReducerRegistry;
    client: Client4;
    history: History;
    webSocketHandlers: PluginEventHandlers;
    translationSources: PluginTranslationSources;
    webSocket: HarnessWebSocketClient;
    /** The `webSocketClient` prop of plugin components: webSocket, reporting members it lacks. */
    webSocketForPlugins: object;
    /** SiteURL as the browser sees it (origin + basename). */
    siteUrl: () => string;
}
