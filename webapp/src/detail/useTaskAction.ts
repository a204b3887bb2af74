// One runner for every action on the open task: at most one runs at a time
// (`pending` names it, so every control can be disabled), a success stores the
// task the bridge answered and refreshes the detail, a failure is kept per
// action so its form can show it beside what was typed. A 409 carries the task
// as it is now: it is stored, so Retry is sent against that version.
import {useCallback, useState} from 'react';

import {BridgeError} from '../api/bridgeErrors';
import {taskSchema} from '../api/contract';
import type {Task} from '../api/contract';
import {describeFailure} from '../tasks/taskLists';
import {taskChanged} from '../tasks/tasksSlice';
import type {RequestFailure} from '../tasks/tasksSlice';

import {refreshDetail} from './detailLoader';
import type {DetailLoaderDeps} from './detailLoader';

export type ActionName = 'accept' | 'done' | 'decline' | 'handoff' | 'comment';

export type RunOptions = {
  /** After success: clear the inputs, close the form. */
  onSuccess?: () => void;
  /** Returns true when it handled the failure itself (nothing is shown then). */
  onFailure?: (error: unknown) => boolean;
};

export type TaskActionRunner = {
  pending: ActionName | null;
  busy: boolean;
  /** The failure of `action`, if it was the last to fail. */
  failureOf: (action: ActionName) => RequestFailure | null;
  /** Shows a failure found before any request (an unknown user). */
  fail: (action: ActionName, failure: RequestFailure) => void;
  clearFailure: () => void;
  run: (action: ActionName, call: () => Promise<unknown>, options?: RunOptions) => Promise<void>;
};

function isTask(result: unknown): result is Task {
  return typeof result === 'object' && result !== null && 'version' in result;
}

export function useTaskAction(taskId: string, deps: DetailLoaderDeps): TaskActionRunner {
  const [pending, setPending] = useState<ActionName | null>(null);
  const [failure, setFailure] = useState<{action: ActionName; failure: RequestFailure} | null>(null);

  const run = useCallback(async (action: ActionName, call: () => Promise<unknown>, {onSuccess, onFailure}: RunOptions = {}) => {
    setPending(action);
    setFailure(null);
    try {
      const result = await call();
      if (isTask(result)) {
        deps.store.dispatch(taskChanged(result));
      }
      onSuccess?.();
      setPending(null);
      await refreshDetail(taskId, deps);
    } catch (error) {
      setPending(null);
      if (onFailure?.(error)) {
        return;
      }
      const current = error instanceof BridgeError && error.status === 409 ? taskSchema.safeParse(error.details.current) : null;
      if (current?.success) {
        deps.store.dispatch(taskChanged(current.data));
      }
      setFailure({action, failure: describeFailure(error)});
    }
  }, [taskId, deps]);

  return {
    pending,
    busy: pending !== null,
    failureOf: (action) => (failure?.action === action ? failure.failure : null),
    fail: (action, found) => setFailure({action, failure: found}),
    clearFailure: () => setFailure(null),
    run,
  };
}
