// plugins/pluggable/error_boundary.tsx: a plugin component that throws while
// rendering is replaced by a notice; the rest of the page keeps working.
import React from 'react';

import {reportPluginRenderError} from './reportPluginRenderError';

interface Props {
    pluginId: string;
    children?: React.ReactNode;
}

export class PluggableErrorBoundary extends React.PureComponent<Props, {hasError: boolean}> {
    override state = {hasError: false};

    static getDerivedStateFromError() {
        return {hasError: true};
    }

    override componentDidCatch(error: Error) {
        reportPluginRenderError(this.props.pluginId, error);
    }

    override render() {
        if (this.state.hasError) {
            return (
                <div
                    className='harness-plugin-error'
                    data-testid={`plugin-error-${this.props.pluginId}`}
                >
                    {`An error occurred in the ${this.props.pluginId} plugin.`}
                </div>
            );
        }
        return this.props.children;
    }
}
