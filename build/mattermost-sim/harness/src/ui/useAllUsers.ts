// Selects with data_source "users" (dialogs, attachment menus) offer every
// user. Mattermost searches as you type (GET /users/autocomplete); the harness
// loads the user list once (GET /users) and lists them all.
import {useEffect} from 'react';

import {UserTypes} from '../store/actionTypes';

import {useHarnessDispatch} from './hooks';
import {useHost} from './hostContext';

const loaded = new WeakSet<object>();

export function useAllUsers(enabled: boolean): void {
    const host = useHost();
    const dispatch = useHarnessDispatch();
    useEffect(() => {
        if (!enabled || loaded.has(host.store)) {
            return;
        }
        loaded.add(host.store);
        host.client.getProfiles().then((users) => dispatch({type: UserTypes.RECEIVED_PROFILES_LIST, data: users}), () => loaded.delete(host.store));
    }, [enabled, host, dispatch]);
}
