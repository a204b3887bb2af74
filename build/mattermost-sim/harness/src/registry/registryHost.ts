import type {PluginTranslationSources} from '../i18n/pluginTranslationSources';
import type {ReducerRegistry} from '../store/createHarnessStore';
import type {HarnessStore} from '../store/state';
import type {PluginEventHandlers} from '../websocket/pluginEventHandlers';

/** What a PluginRegistry needs from the host; the real one reaches these as module singletons. */
export interface RegistryHost {
    store: HarnessStore;
    reducerRegistry: ReducerRegistry;
    webSocketHandlers: PluginEventHandlers;
    translationSources: PluginTranslationSources;
    generateId: () => string;
}

/** utils/utils generateId: a fresh unique id per registration. */
export function createIdGenerator(): () => string {
    let counter = 0;
    return () => {
        counter += 1;
        const random = Math.random().toString(36).slice(2, 10);
        return `${Date.now().toString(36)}${random}${counter.toString(36)}`;
    };
}
