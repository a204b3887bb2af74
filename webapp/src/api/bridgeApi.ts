// Typed calls the panel makes, one function per route, each naming the
// contract schema its answer must match.
import * as z from 'zod';

import type {BridgeClient} from './bridgeClient';
import {
  commentPageSchema,
  commentSchema,
  myCountersSchema,
  taskListPageSchema,
  taskSchema,
  timelinePageSchema,
  userSettingsSchema,
  workflowRunSchema,
  workflowTemplateListSchema,
} from './contract';
import type {
  Comment,
  CommentPage,
  MyCountersView,
  Task,
  TASK_SORT_FIELDS,
  TaskCreateInput,
  TaskListPage,
  TaskListQuery,
  TaskPatchInput,
  TimelinePage,
  UserSettingsBody,
  UserSettingsPatch,
  WorkflowRunBody,
  WorkflowTemplateBody,
  workflowRunStartSchema,
} from './contract';

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

/** POST …/transition without its version (sent as If-Match). */
export type TransitionRequest = {statusId: string; comment?: string; nextHolderId?: string};
/** POST …/handoff without its version (sent as If-Match). */
export type HandoffRequest = {toUserId: string; comment?: string};
/** PATCH /api/v1/tasks/{idOrKey} without its version (sent as If-Match). */
export type TaskChanges = Omit<TaskPatchInput, 'version'>;
/** POST /api/v1/workflows/{ref}/runs, as a client sends it (defaults may be left out). */
export type WorkflowRunRequest = z.input<typeof workflowRunStartSchema>;

// 204 answers (watch, unwatch) have no body: the client reads it as undefined.
const noContentSchema = z.undefined();

export type BridgeApi = {
  listTasks(filters?: TaskListFilters, page?: PageRequest, signal?: AbortSignal): Promise<TaskListPage>;
  getTask(idOrKey: string, signal?: AbortSignal): Promise<Task>;
  /** A task's comments, oldest first, one page. */
  listComments(idOrKey: string, page?: PageRequest, signal?: AbortSignal): Promise<CommentPage>;
  /** A task's timeline (who changed what, when), oldest first, one page. */
  listTimeline(idOrKey: string, page?: PageRequest, signal?: AbortSignal): Promise<TimelinePage>;
  addComment(idOrKey: string, body: string): Promise<Comment>;
  /** The holder takes the handoff; `version` is sent as If-Match. */
  accept(idOrKey: string, version: number): Promise<Task>;
  /** The holder refuses the handoff; the baton goes back to the sender. */
  decline(idOrKey: string, version: number, reason: string): Promise<Task>;
  transition(idOrKey: string, version: number, change: TransitionRequest): Promise<Task>;
  handOff(idOrKey: string, version: number, handoff: HandoffRequest): Promise<Task>;
  createTask(task: TaskCreateInput): Promise<Task>;
  /** Changes the editable fields (title, description, priority, deadlines, …); `version` is sent as If-Match. */
  patchTask(idOrKey: string, version: number, changes: TaskChanges): Promise<Task>;
  /** The caller watches the task (idempotent). */
  watch(idOrKey: string): Promise<void>;
  unwatch(idOrKey: string): Promise<void>;
  listWorkflowTemplates(signal?: AbortSignal): Promise<{items: WorkflowTemplateBody[]}>;
  /** Starts a run of a template (by id or name); its first step's holder gets the baton. */
  startWorkflowRun(templateRef: string, run: WorkflowRunRequest): Promise<WorkflowRunBody>;
  getMySettings(signal?: AbortSignal): Promise<UserSettingsBody>;
  patchMySettings(changes: UserSettingsPatch): Promise<UserSettingsBody>;
  /** The sidebar counters: open tasks with me, the overdue ones, handoffs waiting on others. */
  getMyCounters(signal?: AbortSignal): Promise<MyCountersView>;
  /** Resolves when the bridge can serve requests; a 503 BridgeError (`baton.not_ready`) says why not. */
  checkHealth(signal?: AbortSignal): Promise<Readiness>;
};

export function createBridgeApi(client: BridgeClient): BridgeApi {
  const withSignal = (signal: AbortSignal | undefined) => (signal ? {signal} : {});
  const taskPath = (idOrKey: string, action = '') => `/api/v1/tasks/${encodeURIComponent(idOrKey)}${action}`;
  const pageQuery = (page: PageRequest) => taskListQueryString({}, page);
  return {
    listTasks: (filters = {}, page = {}, signal) =>
      client.request('GET', '/api/v1/tasks', {schema: taskListPageSchema, query: taskListQueryString(filters, page), ...withSignal(signal)}),
    getTask: (idOrKey, signal) =>
      client.request('GET', `/api/v1/tasks/${encodeURIComponent(idOrKey)}`, {schema: taskSchema, ...withSignal(signal)}),
    listComments: (idOrKey, page = {}, signal) =>
      client.request('GET', taskPath(idOrKey, '/comments'), {schema: commentPageSchema, query: pageQuery(page), ...withSignal(signal)}),
    listTimeline: (idOrKey, page = {}, signal) =>
      client.request('GET', taskPath(idOrKey, '/timeline'), {schema: timelinePageSchema, query: pageQuery(page), ...withSignal(signal)}),
    addComment: (idOrKey, body) => client.request('POST', taskPath(idOrKey, '/comments'), {schema: commentSchema, body: {body}}),
    accept: (idOrKey, version) => client.request('POST', taskPath(idOrKey, '/accept'), {schema: taskSchema, body: {}, ifMatch: version}),
    decline: (idOrKey, version, reason) => client.request('POST', taskPath(idOrKey, '/decline'), {schema: taskSchema, body: {reason}, ifMatch: version}),
    transition: (idOrKey, version, change) => client.request('POST', taskPath(idOrKey, '/transition'), {schema: taskSchema, body: change, ifMatch: version}),
    handOff: (idOrKey, version, handoff) => client.request('POST', taskPath(idOrKey, '/handoff'), {schema: taskSchema, body: handoff, ifMatch: version}),
    createTask: (task) => client.request('POST', '/api/v1/tasks', {schema: taskSchema, body: task}),
    patchTask: (idOrKey, version, changes) => client.request('PATCH', taskPath(idOrKey), {schema: taskSchema, body: changes, ifMatch: version}),
    watch: (idOrKey) => client.request('PUT', taskPath(idOrKey, '/watch'), {schema: noContentSchema}),
    unwatch: (idOrKey) => client.request('DELETE', taskPath(idOrKey, '/watch'), {schema: noContentSchema}),
    listWorkflowTemplates: (signal) => client.request('GET', '/api/v1/workflows', {schema: workflowTemplateListSchema, ...withSignal(signal)}),
    startWorkflowRun: (templateRef, run) =>
      client.request('POST', `/api/v1/workflows/${encodeURIComponent(templateRef)}/runs`, {schema: workflowRunSchema, body: run}),
    getMySettings: (signal) => client.request('GET', '/api/v1/me/settings', {schema: userSettingsSchema, ...withSignal(signal)}),
    patchMySettings: (changes) => client.request('PATCH', '/api/v1/me/settings', {schema: userSettingsSchema, body: changes}),
    getMyCounters: (signal) => client.request('GET', '/api/v1/me/counters', {schema: myCountersSchema, ...withSignal(signal)}),
    checkHealth: (signal) => client.request('GET', '/readyz', {schema: readinessSchema, ...withSignal(signal)}),
  };
}
