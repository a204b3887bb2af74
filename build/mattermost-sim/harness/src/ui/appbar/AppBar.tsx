// components/app_bar/app_bar.tsx: App Bar items of plugins, then the channel
// header buttons of plugins without an App Bar item. Shown only when the App
// Bar is enabled (DisableAppBar "false") and has something in it.
import React from 'react';

import {appBarEnabled, getActiveRhsComponent, getChannelHeaderPluginComponents, getCurrentChannel, getMyCurrentChannelMembership, getPluginComponents} from '../../store/selectors';
import type {RegisteredComponent} from '../../store/state';
import {asFunction, asReactNode} from '../asReactNode';
import {useHarnessSelector} from '../hooks';

/** utils/products inScope, in the Channels product (product id null). */
function inChannelsScope(scope: unknown): boolean {
    if (scope === null || scope === undefined || scope === '*') {
        return true;
    }
    return Array.isArray(scope) && (scope.includes('*') || scope.includes(null));
}

function AppBarItem({item, kind}: {item: RegisteredComponent; kind: 'app-bar-item' | 'app-bar-header-button'}) {
    const channel = useHarnessSelector(getCurrentChannel);
    const member = useHarnessSelector(getMyCurrentChannelMembership);
    const active = useHarnessSelector(getActiveRhsComponent);
    const isActive = item.rhsComponentId ? active?.id === item.rhsComponentId : active?.pluginId === item.pluginId;
    const iconUrl = typeof item.iconUrl === 'string' ? item.iconUrl : '';
    return (
        <button
            type='button'
            id={`app-bar-icon-${item.pluginId}`}
            className={isActive ? 'harness-app-bar__icon harness-app-bar__icon--active' : 'harness-app-bar__icon'}
            data-testid={`${kind}-${item.pluginId}`}
            data-active={isActive ? 'true' : 'false'}
            onClick={() => asFunction<[unknown, unknown], void>(item.action)?.(channel, member)}
        >
            {iconUrl ? <img src={iconUrl} alt=''/> : asReactNode(item.icon)}
            <span
                className='harness-tooltip'
                data-testid={`${kind}-tooltip-${item.pluginId}`}
            >
                {asReactNode(item.tooltipText ?? item.dropdownText) ?? item.pluginId}
            </span>
        </button>
    );
}

export function AppBar() {
    const enabled = useHarnessSelector(appBarEnabled);
    const appBarItems = useHarnessSelector((state) => getPluginComponents(state, 'AppBar'));
    const headerButtons = useHarnessSelector(getChannelHeaderPluginComponents);
    const items = appBarItems.filter((item) => inChannelsScope(item.supportedProductIds));
    if (!enabled || (appBarItems.length === 0 && headerButtons.length === 0)) {
        return null;
    }
    return (
        <aside
            className='harness-app-bar'
            data-testid='app-bar'
        >
            {items.map((item) => (
                <AppBarItem
                    key={item.id}
                    item={item}
                    kind='app-bar-item'
                />
            ))}
            {headerButtons.map((item) => (
                <AppBarItem
                    key={item.id}
                    item={item}
                    kind='app-bar-header-button'
                />
            ))}
        </aside>
    );
}
