// The task form's values as the inputs hold them (strings), and the pure
// conversions: a task or a prefill → values, values → the POST body (create)
// or → only the changed fields (PATCH), and contract paths → form fields.
import type {Task, TaskCreateInput} from '../api/contract';
import type {TaskChanges} from '../api/bridgeApi';
import type {TaskFormPrefill} from '../state/rhsSlice';

export const FORM_DEADLINE_KINDS = ['legal', 'customer', 'internal'] as const;
export type FormDeadlineKind = (typeof FORM_DEADLINE_KINDS)[number];

export type TaskFormValues = {
  title: string;
  description: string;
  /** null: a personal task. */
  channelId: string | null;
  holderId: string | null;
  priority: Task['priority'];
  /** YYYY-MM-DD as `<input type=date>` gives it; '' for none. */
  deadlines: Record<FormDeadlineKind, string>;
  startDate: string;
  /** Comma-separated. */
  labels: string;
  caseId: string;
  caseUrl: string;
  /** The parent task's key (or id); '' for a top-level task. */
  parent: string;
};

/** The form's fields in the order they are shown: the first invalid one gets focus. */
export const FORM_FIELDS = ['title', 'description', 'channelId', 'holderId', 'priority', 'deadline.legal', 'deadline.customer', 'deadline.internal', 'startDate', 'labels', 'caseId', 'caseUrl', 'parent'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type FieldErrors = Partial<Record<FormField, string>>;

const noDeadlines = (): Record<FormDeadlineKind, string> => ({legal: '', customer: '', internal: ''});

export function valuesFromPrefill(prefill: TaskFormPrefill, currentChannelId: string | null, me: string | null): TaskFormValues {
  return {
    title: prefill.title ?? '',
    description: prefill.description ?? '',
    channelId: prefill.channelId === undefined ? currentChannelId : prefill.channelId,
    holderId: me,
    priority: 'normal',
    deadlines: noDeadlines(),
    startDate: '',
    labels: '',
    caseId: '',
    caseUrl: '',
    parent: prefill.parentId ?? '',
  };
}

/** The calendar date of an instant in a time zone (all-day deadlines are due at the end of their day there). */
export function localDateIn(instant: string, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'}).format(new Date(instant));
}

/** `parentKeyOf`: the parent's key when it is loaded (people know keys, not ids). */
export function valuesFromTask(task: Task, parentKeyOf: (id: string) => string | undefined = () => undefined): TaskFormValues {
  const deadlines = noDeadlines();
  for (const deadline of task.deadlines) {
    if ((FORM_DEADLINE_KINDS as readonly string[]).includes(deadline.kind)) {
      deadlines[deadline.kind as FormDeadlineKind] = localDateIn(deadline.dueAt, deadline.timeZone);
    }
  }
  return {
    title: task.title,
    description: task.description,
    channelId: task.channelId,
    holderId: task.holderId,
    priority: task.priority,
    deadlines,
    startDate: task.startDate ?? '',
    labels: task.labels.join(', '),
    caseId: task.caseRef?.id ?? '',
    caseUrl: task.caseRef?.url ?? '',
    parent: task.parentId ? parentKeyOf(task.parentId) ?? task.parentId : '',
  };
}

export function labelsOf(text: string): string[] {
  return text.split(',').map((label) => label.trim()).filter((label) => label !== '');
}

function caseRefOf(values: TaskFormValues): {id: string; url: string} | null {
  return values.caseId.trim() === '' && values.caseUrl.trim() === '' ? null : {id: values.caseId, url: values.caseUrl.trim()};
}

export function createBody(values: TaskFormValues, sourcePostId?: string): TaskCreateInput {
  const deadlines = FORM_DEADLINE_KINDS.filter((kind) => values.deadlines[kind] !== '').map((kind) => ({kind, due: values.deadlines[kind]}));
  const caseRef = caseRefOf(values);
  const labels = labelsOf(values.labels);
  return {
    title: values.title,
    description: values.description,
    channelId: values.channelId,
    holderId: values.holderId,
    priority: values.priority,
    ...(deadlines.length > 0 ? {deadlines} : {}),
    ...(values.startDate === '' ? {} : {startDate: values.startDate}),
    ...(labels.length > 0 ? {labels} : {}),
    ...(caseRef ? {caseRef} : {}),
    ...(values.parent.trim() === '' ? {} : {parentId: values.parent.trim()}),
    ...(sourcePostId ? {sourcePostId} : {}),
  };
}

/** Only what differs from `initial` (the task as loaded); removed values become null. */
export function patchChanges(initial: TaskFormValues, values: TaskFormValues): TaskChanges {
  const changes: TaskChanges = {};
  if (values.title !== initial.title) changes.title = values.title;
  if (values.description !== initial.description) changes.description = values.description;
  if (values.priority !== initial.priority) changes.priority = values.priority;
  const deadlines = FORM_DEADLINE_KINDS
    .filter((kind) => values.deadlines[kind] !== initial.deadlines[kind])
    .map((kind) => ({kind, due: values.deadlines[kind] === '' ? null : values.deadlines[kind]}));
  if (deadlines.length > 0) changes.deadlines = deadlines;
  if (values.startDate !== initial.startDate) changes.startDate = values.startDate === '' ? null : values.startDate;
  if (values.parent.trim() !== initial.parent) changes.parentId = values.parent.trim() === '' ? null : values.parent.trim();
  if (labelsOf(values.labels).join(',') !== labelsOf(initial.labels).join(',')) changes.labels = labelsOf(values.labels);
  if (values.caseId !== initial.caseId || values.caseUrl !== initial.caseUrl) changes.caseRef = caseRefOf(values);
  return changes;
}

/**
 * The form field a contract path names (`title`, `deadlines.1.due`,
 * `caseRef.url`), given the body that was checked (deadline indexes → kinds).
 */
export function fieldOfPath(path: readonly PropertyKey[], body: {deadlines?: readonly {kind: string}[] | undefined}): FormField | null {
  const [head, second] = path.map(String);
  switch (head) {
  case 'deadlines': {
    const kind = second === undefined ? undefined : body.deadlines?.[Number(second)]?.kind;
    return kind && (FORM_DEADLINE_KINDS as readonly string[]).includes(kind) ? `deadline.${kind as FormDeadlineKind}` : 'deadline.legal';
  }
  case 'caseRef':
    return second === 'url' ? 'caseUrl' : 'caseId';
  case 'parentId':
    return 'parent';
  case 'title': case 'description': case 'channelId': case 'holderId': case 'priority': case 'startDate': case 'labels':
    return head;
  default:
    return null;
  }
}

/** A bridge error's `field` (`deadlines.0.due`) as a path. */
export function pathOfField(field: string): string[] {
  return field.split('.');
}

/**
 * After a 409: the current task's values, with the person's own edits (what
 * differs from the values they started from) kept on top. Diffing the result
 * against `current` gives exactly their edits, to save again.
 */
export function rebaseValues(started: TaskFormValues, edited: TaskFormValues, current: TaskFormValues): TaskFormValues {
  const keep = <K extends keyof TaskFormValues>(key: K) => (edited[key] === started[key] ? current[key] : edited[key]);
  const deadlines = {...current.deadlines};
  for (const kind of FORM_DEADLINE_KINDS) {
    if (edited.deadlines[kind] !== started.deadlines[kind]) deadlines[kind] = edited.deadlines[kind];
  }
  return {
    title: keep('title'),
    description: keep('description'),
    channelId: keep('channelId'),
    holderId: keep('holderId'),
    priority: keep('priority'),
    deadlines,
    startDate: keep('startDate'),
    labels: keep('labels'),
    caseId: keep('caseId'),
    caseUrl: keep('caseUrl'),
    parent: keep('parent'),
  };
}
