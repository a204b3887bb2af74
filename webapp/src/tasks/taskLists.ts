// Loads the panel's lists from the bridge: the first page when a list is
// shown or its filters change (aborting the request it replaces), the next
// page by cursor, retries, and a resync of the visible list for live updates.
// Every answer goes into the `tasks` slice through plain actions.
import type {BridgeApi, TaskListFilters} from '../api/bridgeApi';
import {BridgeError} from '../api/bridgeErrors';
import {bridgeErrorText} from '../api/errorText';
import {peopleOfTask} from '../people/profileLoader';
import type {ProfileLoader} from '../people/profileLoader';
import type {HostStore, Thunk} from '../plugin/hostTypes';
import type {GlobalStateWithBaton} from '../state/selectors';
import {getTasksState} from '../state/selectors';

import {filtersChanged, listQuery, pageFailed, pageLoaded, pageRequested, scopeSet} from './tasksSlice';
import type {ListFilters, ListState, RequestFailure, TaskListId} from './tasksSlice';

export const taskPageSize = 50;

export type TaskLists = {
  /** The list is on screen about `scope`: loads it unless that is already loaded or loading. */
  show(list: TaskListId, scope: TaskListFilters | null): void;
  /** Changes the person's filters and loads the first page again. */
  setFilters(list: TaskListId, filters: Partial<ListFilters>): void;
  /** The next page by cursor, when there is one and nothing is loading. */
  loadMore(list: TaskListId): void;
  /** Repeats what failed: the first page, or the next one. */
  retry(list: TaskListId): void;
  /** Refetches the visible list's first page (after a live-update gap). */
  resync(): void;
  /** Aborts every request in flight. */
  dispose(): void;
};

export type TaskListsDeps = {
  store: HostStore;
  api: Pick<BridgeApi, 'listTasks'>;
  /** Told who each loaded page names, so rows show names rather than ids. */
  profiles?: Pick<ProfileLoader, 'ensure'>;
  pageSize?: number;
};

/** Whom and where each list is about. Null: it cannot be asked yet (no user, no channel). */
export function listScope(list: TaskListId, me: string | null, channelId: string | null): TaskListFilters | null {
  switch (list) {
  case 'mine':
    return me ? {holderId: me} : null;
  case 'waiting':
    return me ? {handedById: me, accepted: false} : null;
  case 'channel':
    return channelId ? {channelId} : null;
  case 'watching':
    return me ? {watcherId: me} : null;
  }
}

/** What the panel says about a failed request (api/errorText.ts), with the bridge's error id and request id for reference. */
export function describeFailure(error: unknown): RequestFailure {
  const text = bridgeErrorText(error);
  if (error instanceof BridgeError) {
    return {text, message: error.message, id: error.id, requestId: error.requestId};
  }
  return {text, message: error instanceof Error ? error.message : String(error), id: null, requestId: null};
}

const sameQuery = (a: TaskListFilters | null, b: TaskListFilters | null) => JSON.stringify(a) === JSON.stringify(b);

export function createTaskLists({store, api, profiles, pageSize = taskPageSize}: TaskListsDeps): TaskLists {
  const inFlight = new Map<TaskListId, AbortController>();
  const read = (list: TaskListId): ListState => getTasksState(store.getState() as GlobalStateWithBaton).lists[list];

  const request = async (list: TaskListId, query: TaskListFilters, append: boolean, cursor?: string) => {
    inFlight.get(list)?.abort();
    const controller = new AbortController();
    inFlight.set(list, controller);
    store.dispatch(pageRequested(list, append));
    try {
      const page = await api.listTasks(query, cursor ? {limit: pageSize, cursor} : {limit: pageSize}, controller.signal);
      if (!controller.signal.aborted) {
        store.dispatch(pageLoaded(list, query, page, append));
        profiles?.ensure(page.items.flatMap(peopleOfTask));
      }
    } catch (error) {
      // An aborted request was replaced by a newer one, which reports for itself.
      if (!controller.signal.aborted) {
        store.dispatch(pageFailed(list, describeFailure(error), append));
      }
    } finally {
      if (inFlight.get(list) === controller) {
        inFlight.delete(list);
      }
    }
  };

  const loadFirst = (list: TaskListId) => {
    const query = listQuery(read(list));
    if (query) {
      void request(list, query, false);
    }
  };

  const loadNext = (list: TaskListId) => {
    const state = read(list);
    if (!state.nextCursor || !state.loadedFilters || state.status === 'loading' || state.more === 'loading') {
      return;
    }
    void request(list, state.loadedFilters, true, state.nextCursor);
  };

  return {
    show(list, scope) {
      const state = read(list);
      if (!sameQuery(state.scope, scope)) {
        store.dispatch(scopeSet(list, scope));
        loadFirst(list);
      } else if (state.status === 'idle' || state.status === 'error') {
        loadFirst(list);
      }
    },
    setFilters(list, filters) {
      store.dispatch(filtersChanged(list, filters));
      loadFirst(list);
    },
    loadMore(list) {
      // After a failure only Retry asks again, not every scroll.
      if (read(list).more !== 'error') {
        loadNext(list);
      }
    },
    retry(list) {
      if (read(list).more === 'error') {
        loadNext(list);
      } else {
        loadFirst(list);
      }
    },
    resync() {
      loadFirst(getTasksState(store.getState() as GlobalStateWithBaton).activeList);
    },
    dispose() {
      for (const controller of inFlight.values()) {
        controller.abort();
      }
      inFlight.clear();
    },
  };
}

/** resync as a thunk for the host store: `store.dispatch(resyncLists(services.tasks))`. */
export function resyncLists(lists: TaskLists): Thunk {
  return () => lists.resync();
}
