// The Done column's cards. The channel list the board shares with List view
// holds open tasks only (its default filter), so the board asks separately
// for the channel's recently closed tasks: the newest changes first, one
// page. They go into the tasks slice (taskChanged) like any other task, so
// live updates and moves keep them current; the board shows them by id.
import {useCallback, useEffect, useState} from 'react';

import type {BridgeApi, PageRequest, TaskListFilters} from '../api/bridgeApi';
import {peopleOfTask} from '../people/profileLoader';
import type {ProfileLoader} from '../people/profileLoader';
import type {HostStore} from '../plugin/hostTypes';
import {describeFailure} from '../tasks/taskLists';
import {taskChanged} from '../tasks/tasksSlice';
import type {RequestFailure} from '../tasks/tasksSlice';

export const closedPageSize = 20;

export function closedTasksQuery(channelId: string): [TaskListFilters, PageRequest] {
  return [{channelId, statusCategory: 'closed', sort: '-updatedAt'}, {limit: closedPageSize}];
}

export type ClosedTasks = {
  ids: string[];
  status: 'idle' | 'loading' | 'loaded' | 'error';
  error: RequestFailure | null;
  retry: () => void;
};

type Loaded = Omit<ClosedTasks, 'retry'> & {channelId: string | null};

const idle: Loaded = {channelId: null, ids: [], status: 'idle', error: null};

export function useClosedTasks(channelId: string | null, deps: {api: Pick<BridgeApi, 'listTasks'>; store: Pick<HostStore, 'dispatch'>; profiles?: Pick<ProfileLoader, 'ensure'>}): ClosedTasks {
  const {api, store, profiles} = deps;
  const [loaded, setLoaded] = useState<Loaded>(idle);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!channelId) {
      setLoaded(idle);
      return undefined;
    }
    const controller = new AbortController();
    setLoaded((current) => ({channelId, ids: current.channelId === channelId ? current.ids : [], status: 'loading', error: null}));
    api.listTasks(...closedTasksQuery(channelId), controller.signal).then(
      (page) => {
        if (controller.signal.aborted) {
          return;
        }
        for (const task of page.items) {
          store.dispatch(taskChanged(task));
        }
        profiles?.ensure(page.items.flatMap(peopleOfTask));
        setLoaded({channelId, ids: page.items.map((task) => task.id), status: 'loaded', error: null});
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setLoaded((current) => ({...current, status: 'error', error: describeFailure(error)}));
        }
      },
    );
    return () => controller.abort();
  }, [channelId, api, store, profiles, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  // Another channel's answer is never shown while this one's loads.
  const current = loaded.channelId === channelId ? loaded : idle;
  return {ids: current.ids, status: current.status, error: current.error, retry};
}
