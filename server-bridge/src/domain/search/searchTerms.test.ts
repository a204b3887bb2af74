import {AppError} from '../../errors';
import {
  documentTerms,
  documentText,
  isTitleHit,
  matchesSearchText,
  normalizeForSearch,
  parseSearchQuery,
  queryTerms,
  type SearchPlan,
} from './searchTerms';

function plan(query: string): SearchPlan {
  const result = queryTerms(query);
  if (result.kind !== 'search') throw new Error(`expected a searchable query, got: ${result.message}`);
  return result;
}

/** What the database does: candidates by terms, decided by the search text. */
function matches(query: string, ...fields: string[]): boolean {
  const searchPlan = plan(query);
  const terms = new Set(documentTerms(...fields));
  const indexed = searchPlan.terms.every((term) => terms.has(term));
  const decided = matchesSearchText(documentText(...fields), searchPlan);
  // The index must never lose a document the recheck would accept.
  if (decided && !indexed) throw new Error(`terms ${searchPlan.terms.join(',')} miss a matching document`);
  return decided;
}

describe('normalizeForSearch', () => {
  it.each([
    ['ＡＢＣ', 'abc'],
    ['ｶﾀｶﾅ', 'カタカナ'],
    ['ｶﾞｲﾄﾞ', 'ガイド'],
    ['㍿', '株式会社'],
    ['УВЕДОМЛЕНИЕ', 'уведомление'],
    ['Ёлка ещё', 'елка еще'],
    ['dead\u00ADline', 'deadline'],
    ['葛\u{E0100}飾', '葛飾'],
    ['１２３　４', '123 4'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeForSearch(input)).toBe(expected);
  });
});

describe('documentTerms', () => {
  it('stores every bigram of a CJK run and every prefix of other words, no single characters', () => {
    expect(documentTerms('全文検索').sort()).toEqual(['全文', '文検', '検索'].sort());
    expect(documentTerms('Notify').sort()).toEqual(['no', 'not', 'noti', 'notif', 'notify']);
    expect(documentTerms('a 検 b')).toEqual([]);
  });

  it('splits mixed-script text at script changes and punctuation, case ids included', () => {
    const terms = documentTerms('P-2026-0142 拒絶理由通知対応 response');
    expect(terms).toEqual(expect.arrayContaining(['2026', '0142', '拒絶', '知対', '対応', 'response', 'resp']));
    expect(terms).not.toContain('p');
    expect(terms).not.toContain('応r');
    expect(terms.some((term) => term.includes('-'))).toBe(false);
    expect(documentTerms('対応response')).toEqual(expect.arrayContaining(['対応', 'response']));
  });

  it('keeps Hangul and the prolonged sound mark in CJK runs', () => {
    expect(documentTerms('データ')).toEqual(['デー', 'ータ']);
    expect(documentTerms('검색')).toEqual(['검색']);
  });

  it('is distinct and caps prefixes at 24 characters', () => {
    expect(documentTerms('abc abc', 'ABC')).toEqual(['ab', 'abc']);
    const long = 'x'.repeat(40);
    expect(Math.max(...documentTerms(long).map((term) => term.length))).toBe(24);
  });
});

describe('documentText', () => {
  it('puts the title first, one field a line, each run after a space', () => {
    expect(documentText('Deadlines: filing', '全文検索の設計', 'P-2026-0142')).toBe(' deadlines filing\n 全文検索の設計\n p 2026 0142');
    expect(documentText('対応response', '')).toBe(' 対応 response\n ');
  });
});

