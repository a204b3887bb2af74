import en from './en.json';
import ja from './ja.json';
import ru from './ru.json';
import zhTW from './zh-TW.json';

// The bridge's own catalog for what it says in Mattermost (command replies,
// bot DMs). Every reply is in the receiver's Mattermost locale.

export type MessageId = keyof typeof en;
export type Locale = 'en' | 'ja' | 'zh-TW' | 'ru';

export const catalogs: Record<Locale, Record<MessageId, string>> = {en, ja, 'zh-TW': zhTW, ru};

/** Mattermost locale (`ja`, `zh-TW`, `zh_TW`, `ru`, `en-AU`, …) → one we ship, else English. */
export function supportedLocale(locale: string | undefined): Locale {
  const normalized = (locale ?? '').replace('_', '-');
  if (normalized === 'zh-TW' || normalized === 'zh-Hant') return 'zh-TW';
  const language = normalized.split('-')[0];
  if (language === 'ja' || language === 'ru') return language;
  return 'en';
}

export type Translate = (id: MessageId, values?: Record<string, string | number>) => string;

export function translatorFor(locale: string | undefined): Translate {
  const catalog = catalogs[supportedLocale(locale)];
  return (id, values = {}) => catalog[id].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
