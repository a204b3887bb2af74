import * as z from 'zod';
import {mustBe, strictRequest} from './messages';

// Lists are read in pages: `limit` items, then `cursor` (an opaque token the
// bridge returned as `nextCursor`) for the next page. Query-string values
// arrive as text, so `limit` is coerced to a number.

export const LIMIT_MAX = 200;
export const LIMIT_DEFAULT = 50;

const limitRule = mustBe(`a whole number from 1 to ${LIMIT_MAX}`);
export const limit = z.coerce.number(limitRule).int(limitRule).min(1, limitRule).max(LIMIT_MAX, limitRule).default(LIMIT_DEFAULT);

const cursorRule = mustBe('the nextCursor of the previous page, unchanged');
export const cursor = z.string(cursorRule).regex(/^[A-Za-z0-9_.~=-]{1,512}$/, cursorRule);

export const pageQueryShape = {limit, cursor: cursor.optional()};

/** Query of the comment and timeline lists (oldest first). */
export const pageQuerySchema = strictRequest(pageQueryShape);

export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({description: 'Pass as `cursor` to read the next page; null on the last page.'}),
  });
}

export type PageQuery = z.output<typeof pageQuerySchema>;
