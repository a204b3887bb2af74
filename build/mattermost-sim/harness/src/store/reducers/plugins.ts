// Port of webapp/channels/src/reducers/plugins/index.ts (plugins, components,
// postTypes, postCardTypes). Two upstream details matter to plugins:
// - every component list is re-sorted by pluginId after each registration
//   (stable, so one plugin's registrations keep their order); hooks such as
//   SlashCommandWillBePosted therefore run in plugin-id order;
// - for a post type registered twice, the alphabetically lower plugin id wins.
import {combineReducers} from 'redux';
import type {UnknownAction} from 'redux';

import type {PluginManifest} from '../../types/entities';
import {field} from '../actionFields';
import {ActionTypes, UserTypes} from '../actionTypes';
import type {PluginsState, RegisteredComponent} from '../state';

function sortComponents(a: RegisteredComponent, b: RegisteredComponent): number {
    if (a.pluginId < b.pluginId) {
        return -1;
    }
    if (a.pluginId > b.pluginId) {
        return 1;
    }
    return 0;
}

function plugins(state: PluginsState['plugins'] = {}, action: UnknownAction): PluginsState['plugins'] {
    switch (action.type) {
    case ActionTypes.RECEIVED_WEBAPP_PLUGINS: {
        const next: PluginsState['plugins'] = {};
        for (const manifest of field<PluginManifest[]>(action, 'data')) {
            next[manifest.id] = manifest;
        }
        return next;
    }
    case ActionTypes.RECEIVED_WEBAPP_PLUGIN: {
        const manifest = field<PluginManifest>(action, 'data');
        return {...state, [manifest.id]: manifest};
    }
    case ActionTypes.REMOVED_WEBAPP_PLUGIN: {
        const next = {...state};
        delete next[field<PluginManifest>(action, 'data').id];
        return next;
    }
    case UserTypes.LOGOUT_SUCCESS:
        return {};
    default:
        return state;
    }
}

interface MenuRecord extends RegisteredComponent {
    parentMenuId?: string;
    subMenu?: MenuRecord[];
}

function hasMenuId(menu: MenuRecord, menuId: string): boolean {
    if (!menu.subMenu) {
        return false;
    }
    return menu.id === menuId || menu.subMenu.some((sub) => hasMenuId(sub, menuId));
}

function buildMenu(root: MenuRecord, data: MenuRecord): MenuRecord {
    const subMenu = root.subMenu?.map((sub) => buildMenu(sub, data));
    if (root.id === data.parentMenuId) {
        subMenu?.push(data);
    }
    return {...root, subMenu};
}

function addComponent(state: PluginsState['components'], name: string, data: RegisteredComponent): PluginsState['components'] {
    const next = [...(state[name] ?? [])];
    let record: MenuRecord = data;
    if (name === 'PostDropdownMenu' && typeof data.parentMenuId === 'string') {
        const parentMenuId = data.parentMenuId;
        const index = next.findIndex((c) => hasMenuId(c, parentMenuId) && c.pluginId === data.pluginId);
        if (index < 0) {
            return state;
        }
        const [menu] = next.splice(index, 1) as MenuRecord[];
        record = buildMenu(menu!, data);
    }
    next.push(record);
    next.sort(sortComponents);
    return {...state, [name]: next};
}

function removeWhere(state: PluginsState['components'], matches: (c: RegisteredComponent) => boolean): PluginsState['components'] {
    let changed = false;
    const next: PluginsState['components'] = {};
    for (const [name, list] of Object.entries(state)) {
        const kept = list.filter((c) => !matches(c));
        changed ||= kept.length !== list.length;
        next[name] = kept.length === list.length ? list : kept;
    }
    return changed ? next : state;
}

function components(state: PluginsState['components'] = {}, action: UnknownAction): PluginsState['components'] {
    switch (action.type) {
    case ActionTypes.RECEIVED_PLUGIN_COMPONENT: {
        const name = field<string | undefined>(action, 'name');
        const data = field<RegisteredComponent | undefined>(action, 'data');
        return name && data ? addComponent(state, name, data) : state;
    }
    case ActionTypes.REMOVED_PLUGIN_COMPONENT: {
        const id = field<string>(action, 'id');
        return removeWhere(state, (c) => c.id === id);
    }
    case ActionTypes.REMOVED_WEBAPP_PLUGIN: {
        const pluginId = field<PluginManifest>(action, 'data').id;
        return removeWhere(state, (c) => c.pluginId === pluginId);
    }
    case UserTypes.LOGOUT_SUCCESS:
        return {};
    default:
        return state;
    }
}

function makePostTypesReducer(receivedType: string, removedType: string) {
    return (state: PluginsState['postTypes'] = {}, action: UnknownAction): PluginsState['postTypes'] => {
        switch (action.type) {
        case receivedType: {
            const data = field<RegisteredComponent & {type: string}>(action, 'data');
            const current = state[data.type];
            if (current && data.pluginId > current.pluginId) {
                return state;
            }
            return {...state, [data.type]: data};
        }
        case removedType: {
            const id = field<string>(action, 'id');
            return Object.fromEntries(Object.entries(state).filter(([, c]) => c.id !== id));
        }
        case ActionTypes.REMOVED_WEBAPP_PLUGIN: {
            const pluginId = field<PluginManifest>(action, 'data').id;
            return Object.fromEntries(Object.entries(state).filter(([, c]) => c.pluginId !== pluginId));
        }
        case UserTypes.LOGOUT_SUCCESS:
            return {};
        default:
            return state;
        }
    };
}

export const pluginsReducer = combineReducers({
    plugins,
    components,
    postTypes: makePostTypesReducer(ActionTypes.RECEIVED_PLUGIN_POST_COMPONENT, ActionTypes.REMOVED_PLUGIN_POST_COMPONENT),
    postCardTypes: makePostTypesReducer(ActionTypes.RECEIVED_PLUGIN_POST_CARD_COMPONENT, ActionTypes.REMOVED_PLUGIN_POST_CARD_COMPONENT),
});
