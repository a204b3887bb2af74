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
  const shipped = supportedLocale(locale);
  const catalog = catalogs[shipped];
  const pluralRules = new Intl.PluralRules(shipped);
  return (id, values = {}) =>
    choosePluralForms(catalog[id], values, pluralRules).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

// Counted phrases use the ICU MessageFormat plural subset that translators
// (and the webapp's react-intl) already know, because languages differ in how
// many forms they need: `{count, plural, one {# day} few {# дня} many {# дней}
// other {# дня}}`. `=N` picks an exact number, `#` becomes the number; the
// categories come from Intl.PluralRules of the catalog's locale.
const PLURAL_START = /\{(\w+),\s*plural,/;
const PLURAL_FORM = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/;

function choosePluralForms(text: string, values: Record<string, string | number>, pluralRules: Intl.PluralRules): string {
  const start = PLURAL_START.exec(text);
  if (!start) return text;
  const name = start[1] as string;
  const forms = new Map<string, string>();
  let cursor = start.index + start[0].length;
  for (let form = PLURAL_FORM.exec(text.slice(cursor)); form; form = PLURAL_FORM.exec(text.slice(cursor))) {
    const bodyStart = cursor + form[0].length;
    const bodyEnd = closingBrace(text, bodyStart);
    if (bodyEnd < 0) return text;
    forms.set(form[1] as string, text.slice(bodyStart, bodyEnd));
    cursor = bodyEnd + 1;
  }
  const end = text.indexOf('}', cursor);
  if (end < 0 || !(name in values)) return text;
  const count = Number(values[name]);
  const chosen = forms.get(`=${count}`) ?? forms.get(pluralRules.select(count)) ?? forms.get('other') ?? '';
  return text.slice(0, start.index) + chosen.replaceAll('#', String(count)) + choosePluralForms(text.slice(end + 1), values, pluralRules);
}

/** Index of the `}` closing a block whose body starts at `from`; nested `{placeholders}` are skipped. */
function closingBrace(text: string, from: number): number {
  let depth = 0;
  for (let index = from; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}') {
      if (depth === 0) return index;
      depth -= 1;
    }
  }
  return -1;
}
