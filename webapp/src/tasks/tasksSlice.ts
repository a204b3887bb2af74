// The right-hand panel's task lists: every task loaded once (entities by id),
// four lists of ids (Mine, Waiting on others, This channel, Watching), each
// with its filters, paging cursor and request state, the tab shown and the
// selected task.
//
// For live updates (dispatch these plain actions into the host store):
//   taskChanged(task)  a task was created or changed: it replaces the stored
//                      copy, and each loaded list re-derives whether the task
//                      belongs to it from the task's fields and the list's
//                      filters (a list with search text, which only the bridge
//                      can evaluate, keeps or updates what it has but adds
//                      nothing new).
//   taskRemoved(id)    the task was deleted or can no longer be seen: it leaves
//                      every list (and the selection).
// And to catch up after a gap (reconnect): services.tasks.resync(), or
// dispatch resyncLists(services.tasks) — it refetches the visible list's
// first page with its current filters (tasks/taskLists.ts).
import type {Task, TaskListPage} from '../api/contract';
import type {TaskListFilters} from '../api/bridgeApi';
import type {ErrorText} from '../api/errorText';
import type {PlainAction} from '../plugin/hostTypes';

export const taskListIds = ['mine', 'waiting', 'channel', 'watching'] as const;
export type TaskListId = (typeof taskListIds)[number];

export type Priority = Task['priority'];

/** What the person chose in a list's filter bar. */
export type ListFilters = {
  /** null: open and closed. */
  statusCategory: 'open' | 'closed' | null;
  priority: Priority | null;
  label: string;
  /** Only overdue tasks: 'any' deadline kind or the named one (legal, …); null: no deadline filter. */
  overdue: string | null;
  /** Search text (the bridge's q). */
  q: string;
};

export const defaultListFilters: ListFilters = {statusCategory: 'open', priority: null, label: '', overdue: null, q: ''};

/** A failed request as the panel reports it: what the bridge (or the network) said. */
export type RequestFailure = {
  /** What the person is told (api/errorText.ts), worded when shown. */
  text: ErrorText;
  /** The error's own message (the bridge's English text), for logs and tests. */
  message: string;
  /** The bridge's stable error id, when it gave one. */
  id: string | null;
  requestId: string | null;
};

export type ListStatus = 'idle' | 'loading' | 'loaded' | 'error';

export type ListState = {
  filters: ListFilters;
  /** Who and where the list is about (holderId = me, channelId = current, …); null: nothing to ask yet. */
  scope: TaskListFilters | null;
  /** The filters of the page(s) in `ids`; null before the first answer. */
  loadedFilters: TaskListFilters | null;
  ids: string[];
  nextCursor: string | null;
  status: ListStatus;
  error: RequestFailure | null;
  more: 'idle' | 'loading' | 'error';
  moreError: RequestFailure | null;
};

export type TasksState = {
  entities: Record<string, Task>;
  lists: Record<TaskListId, ListState>;
  activeList: TaskListId;
  selectedTaskId: string | null;
};

export const initialListState: ListState = {
  filters: defaultListFilters,
  scope: null,
  loadedFilters: null,
  ids: [],
  nextCursor: null,
  status: 'idle',
  error: null,
  more: 'idle',
  moreError: null,
};

export const initialTasksState: TasksState = {
  entities: {},
  lists: {mine: initialListState, waiting: initialListState, channel: initialListState, watching: initialListState},
  activeList: 'mine',
  selectedTaskId: null,
};

/** The query a list asks the bridge: its scope plus the person's filters. */
export function listQuery(list: Pick<ListState, 'scope' | 'filters'>): TaskListFilters | null {
  if (!list.scope) {
    return null;
  }
  const {statusCategory, priority, label, overdue, q} = list.filters;
  const query: TaskListFilters = {...list.scope};
  if (statusCategory) query.statusCategory = statusCategory;
  if (priority) query.priority = [priority];
  if (label.trim()) query.label = label.trim();
  if (overdue) {
    query.overdue = true;
    if (overdue !== 'any') query.dueKind = overdue;
  }
  if (q.trim()) query.q = q.trim();
  return query;
}

