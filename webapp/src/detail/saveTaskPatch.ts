// Saves one inline edit: checked first against the shared contract (so a bad
// value is named before anything is sent), then PATCHed with the version the
// reader saw. A 409 means someone changed the task meanwhile: the task as it
// is now is read and stored, and the caller keeps the edit so one more Save
// applies it to that version. Whatever the bridge refuses (400, 403) comes
// back as what to tell the person (api/errorText.ts), for the field.
import type {BridgeApi, TaskChanges} from '../api/bridgeApi';
import {BridgeError} from '../api/bridgeErrors';
import {describeZodIssues, taskPatchSchema} from '../api/contract';
import type {Task} from '../api/contract';
import type {ErrorText} from '../api/errorText';
import type {HostStore} from '../plugin/hostTypes';
import {describeFailure} from '../tasks/taskLists';
import {taskChanged} from '../tasks/tasksSlice';

export type PatchDeps = {
  store: Pick<HostStore, 'dispatch'>;
  api: Pick<BridgeApi, 'patchTask' | 'getTask'>;
};

export type SaveOutcome =
  | {ok: true; task: Task}
  | {ok: false; text: ErrorText; conflict: boolean};

/** The contract's complaints about `changes`, those about `field` first; null when it is fine. */
export function patchProblem(task: Pick<Task, 'version'>, changes: TaskChanges, field: string): string | null {
  const checked = taskPatchSchema.safeParse({...changes, version: task.version});
  if (checked.success) {
    return null;
  }
  const issues = describeZodIssues(checked.error);
  const own = issues.filter((issue) => issue.field === field || issue.field.startsWith(`${field}.`));
  return (own.length > 0 ? own : issues).map((issue) => issue.message).join('; ');
}

export async function saveTaskPatch(task: Pick<Task, 'id' | 'version'>, changes: TaskChanges, field: string, {store, api}: PatchDeps): Promise<SaveOutcome> {
  const problem = patchProblem(task, changes, field);
  if (problem !== null) {
    return {ok: false, text: {text: problem}, conflict: false};
  }
  try {
    const saved = await api.patchTask(task.id, task.version, changes);
    store.dispatch(taskChanged(saved));
    return {ok: true, task: saved};
  } catch (error) {
    const conflict = error instanceof BridgeError && error.status === 409;
    if (conflict) {
      try {
        store.dispatch(taskChanged(await api.getTask(task.id)));
      } catch {
        // The message still says what happened; the next Save answers 409 again or succeeds.
      }
    }
    return {ok: false, text: describeFailure(error).text, conflict};
  }
}
