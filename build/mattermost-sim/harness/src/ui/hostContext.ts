import React from 'react';

import type {Host} from '../host';

export const HostContext = React.createContext<Host | null>(null);

export function useHost(): Host {
    const host = React.useContext(HostContext);
    if (!host) {
        throw new Error('Harness component rendered outside <HostContext.Provider>');
    }
    return host;
}
