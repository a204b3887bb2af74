import {type Expression, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool, sql} from 'kysely';
import {documentTerms, documentText, type SearchPlan, searchTextFieldSeparator} from '../domain/search/searchTerms';
import type {DatabaseSchema} from './schema';

// Full-text search over tasks and their live comments. What matches is
// defined in domain/search/searchTerms.ts; here it becomes SQL that both
// engines run alike: `search_terms @> terms` picks candidates through the GIN
// index, `strpos(search_text, needle) > 0` decides. Both compare exact
// characters, so neither depends on the database's locale or collation.

/** The search columns of a row; write them on every insert and update. */
export interface SearchFields {
  search_terms: string[];
  search_text: string;
}

/** Title first: ranking takes a match in the first field as a title hit. */
export function searchFieldsForTask(task: {title: string; description: string; case_id: string | null}): SearchFields {
  const fields = [task.title, task.description, task.case_id ?? ''];
  return {search_terms: documentTerms(...fields), search_text: documentText(...fields)};
}

export function searchFieldsForComment(comment: {body: string}): SearchFields {
  return {search_terms: documentTerms(comment.body), search_text: documentText(comment.body)};
}

/** The row under this alias stores every term and contains every needle. */
function rowMatches(alias: 'tasks' | 'task_comments', plan: SearchPlan): RawBuilder<SqlBool> {
  const terms = sql.ref(`${alias}.search_terms`);
  const text = sql.ref(`${alias}.search_text`);
  const conditions = [sql`${terms} @> ${sql.val(plan.terms)}::text[]`, ...plan.needles.map((needle) => sql`strpos(${text}, ${needle}) > 0`)];
  return sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

/**
 * The task itself matches, or one of its live comments does, as a condition
 * on `tasks`. The comment side is an array of task ids computed once
 * (`tasks.id = any(array(…))`), not a correlated `exists`: then both sides
 * are index conditions (the GIN index on search_terms, the primary key), the
 * planner combines them into one bitmap with the visibility and filter
 * conditions (BitmapOr, BitmapAnd) and reads each candidate task once. At a
 * million tasks, a term in 10,000 of them took 148 ms as
 * `id in (tasks … union comments …)` (every candidate fetched twice, then
 * checked for visibility one by one) and 28 ms so.
 */
export function taskMatchesSearch(plan: SearchPlan) {
  return (_eb: ExpressionBuilder<DatabaseSchema, 'tasks'>): Expression<SqlBool> => {
    const commentedTaskIds = sql`array(select task_comments.task_id from task_comments where task_comments.deleted_at is null and ${rowMatches('task_comments', plan)})`;
    return sql<SqlBool>`(${rowMatches('tasks', plan)} or tasks.id = any(${commentedTaskIds}))`;
  };
}

/** 0 when the whole query matches the title, else 1: sort ascending. */
export function titleHitRank(plan: SearchPlan): RawBuilder<number> {
  const title = sql`split_part(${sql.ref('tasks.search_text')}, ${searchTextFieldSeparator}, 1)`;
  const hits = sql.join(plan.needles.map((needle) => sql`strpos(${title}, ${needle}) > 0`), sql` and `);
  return sql<number>`case when ${hits} then 0 else 1 end`;
}

export interface TaskSearchOptions {
  /** Further conditions on the task (visibility, filters), in the same query. */
  where?: (eb: ExpressionBuilder<DatabaseSchema, 'tasks'>) => Expression<SqlBool>;
  /** At most this many ids (default 50). */
  limit?: number;
}

/** Ids of matching tasks: title hits first, then the most recently updated. */
export async function searchTaskIds(db: Kysely<DatabaseSchema>, plan: SearchPlan, options: TaskSearchOptions = {}): Promise<string[]> {
  let query = db.selectFrom('tasks').select('tasks.id').where(taskMatchesSearch(plan));
  if (options.where) query = query.where(options.where);
  const rows = await query
    .orderBy(titleHitRank(plan))
    .orderBy('tasks.updated_at', 'desc')
    .orderBy('tasks.id', 'desc')
    .limit(options.limit ?? 50)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Recomputes a task's search columns from its stored title, description and
 * case id. For partial updates that do not carry all three: call it in the
 * same transaction, after the update.
 */
export async function refreshTaskSearchFields(db: Kysely<DatabaseSchema>, taskId: string): Promise<void> {
  const task = await db.selectFrom('tasks').select(['title', 'description', 'case_id']).where('id', '=', taskId).executeTakeFirst();
  if (task) await db.updateTable('tasks').set(searchFieldsForTask(task)).where('id', '=', taskId).execute();
}
