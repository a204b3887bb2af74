import {errors} from '../../errors';

// What Baton stores for a searchable document and what a query asks for, in
// one place so both sides always tokenise the same way. Pure: no I/O.
//
// The database matches nothing by itself: it holds, per task and per comment,
//   - search_terms: a GIN-indexed text[] that narrows candidates (`@>`), and
//   - search_text: the normalised text that decides (`strpos`).
// Both are computed here, so matching needs no locale, collation, extension
// or dictionary in the database and behaves the same on PGlite and PostgreSQL.
//
// Matching rule. A query is split on whitespace into chunks; a document
// matches when every chunk occurs in its search text, where
//   - a chunk starting with a CJK character may start anywhere (CJK has no
//     word boundaries: 検索 is found in 全文検索の設計), and
//   - a chunk starting with another letter or digit must start at the start
//     of a word, and its last word may be a prefix: "deadline" finds
//     "Deadlines", "deadlines" does not find "deadline", "line" does not find
//     "deadline". No stemming (it is language-specific and the four
//     languages would need four stemmers); prefixes give most of its recall.
// Punctuation inside a chunk only separates words, so "P-2026-0142" finds
// "P 2026 0142" and "P‐2026‐0142" (another hyphen) alike.
//
// Terms are what makes that rule index-served; they never decide a match. A
// document stores every CJK character bigram and every prefix (2 to 24
// characters) of every other word; a query needs its CJK bigrams and its
// words (cut to 24 characters). Whole words alone could not serve prefixes
// through `@>`; storing prefixes costs about one term per character of Latin
// or Cyrillic text, the same density CJK bigrams have anyway. Terms are a
// necessary condition only (關鍵字 needs 關鍵 and 鍵字, which 關鍵在於鍵字 also
// has), so the search text rechecks every candidate.
//
// One-character queries are refused (see queryTerms): a single character is
// not a stored term, so it could only be served by scanning every row's text,
// and one kanji, kana or letter matches most documents anyway. A single
// character next to a longer part ("検 設計", "P-1 review") is fine: the
// longer part uses the index and the recheck checks the rest.

/**
 * Words longer than this are indexed by their first this-many characters.
 * Also keeps every term far below GIN's key size limit (~2.7 kB), which one
 * long "word" such as a pasted base64 blob would otherwise exceed.
 */
export const longestPrefixTerm = 24;

/** Separates the fields in a search text; the first field is the title. */
export const searchTextFieldSeparator = '\n';

const cjkScript = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}\p{scx=Bopomofo}]/u;
const wordCharacter = /[\p{L}\p{M}\p{N}]/u;
const combiningMark = /\p{M}/u;
const ignorable = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * NFKC (full-width ＡＢＣ → ABC, half-width ｶﾀｶﾅ → カタカナ, ㍿ → 株式会社), then
 * lower case. Invisible characters (soft hyphens, zero-width spaces, variation
 * selectors such as the ones on 葛󠄀) are dropped so they do not split or
 * change words. ё is folded to е: Russian text writes either for the same
 * letter, and Russian search engines treat them alike.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFKC').replace(ignorable, '').toLowerCase().replaceAll('ё', 'е');
}

type SegmentKind = 'cjk' | 'word';
interface Segment {
  kind: SegmentKind;
  text: string;
}

/**
 * Splits normalised text into runs of CJK characters and runs of other
 * letters and digits; everything else (spaces, punctuation, symbols) ends a
 * run. A script change also ends a run, so "対応response" is 対応 + response.
 */
function segmentsOf(normalized: string): Segment[] {
  const segments: Segment[] = [];
  let current: Segment | undefined;
  for (const character of normalized) {
    const kind = kindOf(character, current?.kind);
    if (kind === undefined) {
      current = undefined;
    } else if (current?.kind === kind) {
      current.text += character;
    } else {
      current = {kind, text: character};
      segments.push(current);
    }
  }
  return segments;
}

function kindOf(character: string, previous: SegmentKind | undefined): SegmentKind | undefined {
  if (!wordCharacter.test(character)) return undefined;
  // A combining mark belongs to the character before it, whatever its script.
  if (previous !== undefined && combiningMark.test(character)) return previous;
  return cjkScript.test(character) ? 'cjk' : 'word';
}