/**
 * yes / no from the task's own fields; unknown when a filter needs the bridge
 * or the clock (search text, parent by key, due ranges, overdue). dueKind on
 * its own narrows nothing (it names the kind the due filters look at).
 */
export function taskMatches(task: Task, filters: TaskListFilters): 'yes' | 'no' | 'unknown' {
  const checks: boolean[] = [
    filters.holderId === undefined || task.holderId === filters.holderId,
    filters.creatorId === undefined || task.creatorId === filters.creatorId,
    filters.channelId === undefined || task.channelId === filters.channelId,
    filters.handedById === undefined || task.handedById === filters.handedById,
    filters.watcherId === undefined || task.watcherIds.includes(filters.watcherId),
    filters.accepted === undefined || (task.acceptedAt !== null) === filters.accepted,
    filters.statusCategory === undefined || task.status.category === filters.statusCategory,
    filters.statusId === undefined || filters.statusId.includes(task.statusId),
    filters.priority === undefined || filters.priority.includes(task.priority),
    filters.label === undefined || task.labels.includes(filters.label),
    filters.caseId === undefined || task.caseRef?.id === filters.caseId,
  ];
  if (checks.includes(false)) {
    return 'no';
  }
  const needsBridge = [filters.q, filters.parentId, filters.dueBefore, filters.dueAfter, filters.overdue].some((value) => value !== undefined);
  return needsBridge ? 'unknown' : 'yes';
}

const types = {
  tabSelected: 'baton/tasks/tabSelected',
  taskSelected: 'baton/tasks/taskSelected',
  scopeSet: 'baton/tasks/scopeSet',
  filtersChanged: 'baton/tasks/filtersChanged',
  pageRequested: 'baton/tasks/pageRequested',
  pageLoaded: 'baton/tasks/pageLoaded',
  pageFailed: 'baton/tasks/pageFailed',
  taskChanged: 'baton/tasks/taskChanged',
  taskRemoved: 'baton/tasks/taskRemoved',
} as const;

type Append = {append: boolean};

export type TasksAction =
  | {type: typeof types.tabSelected; list: TaskListId}
  | {type: typeof types.taskSelected; taskId: string | null}
  | {type: typeof types.scopeSet; list: TaskListId; scope: TaskListFilters | null}
  | {type: typeof types.filtersChanged; list: TaskListId; filters: Partial<ListFilters>}
  | ({type: typeof types.pageRequested; list: TaskListId} & Append)
  | ({type: typeof types.pageLoaded; list: TaskListId; filters: TaskListFilters; page: TaskListPage} & Append)
  | ({type: typeof types.pageFailed; list: TaskListId; failure: RequestFailure} & Append)
  | {type: typeof types.taskChanged; task: Task}
  | {type: typeof types.taskRemoved; id: string};

export const tabSelected = (list: TaskListId): TasksAction => ({type: types.tabSelected, list});
/** Selects the task the panel shows in detail (detail/taskDetail.tsx); null clears it. */
export const taskSelected = (taskId: string | null): TasksAction => ({type: types.taskSelected, taskId});
export const scopeSet = (list: TaskListId, scope: TaskListFilters | null): TasksAction => ({type: types.scopeSet, list, scope});
export const filtersChanged = (list: TaskListId, filters: Partial<ListFilters>): TasksAction => ({type: types.filtersChanged, list, filters});
export const pageRequested = (list: TaskListId, append: boolean): TasksAction => ({type: types.pageRequested, list, append});
export const pageLoaded = (list: TaskListId, filters: TaskListFilters, page: TaskListPage, append: boolean): TasksAction =>
  ({type: types.pageLoaded, list, filters, page, append});
export const pageFailed = (list: TaskListId, failure: RequestFailure, append: boolean): TasksAction => ({type: types.pageFailed, list, failure, append});
/** Live updates: a task was created or changed. */
export const taskChanged = (task: Task): TasksAction => ({type: types.taskChanged, task});
/** Live updates: a task was deleted or is no longer visible. */
export const taskRemoved = (id: string): TasksAction => ({type: types.taskRemoved, id});

