// actions/views/root.ts keeps each plugin's getTranslationsForLocale; they are
// consulted again whenever the locale's translations are (re)loaded.
export type TranslationSource = (locale: string) => Record<string, string> | undefined;

export class PluginTranslationSources {
    private readonly sources: Record<string, TranslationSource> = {};

    register(pluginId: string, source: TranslationSource): void {
        this.sources[pluginId] = source;
    }

    unregister(pluginId: string): void {
        delete this.sources[pluginId];
    }

    all(): TranslationSource[] {
        return Object.values(this.sources);
    }
}
