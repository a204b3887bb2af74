// Builds the host: store, REST client, history, WebSocket client and the
// per-plugin registries' shared parts.
import {createBrowserHistory, createMemoryHistory} from 'history';
import type {History} from 'history';

import {Client4} from './client/client4';
import {guardUnknownMembers} from './globals/guardUnknownMembers';
import type {Host} from './host';
import {PluginTranslationSources} from './i18n/pluginTranslationSources';
import {getSiteURL} from './navigation/urls';
import {createIdGenerator} from './registry/registryHost';
import {createHarnessStore} from './store/createHarnessStore';
import {PluginEventHandlers} from './websocket/pluginEventHandlers';
import {HarnessWebSocketClient, webSocketUrl} from './websocket/webSocketClient';

export interface HostOptions {
    /** Site URL as seen by the browser (origin + basename). */
    siteUrl?: string;
    basename?: string;
    history?: History;
    fetchImpl?: typeof fetch;
    createSocket?: (url: string) => WebSocket;
}

export function createHost(options: HostOptions = {}): Host {
    const siteUrl = options.siteUrl ?? getSiteURL();
    const {store, reducerRegistry} = createHarnessStore();
    const webSocket = new HarnessWebSocketClient(webSocketUrl(siteUrl), options.createSocket);
    const history = options.history ??
        (typeof window !== 'undefined' && window.location.protocol.startsWith('http') ? createBrowserHistory({basename: options.basename}) : createMemoryHistory());
    return {
        store,
        reducerRegistry,
        client: new Client4(siteUrl, options.fetchImpl),
        history,
        webSocketHandlers: new PluginEventHandlers(),
        translationSources: new PluginTranslationSources(),
        webSocket,
        webSocketForPlugins: guardUnknownMembers(webSocket, (member) =>
            `A plugin read webSocketClient.${member}; the harness's client has the listener methods and sendMessage of @mattermost/client's WebSocketClient only.`),
        generateId: createIdGenerator(),
        siteUrl: () => siteUrl,
    };
}
