// Remembers which right-hand sidebar the host created for Baton, so later
// features can tell whether the Baton panel is the one that is open
// (the host keeps the open panel's id in state.views.rhs.pluggableId), and
// what the panel was last asked to show: a list (a sidebar counter, `/task
// board`) or one task (`/task show KEY`). `requestSeq` grows with every
// request, so asking for the same list again is a new request too.
import type {PlainAction} from '../plugin/hostTypes';

/** The lists the panel can be opened on: the three sidebar counters and this channel's board. */
export const RHS_LISTS = ['mine', 'overdue', 'waiting', 'channel'] as const;
export type RhsList = (typeof RHS_LISTS)[number];

/** What a new task form starts with ("Create task from message" fills these from the post). */
export type TaskFormPrefill = {
  title?: string;
  description?: string;
  /** Null: a personal task; omitted: the current channel. */
  channelId?: string | null;
  sourcePostId?: string;
  parentId?: string;
};

/** A form shown in the panel over the lists (and the detail); closing it shows them again. */
export type PanelForm =
  | {kind: 'createTask'; prefill: TaskFormPrefill}
  | {kind: 'editTask'; taskId: string}
  | {kind: 'startWorkflow'}
  | {kind: 'settings'};

export type RhsState = {
  pluggableId: string | null;
  /** The open form, or null while the lists (or a task's detail) show. */
  form: PanelForm | null;
  requestedList: RhsList | null;
  /** A task key to select (`/task show PAT-12`); null once a list is requested. */
  requestedTaskKey: string | null;
  requestSeq: number;
};

export const initialRhsState: RhsState = {pluggableId: null, form: null, requestedList: null, requestedTaskKey: null, requestSeq: 0};

const rhsRegisteredType = 'baton/rhs/registered';

export type RhsRegisteredAction = {type: typeof rhsRegisteredType; pluggableId: string};

export function rhsRegistered(pluggableId: string): RhsRegisteredAction {
  return {type: rhsRegisteredType, pluggableId};
}

function isRhsRegistered(action: PlainAction): action is RhsRegisteredAction {
  return action.type === rhsRegisteredType;
}

const listRequestedType = 'baton/rhs/list_requested';
const taskRequestedType = 'baton/rhs/task_requested';

export type RhsListRequestedAction = {type: typeof listRequestedType; list: RhsList};
export type RhsTaskRequestedAction = {type: typeof taskRequestedType; key: string};

export const rhsListRequested = (list: RhsList): RhsListRequestedAction => ({type: listRequestedType, list});
export const rhsTaskRequested = (key: string): RhsTaskRequestedAction => ({type: taskRequestedType, key});

const formOpenedType = 'baton/rhs/form_opened';
const formClosedType = 'baton/rhs/form_closed';

export type PanelFormOpenedAction = {type: typeof formOpenedType; form: PanelForm};

export const panelFormOpened = (form: PanelForm): PanelFormOpenedAction => ({type: formOpenedType, form});
export const panelFormClosed = (): PlainAction => ({type: formClosedType});

function isFormOpened(action: PlainAction): action is PanelFormOpenedAction {
  return action.type === formOpenedType;
}

function isListRequested(action: PlainAction): action is RhsListRequestedAction {
  return action.type === listRequestedType;
}

function isTaskRequested(action: PlainAction): action is RhsTaskRequestedAction {
  return action.type === taskRequestedType;
}

export function rhsReducer(state: RhsState = initialRhsState, action: PlainAction): RhsState {
  if (isRhsRegistered(action)) {
    return {...state, pluggableId: action.pluggableId};
  }
  if (isFormOpened(action)) {
    return {...state, form: action.form};
  }
  if (action.type === formClosedType) {
    return {...state, form: null};
  }
  // Asking for a list or a task (a counter, `/task board`, `/task show`) shows it instead of the form.
  if (isListRequested(action)) {
    return {...state, form: null, requestedList: action.list, requestedTaskKey: null, requestSeq: state.requestSeq + 1};
  }
  if (isTaskRequested(action)) {
    return {...state, form: null, requestedTaskKey: action.key, requestSeq: state.requestSeq + 1};
  }
  return state;
}