const tasksActionTypes: ReadonlySet<string> = new Set(Object.values(types));

function isTasksAction(action: PlainAction): action is TasksAction {
  return tasksActionTypes.has(action.type);
}

function updateList(state: TasksState, id: TaskListId, change: (list: ListState) => ListState): TasksState {
  return {...state, lists: {...state.lists, [id]: change(state.lists[id])}};
}

function withEntities(entities: Record<string, Task>, tasks: readonly Task[]): Record<string, Task> {
  const next = {...entities};
  for (const task of tasks) {
    next[task.id] = task;
  }
  return next;
}

function uniqueAppend(ids: readonly string[], more: readonly string[]): string[] {
  const seen = new Set(ids);
  return [...ids, ...more.filter((id) => !seen.has(id) && seen.add(id))];
}

function applyTaskChange(list: ListState, task: Task): ListState {
  if (!list.loadedFilters) {
    return list;
  }
  const present = list.ids.includes(task.id);
  const match = taskMatches(task, list.loadedFilters);
  if (match === 'no' && present) {
    return {...list, ids: list.ids.filter((id) => id !== task.id)};
  }
  if (match === 'yes' && !present) {
    // Lists are newest-change first (the bridge's default sort).
    return {...list, ids: [task.id, ...list.ids]};
  }
  return list;
}

function reduceList(list: ListState, action: TasksAction): ListState {
  switch (action.type) {
  case types.scopeSet:
    // Another person or channel: a different list, keeping only the filters.
    return {...initialListState, filters: list.filters, scope: action.scope};
  case types.filtersChanged:
    return {...list, filters: {...list.filters, ...action.filters}};
  case types.pageRequested:
    return action.append ? {...list, more: 'loading', moreError: null} : {...list, status: 'loading', error: null};
  case types.pageLoaded: {
    const ids = action.page.items.map((task) => task.id);
    return action.append
      ? {...list, ids: uniqueAppend(list.ids, ids), nextCursor: action.page.nextCursor, more: 'idle', moreError: null}
      : {...list, ids: uniqueAppend([], ids), loadedFilters: action.filters, nextCursor: action.page.nextCursor, status: 'loaded', error: null, more: 'idle', moreError: null};
  }
  case types.pageFailed:
    // What was loaded stays; the failure is shown beside it with a retry.
    return action.append ? {...list, more: 'error', moreError: action.failure} : {...list, status: 'error', error: action.failure};
  default:
    return list;
  }
}

export function tasksReducer(state: TasksState = initialTasksState, action: PlainAction): TasksState {
  if (!isTasksAction(action)) {
    return state;
  }
  switch (action.type) {
  case types.tabSelected:
    return {...state, activeList: action.list};
  case types.taskSelected:
    return {...state, selectedTaskId: action.taskId};
  case types.pageLoaded:
    return updateList({...state, entities: withEntities(state.entities, action.page.items)}, action.list, (list) => reduceList(list, action));
  case types.scopeSet:
  case types.filtersChanged:
  case types.pageRequested:
  case types.pageFailed:
    return updateList(state, action.list, (list) => reduceList(list, action));
  case types.taskChanged: {
    const lists = {...state.lists};
    for (const id of taskListIds) {
      lists[id] = applyTaskChange(lists[id], action.task);
    }
    return {...state, entities: withEntities(state.entities, [action.task]), lists};
  }
  case types.taskRemoved: {
    const {[action.id]: _removed, ...entities} = state.entities;
    const lists = {...state.lists};
    for (const id of taskListIds) {
      if (lists[id].ids.includes(action.id)) {
        lists[id] = {...lists[id], ids: lists[id].ids.filter((taskId) => taskId !== action.id)};
      }
    }
    return {...state, entities, lists, selectedTaskId: state.selectedTaskId === action.id ? null : state.selectedTaskId};
  }
  }
}