function bigrams(run: string): string[] {
  const characters = Array.from(run);
  return characters.slice(1).map((character, index) => `${characters[index]}${character}`);
}

function wordPrefixes(word: string): string[] {
  const characters = Array.from(word).slice(0, longestPrefixTerm);
  return characters.slice(1).map((_, index) => characters.slice(0, index + 2).join(''));
}

function firstCharacters(word: string, count: number): string {
  return Array.from(word).slice(0, count).join('');
}

/** The distinct terms to store for a document made of these texts. */
export function documentTerms(...texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const segment of segmentsOf(normalizeForSearch(text))) {
      for (const term of segment.kind === 'cjk' ? bigrams(segment.text) : wordPrefixes(segment.text)) terms.add(term);
    }
  }
  return [...terms];
}

/**
 * The text to store for a document: per field, a space then its runs joined
 * by single spaces; fields joined by a newline, the title first. The leading
 * space lets a word-start check be a plain substring search (" deadline").
 */
export function documentText(...fields: string[]): string {
  return fields.map((field) => ` ${segmentsOf(normalizeForSearch(field)).map((segment) => segment.text).join(' ')}`).join(searchTextFieldSeparator);
}

/** A query that can be searched for. */
export interface SearchPlan {
  kind: 'search';
  /** Terms a matching document must store: served by the GIN index. */
  terms: string[];
  /** Substrings a matching document's search text must contain: the recheck that decides. */
  needles: string[];
}

/** A query with nothing the index can serve; `message` names the rule. */
export interface SearchQueryTooShort {
  kind: 'too_short';
  reason: 'no_letters_or_digits' | 'single_characters_only';
  message: string;
}

/** The terms and needles of a query, or why it cannot be searched. */
export function queryTerms(query: string): SearchPlan | SearchQueryTooShort {
  const terms = new Set<string>();
  const needles = new Set<string>();
  for (const chunk of normalizeForSearch(query).split(/\s+/u)) {
    const segments = segmentsOf(chunk);
    const first = segments[0];
    if (first === undefined) continue;
    const joined = segments.map((segment) => segment.text).join(' ');
    needles.add(first.kind === 'cjk' ? joined : ` ${joined}`);
    for (const segment of segments) {
      if (segment.kind === 'cjk') bigrams(segment.text).forEach((term) => terms.add(term));
      else if (Array.from(segment.text).length >= 2) terms.add(firstCharacters(segment.text, longestPrefixTerm));
    }
  }
  if (needles.size === 0) {
    return {kind: 'too_short', reason: 'no_letters_or_digits', message: 'A search needs letters or digits to look for.'};
  }
  if (terms.size === 0) {
    return {
      kind: 'too_short',
      reason: 'single_characters_only',
      message: 'A search needs at least two letters or digits in a row (such as 検索 or ab); a single character on its own matches almost everything.',
    };
  }
  return {kind: 'search', terms: [...terms], needles: [...needles]};
}

/** queryTerms for callers that answer a refused query with a 400. */
export function parseSearchQuery(query: string): SearchPlan {
  const plan = queryTerms(query);
  if (plan.kind === 'too_short') {
    // `q` is the search's name in the REST API's task list, the one caller that answers with this 400.
    throw errors.badRequest(`search_${plan.reason}`, plan.message, {field: 'q', allowed: 'at least two letters or digits in a row'});
  }
  return plan;
}

/**
 * The deciding check, as the database runs it on candidates: every needle
 * occurs in the search text. (Needles imply the terms, so a document that
 * passes also stores every term of the plan.)
 */
export function matchesSearchText(searchText: string, plan: SearchPlan): boolean {
  return plan.needles.every((needle) => searchText.includes(needle));
}

/** Whether the whole query matches the title, the first field of the search text. */
export function isTitleHit(searchText: string, plan: SearchPlan): boolean {
  return matchesSearchText(searchText.split(searchTextFieldSeparator, 1)[0] ?? '', plan);
}
