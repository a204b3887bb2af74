import type {UnknownAction} from 'redux';

import {field} from '../../actionFields';
import {ActionTypes} from '../../actionTypes';
import type {ViewsState} from '../../state';

type I18nState = ViewsState['i18n'];

// webapp/channels/src/reducers/views/i18n.ts: translations by locale.
export function i18nReducer(state: I18nState = {translations: {}}, action: UnknownAction): I18nState {
    switch (action.type) {
    case ActionTypes.RECEIVED_TRANSLATIONS: {
        const {locale, translations} = field<{locale: string; translations: Record<string, string>}>(action, 'data');
        return {translations: {...state.translations, [locale]: translations}};
    }
    default:
        return state;
    }
}
