// Message catalogs for the host's registerTranslations. Every id starts with
// `baton.` because the server's own catalog wins on collisions.
import en from './en.json';
import ja from './ja.json';
import ru from './ru.json';
import zhTW from './zh-TW.json';

export type Messages = Record<string, string>;

export const defaultLocale = 'en';

export const catalogs: Readonly<Record<string, Messages>> = {
  'en': en,
  'ja': ja,
  'zh-TW': zhTW,
  'ru': ru,
};

/**
 * The catalog key for a Mattermost locale. Accepts `zh-TW`, `zh_TW` and any
 * casing; a regional variant we do not ship (`ja-JP`) falls back to its
 * language, anything else to English.
 */
export function resolveLocale(locale: string | null | undefined): string {
  if (!locale) {
    return defaultLocale;
  }
  const wanted = locale.trim().replace(/_/g, '-').toLowerCase();
  const available = Object.keys(catalogs);
  const exact = available.find((key) => key.toLowerCase() === wanted);
  if (exact) {
    return exact;
  }
  const language = wanted.split('-')[0];
  return available.find((key) => key.toLowerCase() === language) ?? defaultLocale;
}

/** English underneath, so a key missing from a locale still shows text. */
export function getTranslations(locale: string | null | undefined): Messages {
  const resolved = resolveLocale(locale);
  return {...catalogs[defaultLocale], ...catalogs[resolved]};
}
