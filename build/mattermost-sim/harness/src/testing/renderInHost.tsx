import React from 'react';
import {Provider} from 'react-redux';

import type {Host} from '../host';
import {HarnessIntlProvider} from '../ui/HarnessIntlProvider';
import {HostContext} from '../ui/hostContext';

import {render} from './render';
import type {Rendered} from './render';

/** Renders harness UI with the providers the App puts around it. */
export function renderInHost(host: Host, element: React.ReactElement): Rendered {
    return render(
        <Provider store={host.store}>
            <HostContext.Provider value={host}>
                <HarnessIntlProvider>{element}</HarnessIntlProvider>
            </HostContext.Provider>
        </Provider>,
    );
}
