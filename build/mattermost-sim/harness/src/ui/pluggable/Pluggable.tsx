// plugins/pluggable/pluggable.tsx: renders every component plugins registered
// for a slot (or one of them, by id), each inside an error boundary, with the
// user's theme and the WebSocket client as props.
import React from 'react';

import {getPluginComponents, getTheme} from '../../store/selectors';
import {useHarnessSelector} from '../hooks';
import {useHost} from '../hostContext';

import {PluggableErrorBoundary} from './PluggableErrorBoundary';

interface Props {
    pluggableName: string;
    pluggableId?: string;
    [extraProp: string]: unknown;
}

export function Pluggable({pluggableName, pluggableId, ...otherProps}: Props) {
    const host = useHost();
    const theme = useHarnessSelector(getTheme);
    const components = useHarnessSelector((state) => getPluginComponents(state, pluggableName));
    const selected = pluggableId ? components.filter((c) => c.id === pluggableId) : components;
    return (
        <>
            {selected.map((registration) => {
                const Component = registration.component as React.ComponentType<Record<string, unknown>> | undefined;
                if (typeof Component !== 'function' && (typeof Component !== 'object' || Component === null)) {
                    return null;
                }
                return (
                    <PluggableErrorBoundary
                        key={pluggableName + registration.id}
                        pluginId={registration.pluginId}
                    >
                        <Component
                            {...otherProps}
                            theme={theme}
                            webSocketClient={host.webSocketForPlugins}
                        />
                    </PluggableErrorBoundary>
                );
            })}
        </>
    );
}
