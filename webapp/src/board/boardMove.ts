// Moving a card: the task changes status in the store at once (optimistic),
// then POST …/transition with If-Match (the version the reader saw). The
// answer replaces it; a failure puts back the task as it was — or, for a 409,
// the task as the bridge says it is now (error details.current) — and says why.
import type {BridgeApi} from '../api/bridgeApi';
import {BridgeError} from '../api/bridgeErrors';
import {taskSchema} from '../api/contract';
import type {Task} from '../api/contract';
import type {HostStore} from '../plugin/hostTypes';
import {describeFailure} from '../tasks/taskLists';
import {taskChanged} from '../tasks/tasksSlice';
import type {RequestFailure} from '../tasks/tasksSlice';

import type {BoardStatus} from './boardColumns';

export type MoveResult = {ok: true; task: Task} | {ok: false; task: Task; failure: RequestFailure};

export async function moveTask(task: Task, status: BoardStatus, deps: {store: Pick<HostStore, 'dispatch'>; api: Pick<BridgeApi, 'transition'>}): Promise<MoveResult> {
  deps.store.dispatch(taskChanged({...task, statusId: status.id, status}));
  try {
    const saved = await deps.api.transition(task.id, task.version, {statusId: status.id});
    deps.store.dispatch(taskChanged(saved));
    return {ok: true, task: saved};
  } catch (error) {
    const current = error instanceof BridgeError && error.status === 409 ? taskSchema.safeParse(error.details.current) : null;
    const truth = current?.success ? current.data : task;
    deps.store.dispatch(taskChanged(truth));
    return {ok: false, task: truth, failure: describeFailure(error)};
  }
}
