// Typed access to the host store from Baton's components. It reads the store
// handed to initialize (through the services context) rather than
// react-redux's context, so a component behaves the same wherever it is
// mounted, including server-side rendering in the bundle test.
import {useCallback, useSyncExternalStore} from 'react';

import {useBatonServices} from '../plugin/servicesContext';

import type {GlobalStateWithBaton} from './selectors';

/** `selector` must return a stable value for unchanged state (a slice, not a new object). */
export function useBatonSelector<T>(selector: (state: GlobalStateWithBaton) => T): T {
  const {store} = useBatonServices();
  // The host state is typed unknown at the boundary; getPluginState copes with Baton's slice being absent.
  const read = useCallback(() => selector(store.getState() as GlobalStateWithBaton), [store, selector]);
  return useSyncExternalStore(store.subscribe, read, read);
}
