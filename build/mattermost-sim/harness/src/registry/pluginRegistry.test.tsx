/** @jest-environment jsdom */
import React from 'react';

import {getActiveRhsComponent, getPluginComponents} from '../store/selectors';
import {createTestHost} from '../testing/testHost';

import {createPluginRegistry} from './createPluginRegistry';
import type {RhsRegistration} from './pluginRegistry';

function setup(pluginId = 'baton') {
    const {host} = createTestHost();
    return {host, registry: createPluginRegistry(pluginId, host)};
}

let consoleError: jest.SpyInstance;
let consoleWarn: jest.SpyInstance;

beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    consoleWarn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
    consoleError.mockRestore();
    consoleWarn.mockRestore();
});

const Panel = () => <div>{'panel'}</div>;

describe('registerRightHandSidebarComponent', () => {
    it('returns an id, a plain showRHSPlugin action and hide/toggle thunks', () => {
        const {registry} = setup();
        const rhs = registry.registerRightHandSidebarComponent({component: Panel, title: 'Baton'});
        expect(typeof rhs.id).toBe('string');
        expect(rhs.showRHSPlugin).toEqual({type: 'UPDATE_RHS_STATE', state: 'plugin', pluggableId: rhs.id});
        expect(typeof rhs.hideRHSPlugin).toBe('function');
        expect(typeof rhs.toggleRHSPlugin).toBe('function');
    });

    it('opens, toggles and hides through the store as views/rhs does', () => {
        const {host, registry} = setup();
        const rhs = registry.registerRightHandSidebarComponent(Panel, 'Baton');
        host.store.dispatch(rhs.toggleRHSPlugin);
        expect(host.store.getState().views.rhs).toMatchObject({rhsState: 'plugin', pluggableId: rhs.id, isSidebarOpen: true});
        expect(getActiveRhsComponent(host.store.getState())?.title).toBe('Baton');
        host.store.dispatch(rhs.toggleRHSPlugin);
        expect(host.store.getState().views.rhs).toMatchObject({rhsState: null, pluggableId: '', isSidebarOpen: false});
        host.store.dispatch(rhs.showRHSPlugin);
        host.store.dispatch(rhs.hideRHSPlugin);
        expect(host.store.getState().views.rhs.pluggableId).toBe('');
    });

    it('leaves another plugin RHS open when hiding', () => {
        const {host, registry} = setup();
        const mine = registry.registerRightHandSidebarComponent(Panel, 'Mine');
        const other = createPluginRegistry('other', host).registerRightHandSidebarComponent(Panel, 'Other');
        host.store.dispatch(other.showRHSPlugin);
        host.store.dispatch(mine.hideRHSPlugin);
        expect(host.store.getState().views.rhs.pluggableId).toBe(other.id);
    });
});

describe('registerAppBarComponent', () => {
    it('with rhsComponent returns {id, rhsComponent} and wires the App Bar action to the RHS toggle', () => {
        const {host, registry} = setup();
        const ownAction = jest.fn();
        const result = registry.registerAppBarComponent({iconUrl: 'data:x', action: ownAction, tooltipText: 'Baton', rhsComponent: Panel, rhsTitle: 'Baton'});
        expect(result).toEqual({id: expect.any(String), rhsComponent: expect.objectContaining({id: expect.any(String)})});
        const {rhsComponent} = result as {id: string; rhsComponent: RhsRegistration};
        const [item] = getPluginComponents(host.store.getState(), 'AppBar');
        expect(item).toMatchObject({pluginId: 'baton', iconUrl: 'data:x', rhsComponentId: rhsComponent.id, supportedProductIds: null});
        (item?.action as () => void)();
        expect(ownAction).not.toHaveBeenCalled();
        expect(host.store.getState().views.rhs.pluggableId).toBe(rhsComponent.id);
    });

    it('without rhsComponent returns just the id and keeps the action', () => {
        const {host, registry} = setup();
        const action = jest.fn();
        const id = registry.registerAppBarComponent('data:x', action, 'tip');
        expect(typeof id).toBe('string');
        expect(getPluginComponents(host.store.getState(), 'AppBar')[0]).toMatchObject({id, action});
    });
});

describe('reArg key lists', () => {
    it('stores a header button given as named arguments', () => {
        const {host, registry} = setup();
        const action = jest.fn();
        const icon = <i/>;
        registry.registerChannelHeaderButtonAction({icon, action, dropdownText: 'Baton', tooltipText: 'Open Baton'});
        expect(getPluginComponents(host.store.getState(), 'ChannelHeaderButton')[0]).toMatchObject({icon, action, dropdownText: 'Baton', tooltipText: 'Open Baton'});
    });

    it('takes an object with a key outside the list as the icon, silently, as upstream', () => {
        const {host, registry} = setup();
        const options = {icon: <i/>, action: jest.fn(), tooltip: 'misspelled key'};
        registry.registerChannelHeaderButtonAction(options);
        const [button] = getPluginComponents(host.store.getState(), 'ChannelHeaderButton');
        expect(button?.icon).toBe(options);
        expect(button?.action).toBeUndefined();
        expect(consoleError).not.toHaveBeenCalled();
    });

    it('instantiates components given where an element is expected (resolveReactElement)', () => {
        const {host, registry} = setup();
        registry.registerChannelHeaderButtonAction(Panel, jest.fn(), 'text', 'tip');
        const [button] = getPluginComponents(host.store.getState(), 'ChannelHeaderButton');
        expect(React.isValidElement(button?.icon)).toBe(true);
    });

    it('passes the post id to post menu actions and filters', () => {
        const {host, registry} = setup();
        const action = jest.fn();
        const filter = jest.fn(() => true);
        registry.registerPostDropdownMenuAction({text: 'Hand over', action, filter});
        const [item] = getPluginComponents(host.store.getState(), 'PostDropdownMenu');
        (item?.filter as (postId: string) => boolean)('post1');
        (item?.action as (postId: string) => void)('post1');
        expect(filter).toHaveBeenCalledWith('post1');
        expect(action).toHaveBeenCalledWith('post1');
    });
});

