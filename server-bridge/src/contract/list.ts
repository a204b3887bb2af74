import * as z from 'zod';
import {
  caseId,
  channelId,
  DEADLINE_KIND,
  deadlineKind,
  instantWithOffset,
  label,
  PRIORITIES,
  priority,
  statusCategory,
  statusId,
  taskRef,
  userId,
} from './fields';
import {mustBe, strictRequest} from './messages';
import {pageOf, pageQueryShape} from './pagination';
import {taskSchema} from './task';

// GET /api/v1/tasks: filters, sort and paging as query-string parameters.
// Every filter narrows the list (they combine with AND); a comma list
// matches any of its values.

function commaList<Item extends z.ZodType<string, string>>(item: Item, allowed: string, max: number) {
  const rule = mustBe(`${allowed}, separated by commas (at most ${max})`);
  return z
    .string(rule)
    .transform((text) => text.split(',').map((part) => part.trim()).filter((part) => part !== ''))
    .pipe(z.array(item, rule).min(1, rule).max(max, rule))
    .meta({description: `${allowed}, separated by commas; matches any of them`});
}

const booleanText = z.enum(['true', 'false'], mustBe('true or false')).transform((text) => text === 'true');

const searchRule = mustBe('search text of 1–200 characters');
const searchText = z.string(searchRule).trim().min(1, searchRule).max(200, searchRule);

export const TASK_SORT_FIELDS = ['updatedAt', 'createdAt', 'priority', 'key', 'due'] as const;

export interface TaskSort {
  by: (typeof TASK_SORT_FIELDS)[number];
  /** For `by: 'due'`: which deadline kind orders the list (tasks without one come last). */
  dueKind: string | null;
  descending: boolean;
}

const SORT = new RegExp(`^(-?)(updatedAt|createdAt|priority|key|due:(${DEADLINE_KIND.source.slice(1, -1)}))$`);
const sortRule = mustBe('one of updatedAt, createdAt, priority, key or due:<kind> (e.g. due:legal), with a leading - for descending order');

export function parseTaskSort(text: string): TaskSort {
  const [, minus, field, dueKind] = SORT.exec(text) ?? [];
  const by = dueKind ? 'due' : TASK_SORT_FIELDS.find((name) => name === field);
  if (!by) throw new Error(`not a task sort: ${text}`);
  return {by, dueKind: dueKind ?? null, descending: minus === '-'};
}

export const taskSort = z.string(sortRule).regex(SORT, sortRule).transform(parseTaskSort).prefault('-updatedAt');

/** Filters shared by the list and the export. */
export const taskFilterShape = {
  holderId: userId.optional(),
  creatorId: userId.optional(),
  channelId: channelId.optional(),
  watcherId: userId.optional(),
  handedById: userId.optional().meta({description: 'Tasks this user handed to their current holder; with accepted=false and statusCategory=open, the user’s “waiting on others” list.'}),
  accepted: booleanText.optional().meta({description: 'false: the holder has not accepted the handoff yet; true: accepted (or taken on without a handoff).'}),
  statusId: commaList(statusId, 'status ids', 20).optional(),
  statusCategory: statusCategory.optional(),
  priority: commaList(priority, `priorities (${PRIORITIES.join(', ')})`, PRIORITIES.length).optional(),
  label: label.optional(),
  caseId: caseId.optional(),
  parentId: taskRef.optional(),
  q: searchText.optional().meta({description: 'Search text: matches title, description and comments, in any language (CJK included).'}),
  dueKind: deadlineKind.optional().meta({description: 'The deadline kind dueBefore, dueAfter and overdue look at; omitted: any kind.'}),
  dueBefore: instantWithOffset.optional(),
  dueAfter: instantWithOffset.optional(),
  overdue: booleanText.optional().meta({description: 'true: only open tasks with a deadline (of dueKind) in the past; false: only tasks that are not overdue.'}),
  sort: taskSort,
};

export function dueRangeIsOrdered(query: {dueBefore?: string | undefined; dueAfter?: string | undefined}): boolean {
  return !query.dueBefore || !query.dueAfter || Date.parse(query.dueAfter) < Date.parse(query.dueBefore);
}

export const dueRangeRule = {error: 'must be earlier than dueBefore', path: ['dueAfter']};

export const taskListQuerySchema = strictRequest({...taskFilterShape, ...pageQueryShape}).refine(dueRangeIsOrdered, dueRangeRule);

export const taskListPageSchema = pageOf(taskSchema);

export type TaskListQuery = z.output<typeof taskListQuerySchema>;
export type TaskListPage = z.infer<typeof taskListPageSchema>;
