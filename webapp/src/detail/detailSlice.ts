// The task detail view's state: per task, its comments and timeline as last
// loaded (oldest first), each with its own request state so one failing does
// not hide the other, and the task's version they were last asked for at (so
// a live change to a newer version reloads them, and the reader's own change,
// which reloads them itself, does not do it twice). The task itself lives in
// the tasks slice's entities.
import type {Comment, TimelineEvent} from '../api/contract';
import type {PlainAction} from '../plugin/hostTypes';
import type {RequestFailure} from '../tasks/tasksSlice';

export const detailParts = ['comments', 'timeline'] as const;
export type DetailPart = (typeof detailParts)[number];

export type PartState<Item> = {
  status: 'idle' | 'loading' | 'loaded' | 'error';
  items: Item[];
  error: RequestFailure | null;
};

export type TaskDetailState = {
  comments: PartState<Comment>;
  timeline: PartState<TimelineEvent>;
  /** The task's version when they were last requested; null: not known then. */
  requestedVersion: number | null;
};

export type DetailState = {
  byTask: Record<string, TaskDetailState>;
};

export const initialTaskDetail: TaskDetailState = {
  comments: {status: 'idle', items: [], error: null},
  timeline: {status: 'idle', items: [], error: null},
  requestedVersion: null,
};
export const initialDetailState: DetailState = {byTask: {}};

const types = {
  partRequested: 'baton/detail/partRequested',
  commentsLoaded: 'baton/detail/commentsLoaded',
  timelineLoaded: 'baton/detail/timelineLoaded',
  partFailed: 'baton/detail/partFailed',
} as const;

export type DetailAction =
  | {type: typeof types.partRequested; taskId: string; part: DetailPart; version: number | null}
  | {type: typeof types.commentsLoaded; taskId: string; items: Comment[]}
  | {type: typeof types.timelineLoaded; taskId: string; items: TimelineEvent[]}
  | {type: typeof types.partFailed; taskId: string; part: DetailPart; failure: RequestFailure};

export const partRequested = (taskId: string, part: DetailPart, version: number | null = null): DetailAction => ({type: types.partRequested, taskId, part, version});
export const commentsLoaded = (taskId: string, items: Comment[]): DetailAction => ({type: types.commentsLoaded, taskId, items});
export const timelineLoaded = (taskId: string, items: TimelineEvent[]): DetailAction => ({type: types.timelineLoaded, taskId, items});
export const partFailed = (taskId: string, part: DetailPart, failure: RequestFailure): DetailAction => ({type: types.partFailed, taskId, part, failure});

const detailActionTypes: ReadonlySet<string> = new Set(Object.values(types));

function isDetailAction(action: PlainAction): action is DetailAction {
  return detailActionTypes.has(action.type);
}

export function detailReducer(state: DetailState = initialDetailState, action: PlainAction): DetailState {
  if (!isDetailAction(action)) {
    return state;
  }
  const current = state.byTask[action.taskId] ?? initialTaskDetail;
  let next: TaskDetailState;
  switch (action.type) {
  case types.partRequested:
    // What was loaded stays on screen while it reloads.
    next = {
      ...current,
      [action.part]: {...current[action.part], status: 'loading', error: null},
      requestedVersion: Math.max(current.requestedVersion ?? 0, action.version ?? 0) || null,
    };
    break;
  case types.commentsLoaded:
    next = {...current, comments: {status: 'loaded', items: action.items, error: null}};
    break;
  case types.timelineLoaded:
    next = {...current, timeline: {status: 'loaded', items: action.items, error: null}};
    break;
  case types.partFailed:
    next = {...current, [action.part]: {...current[action.part], status: 'error', error: action.failure}};
    break;
  }
  return {byTask: {...state.byTask, [action.taskId]: next}};
}
