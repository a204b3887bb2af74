import {type ExpressionBuilder, type Kysely, sql, type SqlBool, type Expression} from 'kysely';
import type {TaskListing} from '../domain/tasks/ports';
import type {DatabaseSchema} from './schema';
import {afterPosition, decodeCursor, encodeCursor, keyAsText, orderKeys} from './taskListOrder';
import {taskMatchesSearch} from './taskSearch';

// GET /api/v1/tasks (and its counts) as SQL: visibility first (the caller's channels, or
// personal tasks they created, hold or watch — never for guests), then the
// filters, then the order and one page after the cursor (taskListOrder.ts).

type Tasks = ExpressionBuilder<DatabaseSchema, 'tasks'>;

export async function listTaskIds(db: Kysely<DatabaseSchema>, listing: TaskListing): Promise<{ids: string[]; nextCursor: string | null}> {
  const {viewer, filters, sort} = listing;
  const statuses = await statusIdsByCategory(db, [filters]);
  let query = db
    .selectFrom('tasks')
    .select('tasks.id')
    .where((eb) => eb.and([visibleUnder(eb, viewer, filters), ...filterConditions(eb, listing, statuses)]));

  const keys = orderKeys(sort, filters.search);
  if (listing.cursor) query = query.where(afterPosition(keys, decodeCursor(listing.cursor, keys)));
  for (const key of keys) query = query.orderBy(key.expression, key.direction);
  const rows = await query
    .select(keys.map((key, index) => keyAsText(key).as(`k${index}`)))
    .limit(listing.limit + 1)
    .execute();
  const page = rows.slice(0, listing.limit);
  const last = page.at(-1) as Record<string, string> | undefined;
  const more = rows.length > listing.limit && last !== undefined;
  return {ids: page.map((row) => row.id), nextCursor: more ? encodeCursor(keys.map((_, index) => last[`k${index}`]!)) : null};
}

/**
 * How many tasks the viewer may see match each set of filters: one query, one
 * `count(*) filter (where …)` per set, with exactly the visibility and the
 * filter conditions of the listing above (GET /api/v1/me/counters).
 */
export async function countTaskIds<Name extends string>(
  db: Kysely<DatabaseSchema>,
  counting: {viewer: TaskListing['viewer']; now: Date; lists: Record<Name, TaskListing['filters']>},
): Promise<Record<Name, number>> {
  const names = Object.keys(counting.lists) as Name[];
  if (names.length === 0) return {} as Record<Name, number>;
  const statuses = await statusIdsByCategory(db, Object.values<TaskListing['filters']>(counting.lists));
  const row = await db
    .selectFrom('tasks')
    .where((eb) => visibleTo(eb, counting.viewer))
    .select((eb) =>
      names.map((name, index) => {
        const conditions = filterConditions(eb, {filters: counting.lists[name], now: counting.now}, statuses);
        const matches = conditions.length > 0 ? eb.and(conditions) : sql<SqlBool>`true`;
        return sql<number>`(count(*) filter (where ${matches}))::int`.as(`c${index}`);
      }),
    )
    .executeTakeFirstOrThrow();
  const counts = row as Record<string, number>;
  return Object.fromEntries(names.map((name, index) => [name, Number(counts[`c${index}`] ?? 0)])) as Record<Name, number>;
}

/** The status ids of each category; empty when no filter needs them. */
type StatusIdsByCategory = Record<'open' | 'closed', string[]>;

/**
 * Status categories resolved to status ids before the listing query, which
 * then carries them as a literal list. As a subquery (`status_id in (select
 * id from task_statuses where category = …)`) the planner cannot estimate how
 * many tasks match, so at a million tasks it scanned and sorted every task
 * of a channel (404 ms) instead of walking the channel's index in the
 * listing's order and stopping after one page (17 ms).
 */
async function statusIdsByCategory(db: Kysely<DatabaseSchema>, filterSets: Array<TaskListing['filters']>): Promise<StatusIdsByCategory> {
  const resolved: StatusIdsByCategory = {open: [], closed: []};
  if (!filterSets.some((filters) => filters.statusCategory !== undefined || filters.overdue !== undefined)) return resolved;
  const rows = await db.selectFrom('task_statuses').select(['id', 'category']).orderBy('id').execute();
  for (const row of rows) resolved[row.category].push(row.id);
  return resolved;
}

function statusIn(eb: Tasks, ids: string[]): Expression<SqlBool> {
  return ids.length > 0 ? eb('tasks.status_id', 'in', ids) : sql<SqlBool>`false`;
}