describe('queryTerms', () => {
  it('gives the bigrams of a CJK run and the words (cut to 24) of other runs', () => {
    expect(plan('関鍵字')).toEqual({kind: 'search', terms: ['関鍵', '鍵字'], needles: ['関鍵字']});
    expect(plan('Deadline  ФИЛИНГ')).toEqual({kind: 'search', terms: ['deadline', 'филинг'], needles: [' deadline', ' филинг']});
    expect(plan('x'.repeat(30)).terms).toEqual(['x'.repeat(24)]);
    expect(plan('P-2026-0142')).toEqual({kind: 'search', terms: ['2026', '0142'], needles: [' p 2026 0142']});
  });

  it('refuses single characters alone and queries without letters or digits, naming the rule', () => {
    expect(queryTerms('検')).toMatchObject({kind: 'too_short', reason: 'single_characters_only'});
    expect(queryTerms('a 検 1')).toMatchObject({kind: 'too_short', reason: 'single_characters_only'});
    expect(queryTerms('  -- ')).toMatchObject({kind: 'too_short', reason: 'no_letters_or_digits'});
    expect(queryTerms('')).toMatchObject({kind: 'too_short', reason: 'no_letters_or_digits'});
    const refused = queryTerms('検');
    expect(refused.kind === 'too_short' && refused.message).toContain('at least two letters or digits in a row');
  });

  it('accepts a single character beside a longer part (the recheck checks it)', () => {
    expect(plan('検 設計')).toEqual({kind: 'search', terms: ['設計'], needles: ['検', '設計']});
  });

  it('parseSearchQuery turns a refusal into a 400 with a stable id', () => {
    expect(() => parseSearchQuery('索')).toThrow(AppError);
    try {
      parseSearchQuery('索');
    } catch (error) {
      expect(error).toMatchObject({status: 400, id: 'baton.bad_request.search_single_characters_only', details: {field: 'q'}});
    }
    expect(parseSearchQuery('索引').terms).toEqual(['索引']);
  });
});

describe('matching', () => {
  it.each([
    ['検索', '全文検索の設計', true],
    ['検索', '検査', false],
    ['検索', '索引', false],
    ['検索', '検査と索引', false],
    ['關鍵字', '關鍵字搜尋', true],
    ['關鍵字', '關鍵的字', false],
    ['關鍵字', '關鍵在於鍵字', false],
    ['уведомление', 'УВЕДОМЛЕНИЕ о сроке', true],
    ['УВЕДОМЛЕНИЕ', 'уведомление о сроке', true],
    ['елка', 'Ёлка', true],
    ['ＡＢＣ', 'abc corp', true],
    ['abc', 'ＡＢＣ株式会社', true],
    ['ｶﾀｶﾅ', 'カタカナ表記', true],
    ['deadline', 'Deadlines for filing', true],
    ['deadlines', 'The deadline for filing', false],
    ['line', 'Deadlines for filing', false],
    ['notify', 'notification sent', false],
    ['notification', 'please notify', false],
    ['notif', 'notification sent', true],
    ['deadline filing', 'Filing deadlines', true],
    ['P-2026-0142', 'Case P-2026-0142', true],
    ['p 2026 0142', 'Case P-2026-0142', true],
    ['P-2026-0142', 'Case P\u20102026\u20100142', true],
    ['P-2026-0142', 'Case P-2026-0143', false],
    ['2026-0142', 'Case P-2026-0142', true],
    ['026-0142', 'Case P-2026-0142', false],
    ['拒絶理由 response', 'P-2026-0142 拒絶理由通知対応 response', true],
    ['通知対応response', 'P-2026-0142 拒絶理由通知対応 response', true],
    ['対応 P-2026', 'P-2026-0142 拒絶理由通知対応 response', true],
    ['検 設計', '設計の検討', true],
    ['検 設計', '設計の見直し', false],
  ])('%s in %s: %s', (query, text, expected) => {
    expect(matches(query, text)).toBe(expected);
  });

  it('matches separate words in any field, but not one chunk across fields', () => {
    expect(matches('filing deadline', 'Filing', 'Deadline')).toBe(true);
    expect(matches('filing-deadline', 'Filing', 'Deadline')).toBe(false);
    expect(matches('filing-deadline', 'Filing deadline')).toBe(true);
    expect(matches('検索設計', '検索', '設計')).toBe(false);
  });

  it('tells title hits from hits elsewhere', () => {
    const text = documentText('全文検索の設計', 'deadline');
    expect(isTitleHit(text, plan('検索'))).toBe(true);
    expect(isTitleHit(text, plan('deadline'))).toBe(false);
    expect(isTitleHit(text, plan('検索 deadline'))).toBe(false);
    expect(matchesSearchText(text, plan('検索 deadline'))).toBe(true);
  });
});
