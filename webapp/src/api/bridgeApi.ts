// Typed calls the panel makes, one function per route, each naming the
// contract schema its answer must match.
import * as z from 'zod';

import type {BridgeClient} from './bridgeClient';
import {myCountersSchema, taskListPageSchema, taskSchema} from './contract';
import type {MyCountersView, Task, TASK_SORT_FIELDS, TaskListPage, TaskListQuery} from './contract';

type SortField = Exclude<(typeof TASK_SORT_FIELDS)[number], 'due'>;
/** `-updatedAt` (the default), `priority`, `due:legal`, …; a leading `-` sorts descending. */
export type TaskSortText = `${'' | '-'}${SortField}` | `${'' | '-'}due:${string}`;

/**
 * The filters of GET /api/v1/tasks, typed from the contract's parsed query:
 * lists are arrays and flags booleans here; taskListQueryString writes them
 * the way the bridge reads them (comma lists, `true`/`false`).
 */
export type TaskListFilters = Partial<Omit<TaskListQuery, 'sort' | 'limit' | 'cursor'>> & {sort?: TaskSortText};

export type PageRequest = {
  limit?: number;
  /** The previous page's nextCursor, unchanged. */
  cursor?: string;
};

type QueryValue = string | number | boolean | readonly string[] | undefined;

export function taskListQueryString(filters: TaskListFilters, page: PageRequest = {}): URLSearchParams {
  const query = new URLSearchParams();
  const entries: [string, QueryValue][] = [...Object.entries(filters), ['limit', page.limit], ['cursor', page.cursor]];
  for (const [name, value] of entries) {
    if (value === undefined) {
      continue;
    }
    query.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  return query;
}

// GET /readyz has no schema in the contract (the health routes are not part
// of /api/v1); this is its answer as server-bridge/src/http/routes/health.ts writes it.
export const readinessSchema = z.object({status: z.literal('ready'), engine: z.string()});

export type Readiness = z.infer<typeof readinessSchema>;

export type BridgeApi = {
  listTasks(filters?: TaskListFilters, page?: PageRequest, signal?: AbortSignal): Promise<TaskListPage>;
  getTask(idOrKey: string, signal?: AbortSignal): Promise<Task>;
  /** The sidebar counters: open tasks with me, the overdue ones, handoffs waiting on others. */
  getMyCounters(signal?: AbortSignal): Promise<MyCountersView>;
  /** Resolves when the bridge can serve requests; a 503 BridgeError (`baton.not_ready`) says why not. */
  checkHealth(signal?: AbortSignal): Promise<Readiness>;
};

export function createBridgeApi(client: BridgeClient): BridgeApi {
  const withSignal = (signal: AbortSignal | undefined) => (signal ? {signal} : {});
  return {
    listTasks: (filters = {}, page = {}, signal) =>
      client.request('GET', '/api/v1/tasks', {schema: taskListPageSchema, query: taskListQueryString(filters, page), ...withSignal(signal)}),
    getTask: (idOrKey, signal) =>
      client.request('GET', `/api/v1/tasks/${encodeURIComponent(idOrKey)}`, {schema: taskSchema, ...withSignal(signal)}),
    getMyCounters: (signal) => client.request('GET', '/api/v1/me/counters', {schema: myCountersSchema, ...withSignal(signal)}),
    checkHealth: (signal) => client.request('GET', '/readyz', {schema: readinessSchema, ...withSignal(signal)}),
  };
}
