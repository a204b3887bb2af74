import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {catalogs, supportedLocale, translatorFor} from './translate';

describe('the bridge message catalogs', () => {
  const english = Object.keys(catalogs.en).sort();

  it.each(['ja', 'zh-TW', 'ru'] as const)('%s has exactly the English keys, none empty, none left in English', (locale) => {
    const catalog = catalogs[locale];
    expect(Object.keys(catalog).sort()).toEqual(english);
    for (const id of english) {
      const text = catalog[id as keyof typeof catalog];
      expect(text.trim()).not.toBe('');
      expect(text).not.toBe(catalogs.en[id as keyof typeof catalogs.en]);
    }
  });

  it.each(['ja', 'zh-TW', 'ru'] as const)('%s keeps every {placeholder} of the English text', (locale) => {
    for (const id of english) {
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect([id, placeholders(catalogs[locale][id as keyof typeof catalogs.en])]).toEqual([id, placeholders(catalogs.en[id as keyof typeof catalogs.en])]);
    }
  });

  it('has a catalog file for each shipped locale and no other', () => {
    const files = readdirSync(__dirname).filter((name) => name.endsWith('.json')).sort();
    expect(files).toEqual(['en.json', 'ja.json', 'ru.json', 'zh-TW.json']);
  });

  it('uses no message id that the English catalog lacks', () => {
    const sourceRoot = join(__dirname, '..');
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, {withFileTypes: true})) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
          for (const match of readFileSync(path, 'utf8').matchAll(/\bt\('([a-z_.]+)'/g)) used.add(match[1] as string);
        }
      }
    };
    walk(sourceRoot);
    expect(used.size).toBeGreaterThan(0);
    expect([...used].filter((id) => !(id in catalogs.en))).toEqual([]);
  });

  it('maps Mattermost locales to the shipped ones', () => {
    expect(supportedLocale('zh_TW')).toBe('zh-TW');
    expect(supportedLocale('ja')).toBe('ja');
    expect(supportedLocale('ru')).toBe('ru');
    expect(supportedLocale('zh-CN')).toBe('en');
    expect(supportedLocale(undefined)).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translatorFor('ru')('command.unknown', {subcommand: 'nwe'})).toBe('Неизвестная подкоманда `nwe`.');
  });
});

describe('counted phrases', () => {
  it('pick the plural form of the reader\'s language and put the number in', () => {
    const ru = translatorFor('ru');
    expect([1, 3, 5, 11, 21, 22, 25].map((count) => ru('notice.deadline.in_days', {count}))).toEqual([
      'через 1 день', 'через 3 дня', 'через 5 дней', 'через 11 дней', 'через 21 день', 'через 22 дня', 'через 25 дней',
    ]);
    expect([1, 2].map((count) => translatorFor('en')('notice.deadline.in_days', {count}))).toEqual(['in 1 day', 'in 2 days']);
    expect(translatorFor('ja')('notice.deadline.in_days', {count: 1})).toBe('1日後');
  });

  it('are left as written when the count is missing', () => {
    expect(translatorFor('en')('notice.deadline.in_days')).toBe(catalogs.en['notice.deadline.in_days']);
  });
});
