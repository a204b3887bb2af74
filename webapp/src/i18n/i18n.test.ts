import fs from 'node:fs';
import path from 'node:path';

import {catalogs, defaultLocale, getTranslations, resolveLocale} from './translations';

const srcDir = path.resolve(__dirname, '..');
const english = catalogs[defaultLocale] ?? {};
const otherLocales = Object.keys(catalogs).filter((locale) => locale !== defaultLocale);

// Strings that are the same in every language on purpose (the product name).
const sameInEveryLanguage = new Set(['baton.rhs.title']);

// Message ids as the source writes them: `id: 'baton.x'`, `id='baton.x'`,
// `id="baton.x"`, `id={'baton.x'}`.
const messageIdUsage = /\bid\s*[:=]\s*\{?\s*['"`](baton\.[\w.-]+)['"`]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(file);
    }
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

function usedMessageIds(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sourceFiles(srcDir)) {
    for (const match of fs.readFileSync(file, 'utf8').matchAll(messageIdUsage)) {
      used.set(match[1] as string, path.relative(srcDir, file));
    }
  }
  return used;
}

describe('translations', () => {
  it('ships the locales Baton supports', () => {
    expect(Object.keys(catalogs).sort()).toEqual(['en', 'ja', 'ru', 'zh-TW']);
  });

  it('namespaces every id with baton.', () => {
    for (const [locale, messages] of Object.entries(catalogs)) {
      const foreign = Object.keys(messages).filter((id) => !id.startsWith('baton.'));
      expect({locale, foreign}).toEqual({locale, foreign: []});
    }
  });

  it.each(otherLocales)('%s has exactly the keys of en', (locale) => {
    const keys = Object.keys(catalogs[locale] ?? {});
    const missing = Object.keys(english).filter((id) => !keys.includes(id));
    const extra = keys.filter((id) => !(id in english));
    expect({missing, extra}).toEqual({missing: [], extra: []});
  });

  it.each(Object.keys(catalogs))('%s has no empty strings', (locale) => {
    const empty = Object.entries(catalogs[locale] ?? {}).filter(([, text]) => text.trim() === '').map(([id]) => id);
    expect(empty).toEqual([]);
  });

  it.each(otherLocales)('%s is translated, not copied from en', (locale) => {
    const copied = Object.entries(catalogs[locale] ?? {})
      .filter(([id, text]) => !sameInEveryLanguage.has(id) && text === english[id])
      .map(([id]) => id);
    expect(copied).toEqual([]);
  });

  it('defines in en every baton. id the source uses', () => {
    const used = usedMessageIds();
    // Guards the scan itself: the RHS title is certainly used.
    expect(used.has('baton.rhs.title')).toBe(true);
    const missing = [...used].filter(([id]) => !(id in english)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it('has no en entries that nothing uses', () => {
    const used = usedMessageIds();
    expect(Object.keys(english).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('getTranslations', () => {
  it('returns the catalog of a supported locale', () => {
    expect(getTranslations('ja')['baton.rhs.placeholder']).toBe(catalogs.ja?.['baton.rhs.placeholder']);
    expect(getTranslations('ru')['baton.rhs.placeholder']).toBe(catalogs.ru?.['baton.rhs.placeholder']);
  });

  it('accepts zh-TW in any spelling Mattermost or a browser uses', () => {
    for (const locale of ['zh-TW', 'zh_TW', 'zh-tw', 'ZH_tw']) {
      expect(resolveLocale(locale)).toBe('zh-TW');
    }
    expect(getTranslations('zh_TW')['baton.rhs.placeholder']).toBe(catalogs['zh-TW']?.['baton.rhs.placeholder']);
  });

  it('falls back from a regional variant to its language', () => {
    expect(resolveLocale('ja-JP')).toBe('ja');
    expect(resolveLocale('ru_RU')).toBe('ru');
  });

  it('falls back to English for unknown or missing locales', () => {
    for (const locale of ['de', 'zh-CN', 'pt-BR', '', undefined, null]) {
      expect(getTranslations(locale)).toEqual(english);
    }
  });
});
