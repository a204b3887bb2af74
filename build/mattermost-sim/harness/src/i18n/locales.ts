/** The locales the harness offers in its switch (the ones Baton ships). */
export const harnessLocales = ['en', 'ja', 'zh-TW', 'ru'] as const;

/**
 * i18n/i18n.tsx normalizeLocale, for the harness: a case-insensitive match
 * against the offered locales; anything else passes through unchanged.
 */
export function normalizeLocale(locale: string): string {
    return harnessLocales.find((known) => known.toLowerCase() === locale.toLowerCase()) ?? locale;
}