/** Every filter of a listing as conditions on `tasks` (they combine with AND); visibility is separate. */
function filterConditions(eb: Tasks, {filters, now}: Pick<TaskListing, 'filters' | 'now'>, statuses: StatusIdsByCategory): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.holderId) conditions.push(eb('tasks.holder_id', '=', filters.holderId));
  if (filters.creatorId) conditions.push(eb('tasks.creator_id', '=', filters.creatorId));
  if (filters.channelId) conditions.push(eb('tasks.channel_id', '=', filters.channelId));
  if (filters.handedById) conditions.push(eb('tasks.handed_by_id', '=', filters.handedById));
  if (filters.accepted !== undefined) conditions.push(eb('tasks.accepted_at', filters.accepted ? 'is not' : 'is', null));
  if (filters.parentId) conditions.push(eb('tasks.parent_id', '=', filters.parentId));
  if (filters.caseId) conditions.push(eb('tasks.case_id', '=', filters.caseId));
  if (filters.label) conditions.push(sql<SqlBool>`tasks.labels @> ${sql.val([filters.label])}::text[]`);
  if (filters.priorities?.length) conditions.push(eb('tasks.priority', 'in', filters.priorities as Array<'low' | 'normal' | 'high' | 'urgent'>));
  if (filters.statusIds?.length) conditions.push(eb('tasks.status_id', 'in', filters.statusIds));
  if (filters.statusCategory) conditions.push(statusIn(eb, statuses[filters.statusCategory]));
  if (filters.watcherId) {
    const watcher = filters.watcherId;
    conditions.push(eb.exists(eb.selectFrom('task_watchers as w').select('w.user_id').whereRef('w.task_id', '=', 'tasks.id').where('w.user_id', '=', watcher)));
  }
  const due = dueCondition({filters, now}, statuses.open);
  if (due) conditions.push(due(eb));
  if (filters.search) conditions.push(taskMatchesSearch(filters.search)(eb));
  return conditions;
}

/**
 * visibleTo, simplified where the listing's own filters already decide part
 * of it; the same tasks pass `visibleUnder and filters` as `visibleTo and
 * filters` (taskListVisibility.test.ts compares both), but the planner gets a
 * condition it can walk an index with instead of an OR across the table.
 */
export function visibleUnder(eb: Tasks, viewer: TaskListing['viewer'], filters: TaskListing['filters']): Expression<SqlBool> {
  // channel_id = C is never null, so the personal branch is false and the
  // channel branch is a constant: C is one of the viewer's channels or not.
  if (filters.channelId) return viewer.channelIds.includes(filters.channelId) ? sql<SqlBool>`true` : sql<SqlBool>`false`;
  // Holder, creator or watcher = the viewer makes the personal branch's
  // "created, holds or watches" true, leaving "has no channel". Guests see
  // no personal tasks, so theirs stays as it is.
  const viewerIsNamed = [filters.holderId, filters.creatorId, filters.watcherId].some((id) => id !== undefined && id === viewer.userId);
  if (!viewer.guest && viewerIsNamed) return eb.or([inChannels(eb, viewer.channelIds), eb('tasks.channel_id', 'is', null)]);
  return visibleTo(eb, viewer);
}

function inChannels(eb: Tasks, channelIds: string[]): Expression<SqlBool> {
  return channelIds.length > 0 ? eb('tasks.channel_id', 'in', channelIds) : sql<SqlBool>`false`;
}

/** Which tasks the viewer may see, as a condition on `tasks` (shared with the stats in statsQueries.ts). */
export function visibleTo(eb: Tasks, viewer: TaskListing['viewer']): Expression<SqlBool> {
  const inMyChannels = inChannels(eb, viewer.channelIds);
  if (viewer.guest) return inMyChannels;
  const personal = eb.and([
    eb('tasks.channel_id', 'is', null),
    eb.or([
      eb('tasks.creator_id', '=', viewer.userId),
      eb('tasks.holder_id', '=', viewer.userId),
      eb.exists(eb.selectFrom('task_watchers as pw').select('pw.user_id').whereRef('pw.task_id', '=', 'tasks.id').where('pw.user_id', '=', viewer.userId)),
    ]),
  ]);
  return eb.or([inMyChannels, personal]);
}

/** dueBefore / dueAfter / overdue, on one deadline kind or on any. */
function dueCondition({filters, now}: Pick<TaskListing, 'filters' | 'now'>, openStatusIds: string[]): ((eb: Tasks) => Expression<SqlBool>) | undefined {
  const {dueKind, dueBefore, dueAfter, overdue} = filters;
  if (!dueBefore && !dueAfter && overdue === undefined) return undefined;
  return (eb) => {
    const deadlineWhere = (extra: Expression<SqlBool>[]) =>
      eb.exists(
        eb
          .selectFrom('task_deadlines as d')
          .select('d.kind')
          .whereRef('d.task_id', '=', 'tasks.id')
          .where((inner) => inner.and([...(dueKind ? [inner('d.kind', '=', dueKind)] : []), ...extra])),
      );
    const conditions: Expression<SqlBool>[] = [];
    if (dueBefore || dueAfter) {
      conditions.push(deadlineWhere([...(dueBefore ? [sql<SqlBool>`d.due_at < ${dueBefore}`] : []), ...(dueAfter ? [sql<SqlBool>`d.due_at > ${dueAfter}`] : [])]));
    }
    if (overdue !== undefined) {
      const isOverdue = eb.and([
        statusIn(eb, openStatusIds),
        deadlineWhere([sql<SqlBool>`d.due_at < ${now}`]),
      ]);
      conditions.push(overdue ? isOverdue : eb.not(isOverdue));
    }
    return eb.and(conditions);
  };
}
