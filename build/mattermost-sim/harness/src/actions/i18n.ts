// actions/views/root.ts: plugin translations are merged into the current
// locale's catalog when registered, and consulted again when a locale loads.
// Order on load: English base, then every plugin's strings, then (for a
// non-English locale) the webapp's own catalog, which wins on collisions.
import {hostMessagesEn} from '../i18n/hostMessages';
import {normalizeLocale} from '../i18n/locales';
import type {PluginTranslationSources, TranslationSource} from '../i18n/pluginTranslationSources';
import {harnessLog} from '../log';
import {ActionTypes} from '../store/actionTypes';
import {getCurrentLocale, getTranslations} from '../store/selectors';
import type {HarnessThunk} from '../store/state';

function translationsOf(source: TranslationSource, locale: string): Record<string, string> {
    try {
        return source(locale) ?? {};
    } catch (error) {
        harnessLog.error(`A plugin's getTranslationsForLocale("${locale}") threw`, error);
        return {};
    }
}

export function registerPluginTranslationsSource(sources: PluginTranslationSources, pluginId: string, source: TranslationSource): HarnessThunk<void> {
    sources.register(pluginId, source);
    return (dispatch, getState) => {
        const state = getState();
        const locale = getCurrentLocale(state);
        const current = getTranslations(state, locale);
        if (current) {
            dispatch({type: ActionTypes.RECEIVED_TRANSLATIONS, data: {locale, translations: {...current, ...translationsOf(source, locale)}}});
        }
    };
}

/** The webapp's own catalogs, by locale (the harness ships English only). */
const hostCatalogs: Record<string, Record<string, string>> = {en: hostMessagesEn};

export function loadTranslations(sources: PluginTranslationSources, locale: string): HarnessThunk<void> {
    const normalized = normalizeLocale(locale);
    return (dispatch) => {
        const translations: Record<string, string> = {...hostMessagesEn};
        for (const source of sources.all()) {
            Object.assign(translations, translationsOf(source, normalized));
        }
        if (normalized !== 'en') {
            Object.assign(translations, hostCatalogs[normalized] ?? {});
        }
        dispatch({type: ActionTypes.RECEIVED_TRANSLATIONS, data: {locale: normalized, translations}});
    };
}
