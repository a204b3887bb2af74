// plugins/rhs_plugin: when views.rhs says a plugin RHS is open, its title and
// its registered component (with theme and webSocketClient props).
import React from 'react';

import {closeRightHandSide} from '../../actions/rhs';
import {getActiveRhsComponent} from '../../store/selectors';
import {asReactNode} from '../asReactNode';
import {useHarnessDispatch, useHarnessSelector} from '../hooks';
import {Pluggable} from '../pluggable/Pluggable';

export function RightHandSidebar() {
    const dispatch = useHarnessDispatch();
    const active = useHarnessSelector(getActiveRhsComponent);
    if (!active) {
        return null;
    }
    return (
        <section
            className='harness-rhs'
            data-testid='rhs'
            data-plugin-id={active.pluginId}
        >
            <header className='harness-rhs__header'>
                <h2 data-testid='rhs-title'>{asReactNode(active.title)}</h2>
                <button
                    type='button'
                    className='harness-icon-button'
                    data-testid='rhs-close'
                    aria-label='Close'
                    onClick={() => dispatch(closeRightHandSide())}
                >
                    {'×'}
                </button>
            </header>
            <div
                className='harness-rhs__body'
                data-testid='rhs-body'
            >
                <Pluggable
                    pluggableName='RightHandSidebarComponent'
                    pluggableId={active.id}
                />
            </div>
        </section>
    );
}
