// Theme and locale switches. Mattermost saves the theme as a preference
// (category "theme") and the locale on the user; the harness keeps the theme
// preference in the store (plus localStorage, as it has no preferences API)
// and patches the user's locale on the server when it can.
import type {Host} from '../host';
import {harnessLog} from '../log';
import {PreferenceTypes, UserTypes} from '../store/actionTypes';
import {getCurrentUser, getCurrentUserId} from '../store/selectors';
import type {HarnessThunk} from '../store/state';
import {themes} from '../theme/themes';
import type {ThemeKey} from '../theme/themes';

import {loadTranslations} from './i18n';

const themeStorageKey = (userId: string) => `mattermost-sim-harness.theme.${userId}`;

export function setTheme(themeKey: ThemeKey): HarnessThunk<void> {
    return (dispatch, getState) => {
        const userId = getCurrentUserId(getState());
        const value = JSON.stringify(themes[themeKey]);
        dispatch({type: PreferenceTypes.RECEIVED_PREFERENCES, data: [{user_id: userId, category: 'theme', name: '', value}]});
        try {
            window.localStorage.setItem(themeStorageKey(userId), themeKey);
        } catch {
            // Storage may be unavailable (private mode); the switch still applies.
        }
    };
}

export function restoreTheme(): HarnessThunk<void> {
    return (dispatch, getState) => {
        let saved: string | null = null;
        try {
            saved = window.localStorage.getItem(themeStorageKey(getCurrentUserId(getState())));
        } catch {
            saved = null;
        }
        if (saved === 'denim' || saved === 'onyx') {
            dispatch(setTheme(saved));
        }
    };
}

export function setLocale(host: Host, locale: string): HarnessThunk<Promise<void>> {
    return async (dispatch, getState) => {
        const me = getCurrentUser(getState());
        if (!me) {
            return;
        }
        try {
            dispatch({type: UserTypes.RECEIVED_ME, data: await host.client.patchMe({locale})});
        } catch (error) {
            harnessLog.warn('PUT /api/v4/users/me/patch failed; switching the locale in this page only.', error);
            dispatch({type: UserTypes.RECEIVED_ME, data: {...me, locale}});
        }
        dispatch(loadTranslations(host.translationSources, locale));
    };
}
