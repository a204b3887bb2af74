// Port of webapp/channels/src/plugins/index.ts: window.registerPlugin, loading
// every enabled plugin's bundle with a <script id="plugin_<id>" defer>, then
// `initialize(registry, store)` (not awaited), and removal with uninitialize.
import type {Host} from '../host';
import {harnessLog} from '../log';
import {createPluginRegistry} from '../registry/createPluginRegistry';
import type {PluginRegistry} from '../registry/pluginRegistry';
import {ActionTypes} from '../store/actionTypes';
import {arePluginsEnabled, getConfig} from '../store/selectors';
import type {HarnessStore} from '../store/state';
import type {PluginManifest} from '../types/entities';

export interface WebappPlugin {
    initialize?: (registry: PluginRegistry, store: HarnessStore) => unknown;
    uninitialize?: () => void;
    /** @deprecated beta-era name, still honoured upstream. */
    deinitialize?: () => void;
}

export interface PluginWindow {
    plugins: Record<string, WebappPlugin>;
    registerPlugin: (id: string, plugin: WebappPlugin) => void;
}

/** Adds the bundle's script tag; calls onLoad/onError like the element's events. */
export type ScriptAppender = (manifest: PluginManifest, src: string, onLoad: () => void, onError: () => void) => void;

export const appendScriptTag: ScriptAppender = (manifest, src, onLoad, onError) => {
    const script = document.createElement('script');
    script.id = 'plugin_' + manifest.id;
    script.type = 'text/javascript';
    script.src = src;
    script.defer = true;
    script.onload = onLoad;
    script.onerror = onError;
    document.getElementsByTagName('head')[0]!.appendChild(script);
};

const describePlugin = (manifest: PluginManifest) => `plugin ${manifest.id}, version ${manifest.version}`;

export class PluginLoader {
    private readonly host: Host;
    private readonly win: PluginWindow;
    private readonly appendScript: ScriptAppender;
    /** Plugins whose script tag is on the page, by id. */
    readonly loadedPlugins: Record<string, PluginManifest> = {};

    constructor(host: Host, win: PluginWindow, appendScript: ScriptAppender = appendScriptTag) {
        this.host = host;
        this.win = win;
        this.appendScript = appendScript;
        win.plugins = {};
        // A bundle calls this synchronously while its script runs; a second
        // registration of the same id uninitializes the first.
        win.registerPlugin = (id, plugin) => {
            const oldPlugin = win.plugins[id];
            if (oldPlugin?.uninitialize) {
                oldPlugin.uninitialize();
            }
            win.plugins[id] = plugin;
        };
    }

    private pluginsEnabled(): boolean {
        if (arePluginsEnabled(this.host.store.getState())) {
            return true;
        }
        harnessLog.warn(`Client config PluginsEnabled is ${JSON.stringify(getConfig(this.host.store.getState()).PluginsEnabled)}, ` +
            'not "true": like Mattermost, the harness loads no plugins.');
        return false;
    }

    private async fetchManifests(): Promise<PluginManifest[] | undefined> {
        try {
            const manifests = await this.host.client.getWebappPlugins();
            this.host.store.dispatch({type: ActionTypes.RECEIVED_WEBAPP_PLUGINS, data: manifests});
            return manifests;
        } catch (error) {
            console.error(error);
            return undefined;
        }
    }

    async initializePlugins(): Promise<void> {
        if (!this.pluginsEnabled()) {
            return;
        }
        const manifests = await this.fetchManifests();
        if (!manifests || manifests.length === 0) {
            return;
        }
        await Promise.all(manifests.map((manifest) => this.loadPlugin(manifest).catch((error: Error) => console.error(error.message))));
    }

    loadPlugin(manifest: PluginManifest): Promise<void> {
        return new Promise((resolve, reject) => {
            const oldManifest = this.loadedPlugins[manifest.id];
            if (oldManifest && oldManifest.webapp?.bundle_path === manifest.webapp?.bundle_path) {
                resolve();
                return;
            }
            if (oldManifest) {
                this.host.store.dispatch({type: ActionTypes.REMOVED_WEBAPP_PLUGIN, data: manifest});
            }

            // Backwards compatibility for bundles served under /static/.
            let bundlePath = manifest.webapp?.bundle_path ?? '';
            if (bundlePath.includes('/static/') && !bundlePath.includes('/static/plugins/')) {
                bundlePath = bundlePath.replace('/static/', '/static/plugins/');
            }

            console.log('Loading ' + describePlugin(manifest));
            this.appendScript(manifest, this.host.siteUrl() + bundlePath, () => {
                this.initializePlugin(manifest);
                console.log('Loaded ' + describePlugin(manifest));
                resolve();
            }, () => reject(new Error('Unable to load bundle for ' + describePlugin(manifest))));
            this.loadedPlugins[manifest.id] = manifest;
        });
    }

    private initializePlugin(manifest: PluginManifest): void {
        const plugin = this.win.plugins[manifest.id];
        if (!plugin) {
            harnessLog.error(`The bundle of ${describePlugin(manifest)} loaded but did not call window.registerPlugin("${manifest.id}", ...) while it ran.`);
            return;
        }
        if (!plugin.initialize) {
            return;
        }
        const registry = createPluginRegistry(manifest.id, this.host);
        try {
            // Not awaited, as upstream; a rejected promise is still reported.
            const result = plugin.initialize(registry, this.host.store);
            if (result instanceof Promise) {
                result.catch((error: unknown) => harnessLog.error(`initialize() of ${describePlugin(manifest)} rejected`, error));
            }
        } catch (error) {
            harnessLog.error(`initialize() of ${describePlugin(manifest)} threw`, error);
        }
    }

    removePlugin(manifest: PluginManifest): void {
        if (!this.loadedPlugins[manifest.id]) {
            return;
        }
        console.log('Removing ' + describePlugin(manifest));
        delete this.loadedPlugins[manifest.id];
        this.host.store.dispatch({type: ActionTypes.REMOVED_WEBAPP_PLUGIN, data: manifest});
        const plugin = this.win.plugins[manifest.id];
        if (plugin?.uninitialize) {
            plugin.uninitialize();
        } else if (plugin?.deinitialize) {
            plugin.deinitialize();
        }
        this.host.webSocketHandlers.unregisterAll(manifest.id);
        this.host.webSocketHandlers.unregisterReconnect(manifest.id);
        this.host.translationSources.unregister(manifest.id);
        document.getElementById('plugin_' + manifest.id)?.remove();
        console.log('Removed ' + describePlugin(manifest));
    }

    /** loadPluginsIfNecessary: after a reconnect, load new or upgraded plugins and remove vanished ones. */
    async loadPluginsIfNecessary(): Promise<void> {
        if (!arePluginsEnabled(this.host.store.getState())) {
            return;
        }
        const oldManifests = this.host.store.getState().plugins.plugins;
        if (!(await this.fetchManifests())) {
            return;
        }
        const newManifests = this.host.store.getState().plugins.plugins;
        for (const manifest of Object.values(newManifests)) {
            const old = oldManifests[manifest.id];
            if (!old || old.version !== manifest.version) {
                this.loadPlugin(manifest).catch((error: Error) => console.error(error.message));
            }
        }
        for (const [id, manifest] of Object.entries(oldManifests)) {
            if (!Object.hasOwn(newManifests, id)) {
                this.removePlugin(manifest);
            }
        }
    }
}
