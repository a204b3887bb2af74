import {errors} from '../errors';

/**
 * One page of an oldest-first list that is read whole (a task's comments or
 * timeline: tens of items, not thousands). The cursor is the id of the last
 * item returned, so a page boundary stays put when newer items arrive.
 */
export function pageAfter<Item>(items: Item[], idOf: (item: Item) => string, limit: number, cursor: string | undefined): {items: Item[]; nextCursor: string | null} {
  let start = 0;
  if (cursor !== undefined) {
    const lastId = Buffer.from(cursor, 'base64url').toString('utf8');
    const index = items.findIndex((item) => idOf(item) === lastId);
    if (index < 0) throw errors.invalidRequest([{field: 'cursor', message: 'cursor: must be the nextCursor of the previous page, unchanged (that item no longer exists: start again without a cursor)'}]);
    start = index + 1;
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  const more = start + limit < items.length;
  return {items: page, nextCursor: more && last !== undefined ? Buffer.from(idOf(last), 'utf8').toString('base64url') : null};
}