describe('registerReducer', () => {
    it('mounts the reducer at state["plugins-<id>"] with replaceReducer, keeping the host state', () => {
        const {host, registry} = setup();
        host.store.dispatch({type: 'SELECT_CHANNEL', data: 'c1'});
        registry.registerReducer((state: {count: number} = {count: 0}, action: {type: string}) => (action.type === 'baton/inc' ? {count: state.count + 1} : state));
        host.store.dispatch({type: 'baton/inc'});
        expect(host.store.getState()['plugins-baton']).toEqual({count: 1});
        expect(host.store.getState().entities.channels.currentChannelId).toBe('c1');
    });
});

describe('members Mattermost does not have', () => {
    it('reports a misspelled or invented method by name on console.error and yields undefined', () => {
        const {registry} = setup();
        const loose = registry as unknown as Record<string, unknown>;
        expect(loose.registerAppBarButton).toBeUndefined();
        expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('registry.registerAppBarButton'));
    });

    it('explains that a later-than-11.1 method must be feature-detected', () => {
        const {registry} = setup();
        expect((registry as unknown as Record<string, unknown>).registerRHSPluginPopoutListener).toBeUndefined();
        expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('Mattermost 11.1 does not have'));
    });

    it('stays quiet for real members', () => {
        const {registry} = setup();
        expect(registry.id).toBe('baton');
        expect(registry.supports).toEqual({globalAppBar: true, globalRhs: true});
        expect(typeof registry.registerSlashCommandWillBePostedHook).toBe('function');
        expect(consoleError).not.toHaveBeenCalled();
    });
});

describe('post types and hooks', () => {
    it('keeps the lower plugin id when two plugins register one post type', () => {
        const {host} = setup();
        const Zeta = () => null;
        const Alpha = () => null;
        createPluginRegistry('zeta', host).registerPostTypeComponent('custom_task', Zeta);
        createPluginRegistry('alpha', host).registerPostTypeComponent('custom_task', Alpha);
        createPluginRegistry('zulu', host).registerPostTypeComponent('custom_task', Zeta);
        expect(host.store.getState().plugins.postTypes.custom_task).toMatchObject({pluginId: 'alpha', component: Alpha});
    });

    it('warns about a post type without the custom_ prefix', () => {
        const {registry} = setup();
        registry.registerPostTypeComponent('task', () => null);
        expect(consoleWarn).toHaveBeenCalledWith(expect.stringContaining('must start with "custom_"'));
    });

    it('orders hooks by plugin id, then registration order (reducers/plugins sortComponents)', () => {
        const {host} = setup();
        const hook = () => ({});
        createPluginRegistry('zeta', host).registerSlashCommandWillBePostedHook(hook);
        createPluginRegistry('alpha', host).registerSlashCommandWillBePostedHook(hook);
        createPluginRegistry('alpha', host).registerSlashCommandWillBePostedHook({hook});
        expect(getPluginComponents(host.store.getState(), 'SlashCommandWillBePosted').map((c) => c.pluginId)).toEqual(['alpha', 'alpha', 'zeta']);
    });
});

describe('registerTranslations and registerWebSocketEventHandler', () => {
    it('merges the plugin catalog into the loaded locale', () => {
        const {host, registry} = setup();
        host.store.dispatch({type: 'RECEIVED_TRANSLATIONS', data: {locale: 'en', translations: {'host.id': 'Host'}}});
        registry.registerTranslations((locale: string) => ({'baton.hello': `hello in ${locale}`}));
        expect(host.store.getState().views.i18n.translations.en).toEqual({'host.id': 'Host', 'baton.hello': 'hello in en'});
    });

    it('keeps one handler per event, the last registered', () => {
        const {host, registry} = setup();
        const first = jest.fn();
        const second = jest.fn();
        registry.registerWebSocketEventHandler('posted', first);
        registry.registerWebSocketEventHandler({event: 'posted', handler: second});
        const msg = {event: 'posted', data: {}, broadcast: {omit_users: null, user_id: '', channel_id: '', team_id: ''}, seq: 1};
        host.webSocketHandlers.handle(msg);
        expect(first).not.toHaveBeenCalled();
        expect(second).toHaveBeenCalledWith(msg);
    });
});
