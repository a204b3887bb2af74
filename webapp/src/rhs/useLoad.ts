// What a panel form needs before it can show (the person's settings, the
// workflow templates): loaded when the form opens and again on Retry. An
// answer that comes after the form closed, or after a retry began, is dropped.
import {useCallback, useEffect, useState} from 'react';

import {describeFailure} from '../tasks/taskLists';
import type {RequestFailure} from '../tasks/tasksSlice';

export type Load<T> =
  | {status: 'loading'}
  | {status: 'error'; failure: RequestFailure}
  | {status: 'loaded'; value: T};

/** `load` must keep its identity between renders (useCallback): a new one loads again. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({status: 'loading'});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({status: 'loading'});
    load(controller.signal).then(
      (value) => !controller.signal.aborted && setState({status: 'loaded', value}),
      (error: unknown) => !controller.signal.aborted && setState({status: 'error', failure: describeFailure(error)}),
    );
    return () => controller.abort();
  }, [load, attempt]);
  return [state, useCallback(() => setAttempt((count) => count + 1), [])];
}
