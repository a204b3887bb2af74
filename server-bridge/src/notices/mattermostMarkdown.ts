// Turns user-provided text (task titles, step names, case ids, comments) into
// Mattermost markdown that renders as written and cannot break the notice
// around it.

/**
 * U+2060 WORD JOINER: invisible and not a space, so `@`, `#` or `~` followed
 * by it no longer starts a mention, hashtag or channel link — in the
 * webapp's renderer (which would nest a mention link inside our link and
 * break it) and in the server's mention and hashtag parsing alike.
 */
const WORD_JOINER = '\u2060';

/**
 * Characters the Mattermost markdown renderer (a fork of marked) lets a
 * backslash escape and that mean something inside a line: emphasis, code,
 * links, images, strike-through, tables. `<`, `>` and `&` are not escapable
 * there (a backslash would show) and raw HTML is shown as text anyway.
 */
const INLINE_MARKUP = /[\\`*_[\]()!~|]/g;

/** One line of plain text, shown literally: inline markup escaped, line breaks folded, no mentions or hashtags. */
export function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE_MARKUP, (character) => `\\${character}`)
    .replace(/[@#~](?=[\p{L}\p{N}._-])/gu, (character) => `${character}${WORD_JOINER}`);
}

/**
 * A markdown link, or the escaped text alone when the address is not http(s)
 * (a case URL comes from an outside system). Parentheses and spaces in the
 * address are percent-encoded because they would end the link early.
 */
export function markdownLink(text: string, url: string): string {
  const label = escapeInline(text);
  if (!/^https?:\/\//i.test(url)) return label;
  const address = url.replace(/[()\s<>]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${address})`;
}

/**
 * A markdown block quote of every line of `text` (an empty line stays inside
 * the quote as `>`), so a comment's own markdown still renders but none of its
 * lines can escape the quote. Callers end the quote with an empty line:
 * without it, the next line would continue the quote.
 */
export function blockQuote(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n|\s+$/g, '')
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`));
}

/** At most `limit` characters (code points, so no emoji or CJK is cut in half); whether it was cut. */
export function truncate(text: string, limit: number): {text: string; cut: boolean} {
  const characters = Array.from(text);
  if (characters.length <= limit) return {text, cut: false};
  return {text: `${characters.slice(0, limit).join('').trimEnd()}…`, cut: true};
}
