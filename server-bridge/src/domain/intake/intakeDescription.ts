import {escapeInline} from '../../notices/mattermostMarkdown';

// A web form's text becomes the task's Markdown description. Submitters are
// outside the firm: what they write is shown literally — no links, mentions,
// headings, quotes or code blocks of theirs — and the extra fields follow as
// a list.

const WORD_JOINER = '\u2060';
/** What starts a block at the beginning of a line: heading, quote, list, rule, setext underline, ordered list. */
const BLOCK_START = /^(#|>|-|\+|=|\d+[.)])/;

/** One line of the submitter's text, shown as written. */
function literalLine(line: string): string {
  const escaped = escapeInline(line);
  // A word joiner before a block marker keeps the line a plain paragraph line.
  return BLOCK_START.test(escaped) ? `${WORD_JOINER}${escaped}` : escaped;
}

/** The submitter's message, line by line (blank lines kept as paragraph breaks), then the extra fields as a list. */
export function intakeDescription(body: string | undefined, extras: Array<[string, string]>): string {
  const message = (body ?? '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() ? `${literalLine(line)}  ` : ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const fields = extras.filter(([, value]) => value.trim()).map(([key, value]) => `- ${escapeInline(key)}: ${escapeInline(value)}`);
  return [message, fields.join('\n')].filter(Boolean).join('\n\n');
}
