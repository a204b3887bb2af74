// The task an edit form works on: the copy the lists already hold, else one
// fetched from the bridge. `keyOf` names a loaded task by its key (the parent
// field shows keys, which people know, rather than ids).
import {useCallback, useEffect, useState} from 'react';
import {useIntl} from 'react-intl';

import type {Task} from '../api/contract';
import {describeBridgeError} from '../api/errorText';
import {useBatonServices} from '../plugin/servicesContext';
import {useBatonSelector} from '../state/hooks';
import {getTasksState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';

const readEntities = (state: GlobalStateWithBaton) => getTasksState(state).entities;

export type EditedTask = {task: Task | null; failure: string | null; keyOf: (id: string) => string | undefined};

export function useEditedTask(taskId: string | null): EditedTask {
  const {api} = useBatonServices();
  const intl = useIntl();
  const entities = useBatonSelector(readEntities);
  const stored = taskId ? entities[taskId] : undefined;
  const [fetched, setFetched] = useState<Task | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!taskId || stored) {
      return undefined;
    }
    const controller = new AbortController();
    api.getTask(taskId, controller.signal).then(
      (task) => setFetched(task),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setFailure(describeBridgeError(error, intl));
        }
      },
    );
    return () => controller.abort();
  }, [api, intl, taskId, stored]);
  const keyOf = useCallback((id: string) => entities[id]?.key, [entities]);
  return {task: stored ?? fetched, failure, keyOf};
}
