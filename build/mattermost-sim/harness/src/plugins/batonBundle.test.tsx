/** @jest-environment jsdom */
// Loads the real Baton bundle (built from the current sources as
// `npm run build -w webapp` builds webapp/dist/main.js) the way the harness
// does in the browser: host globals first, then the bundle's script,
// window.registerPlugin, initialize(registry, store).
import {readFileSync} from 'node:fs';
import path from 'node:path';

import React from 'react';
import {Provider} from 'react-redux';
import {act} from 'react-dom/test-utils';

import {loadTranslations} from '../actions/i18n';
import {installGlobals} from '../globals/installGlobals';
import {loadMarkdown} from '../globals/formatText';
import type {Host} from '../host';
import {GeneralTypes, UserTypes} from '../store/actionTypes';
import {getPluginComponents} from '../store/selectors';
import {buildBatonBundle, repoRoot} from '../testing/buildBatonBundle';
import {testSiteUrl, createTestHost} from '../testing/testHost';
import {render} from '../testing/render';
import type {Rendered} from '../testing/render';
import {applyTheme} from '../theme/applyTheme';
import {themes} from '../theme/themes';
import type {PluginManifest, UserProfile} from '../types/entities';
import {AppBar} from '../ui/appbar/AppBar';
import {HarnessIntlProvider} from '../ui/HarnessIntlProvider';
import {HostContext} from '../ui/hostContext';
import {RightHandSidebar} from '../ui/rhs/RightHandSidebar';

import {PluginLoader} from './pluginLoader';
import type {PluginWindow, ScriptAppender} from './pluginLoader';

const pluginJson = JSON.parse(readFileSync(path.join(repoRoot, 'plugin.json'), 'utf8')) as PluginManifest & {webapp: {bundle_path: string}};
let bundleFile = '';
const bundlePath = `/static/${pluginJson.id}/${pluginJson.id}_0123456789abcdef_bundle.js`;

const me: UserProfile = {
    id: 'user1', username: 'tanaka', first_name: '', last_name: '', nickname: '', email: '', locale: 'ja',
    roles: 'system_user', is_bot: false, delete_at: 0, update_at: 0,
};

/** Runs the bundle as an inline script (jsdom executes those) in place of fetching src. */
function inlineScriptAppender(loaded: string[]): ScriptAppender {
    return (manifest, src, onLoad) => {
        loaded.push(src);
        const script = document.createElement('script');
        script.id = 'plugin_' + manifest.id;
        script.textContent = readFileSync(bundleFile, 'utf8');
        document.head.appendChild(script);
        onLoad();
    };
}

let consoleError: jest.SpyInstance;
let consoleLog: jest.SpyInstance;
let rendered: Rendered | undefined;

jest.setTimeout(60_000);

beforeAll(async () => {
    bundleFile = buildBatonBundle();
    await loadMarkdown();
});

beforeEach(() => {
    consoleError = jest.spyOn(console, 'error');
    consoleLog = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterEach(() => {
    rendered?.unmount();
    rendered = undefined;
    document.getElementById('plugin_' + pluginJson.id)?.remove();
    consoleError.mockRestore();
    consoleLog.mockRestore();
});

async function loadBaton(): Promise<{host: Host; loader: PluginLoader; scripts: string[]}> {
    const {host} = createTestHost((request) => (request.url.endsWith('/plugins/webapp') ? {body: [{...pluginJson, webapp: {bundle_path: bundlePath}}]} : undefined));
    // What the server's client config says on a default Mattermost 11 install.
    host.store.dispatch({type: GeneralTypes.CLIENT_CONFIG_RECEIVED, data: {PluginsEnabled: 'true', DisableAppBar: 'false'}});
    host.store.dispatch({type: UserTypes.RECEIVED_ME, data: me});
    host.store.dispatch(loadTranslations(host.translationSources, 'ja'));
    applyTheme(themes.denim);
    installGlobals(host, window);
    const scripts: string[] = [];
    const loader = new PluginLoader(host, window as unknown as PluginWindow, inlineScriptAppender(scripts));
    await loader.initializePlugins();
    return {host, loader, scripts};
}

describe('the Baton bundle under the harness globals', () => {
    it('loads from SiteURL + bundle_path, registers itself and initializes without errors', async () => {
        const {host, loader, scripts} = await loadBaton();
        // plugins/index.ts maps /static/ to /static/plugins/ for bundles the server names /static/<id>/....
        expect(scripts).toEqual([testSiteUrl + bundlePath.replace('/static/', '/static/plugins/')]);
        expect(Object.keys(loader.loadedPlugins)).toEqual([pluginJson.id]);
        expect(consoleError).not.toHaveBeenCalled();
        expect(host.store.getState().plugins.plugins[pluginJson.id]?.version).toBe(pluginJson.version);
    });

    it('registers an App Bar item that owns a right-hand sidebar', async () => {
        const {host} = await loadBaton();
        const state = host.store.getState();
        const [appBarItem] = getPluginComponents(state, 'AppBar');
        const [rhs] = getPluginComponents(state, 'RightHandSidebarComponent');
        expect(appBarItem).toMatchObject({pluginId: 'baton', rhsComponentId: rhs?.id});
        expect(String(appBarItem?.iconUrl)).toMatch(/^data:image\/svg\+xml/);
        expect(rhs?.pluginId).toBe('baton');
        // Its reducer is mounted and recorded the RHS id the registry returned.
        expect(state['plugins-baton']).toMatchObject({rhs: {pluggableId: rhs?.id}});
        expect(state.views.i18n.translations.ja?.['baton.rhs.title']).toEqual(expect.any(String));
    });

    it('opens its RHS from the App Bar and renders it in the user locale with the host React', async () => {
        const {host} = await loadBaton();
        rendered = render(
            <Provider store={host.store}>
                <HostContext.Provider value={host}>
                    <HarnessIntlProvider>
                        <AppBar/>
                        <RightHandSidebar/>
                    </HarnessIntlProvider>
                </HostContext.Provider>
            </Provider>,
        );
        const button = rendered.container.querySelector<HTMLButtonElement>('[data-testid="app-bar-item-baton"]');
        expect(button).not.toBeNull();
        act(() => button?.click());
        const panel = rendered.container.querySelector('[data-testid="rhs"] [data-testid="baton-rhs"]');
        expect(panel?.textContent).toContain('バトン');
        expect(button?.getAttribute('data-active')).toBe('true');
        act(() => button?.click());
        expect(rendered.container.querySelector('[data-testid="rhs"]')).toBeNull();
        expect(consoleError).not.toHaveBeenCalled();
    });

    it('uninitializes and forgets the plugin on removal', async () => {
        const {host, loader} = await loadBaton();
        expect(document.getElementById('baton-styles')).not.toBeNull();
        loader.removePlugin({...pluginJson, webapp: {bundle_path: bundlePath}});
        expect(document.getElementById('baton-styles')).toBeNull();
        expect(getPluginComponents(host.store.getState(), 'AppBar')).toEqual([]);
        expect(loader.loadedPlugins).toEqual({});
    });
});
