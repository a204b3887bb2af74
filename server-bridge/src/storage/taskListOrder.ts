import {sql, type Expression, type RawBuilder, type SqlBool} from 'kysely';
import type {TaskListing} from '../domain/tasks/ports';
import {errors} from '../errors';
import type {SearchPlan} from '../domain/search/searchTerms';
import {titleHitRank} from './taskSearch';

// The order of GET /api/v1/tasks as a list of sort keys, and keyset paging on
// them: a cursor carries the sort-key values of the last task shown, and the
// next page starts strictly after that position. Unlike an offset, a page
// neither repeats nor skips tasks when others are created, edited or closed
// between requests (a task whose own sort value changes may move, as in any
// live list). Every order ends with the task id, so positions are unique.

type KeyType = 'timestamptz' | 'int' | 'text';

export interface OrderKey {
  expression: RawBuilder<unknown>;
  direction: 'asc' | 'desc';
  type: KeyType;
}

const PRIORITY_RANK = sql<number>`case tasks.priority when 'urgent' then 4 when 'high' then 3 when 'normal' then 2 else 1 end`;
// Stand-ins for "no deadline of that kind" so such tasks sort last in either
// direction and the key never is null (null breaks row comparisons).
const LATEST = sql`'9999-12-31T00:00:00Z'::timestamptz`;
const EARLIEST = sql`'0001-01-01T00:00:00Z'::timestamptz`;

export function orderKeys(sort: TaskListing['sort'], search: SearchPlan | undefined): OrderKey[] {
  const direction = sort.descending ? 'desc' : 'asc';
  // Search results rank title hits first, then the chosen order.
  const keys: OrderKey[] = search ? [{expression: titleHitRank(search), direction: 'asc', type: 'int'}] : [];
  switch (sort.by) {
    case 'updatedAt':
      keys.push({expression: sql`tasks.updated_at`, direction, type: 'timestamptz'});
      break;
    case 'createdAt':
      keys.push({expression: sql`tasks.created_at`, direction, type: 'timestamptz'});
      break;
    case 'priority':
      keys.push({expression: PRIORITY_RANK, direction, type: 'int'}, {expression: sql`tasks.updated_at`, direction: 'desc', type: 'timestamptz'});
      break;
    case 'key':
      // PAT-9 before PAT-10: prefix, then the number.
      keys.push({expression: sql`split_part(tasks.key, '-', 1)`, direction, type: 'text'}, {expression: sql`split_part(tasks.key, '-', 2)::int`, direction, type: 'int'});
      break;
    case 'due': {
      const dueAt = sql`(select d.due_at from task_deadlines d where d.task_id = tasks.id and d.kind = ${sort.dueKind ?? ''})`;
      keys.push({expression: sql`coalesce(${dueAt}, ${sort.descending ? EARLIEST : LATEST})`, direction, type: 'timestamptz'});
      break;
    }
  }
  keys.push({expression: sql`tasks.id`, direction, type: 'text'});
  return keys;
}

/** The key's value as text that casts back exactly (timestamps to the microsecond, in UTC). */
export function keyAsText(key: OrderKey): RawBuilder<string> {
  if (key.type === 'timestamptz') return sql<string>`to_char(${key.expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  return sql<string>`(${key.expression})::text`;
}

/** Rows strictly after `values` in the order of `keys` (lexicographic, per-key direction). */
export function afterPosition(keys: OrderKey[], values: string[]): Expression<SqlBool> {
  const typed = (index: number) => sql`cast(${values[index]} as ${sql.raw(keys[index]!.type)})`;
  // One direction throughout: a row comparison, which means the same for keys
  // that are never null and which the planner can start an index walk at
  // (e.g. tasks_channel_idx for the next page of a board).
  const direction = keys[0]?.direction;
  if (keys.every((key) => key.direction === direction)) {
    return sql<SqlBool>`((${sql.join(keys.map((key) => key.expression))}) ${sql.raw(direction === 'asc' ? '>' : '<')} (${sql.join(keys.map((_, index) => typed(index)))}))`;
  }
  const alternatives = keys.map((key, index) => {
    const equalBefore = keys.slice(0, index).map((earlier, j) => sql`${earlier.expression} = ${typed(j)}`);
    const beyond = sql`${key.expression} ${sql.raw(key.direction === 'asc' ? '>' : '<')} ${typed(index)}`;
    return sql`(${sql.join([...equalBefore, beyond], sql` and `)})`;
  });
  return sql<SqlBool>`(${sql.join(alternatives, sql` or `)})`;
}

const VALUE_SHAPES: Record<KeyType, RegExp> = {
  timestamptz: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
  int: /^-?\d{1,9}$/,
  text: /^[\s\S]{0,200}$/,
};

export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The values a cursor carries, checked against the order they are used with (never reaching SQL malformed). */
export function decodeCursor(cursor: string, keys: OrderKey[]): string[] {
  const invalid = () => errors.invalidRequest([{field: 'cursor', message: 'cursor: must be the nextCursor of the previous page with the same sort, unchanged'}]);
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== keys.length) throw invalid();
  return values.map((value, index) => {
    if (typeof value !== 'string' || !VALUE_SHAPES[keys[index]!.type].test(value)) throw invalid();
    return value;
  });
}
