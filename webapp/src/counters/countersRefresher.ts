// Keeps the sidebar counters current: fetched when the counters mount, and
// again (debounced, so a burst of changes costs one request) when the live
// stream reports a change that can move my numbers or asks for a resync.
import type {BridgeApi} from '../api/bridgeApi';
import type {Task} from '../api/contract';
import type {LiveListener} from '../live/liveUpdates';
import {getCurrentUserId} from '../mattermost/hostState';
import type {HostStore} from '../plugin/hostTypes';
import type {Timers} from '../session/sessionManager';

import {countersFailed, countersLoaded} from './countersSlice';

export const REFRESH_DEBOUNCE_MS = 750;

/** Changes of the baton or of acceptance can move a task in or out of someone's counters. */
const MOVING_KINDS = new Set(['created', 'handed_off', 'declined', 'accepted', 'status_changed']);

export type CountersRefresher = {
  /** Fetches now (a request in flight is replaced). */
  refresh(): Promise<void>;
  /** Fetches once the changes stop for a moment. */
  refreshSoon(): void;
  /** For live/liveUpdates.ts subscribe. */
  listener: LiveListener;
  dispose(): void;
};

export function createCountersRefresher({api, store, timers, debounceMs = REFRESH_DEBOUNCE_MS}: {
  api: Pick<BridgeApi, 'getMyCounters'>;
  store: HostStore;
  timers: Timers;
  debounceMs?: number;
}): CountersRefresher {
  let timer: unknown = null;
  let inFlight: AbortController | null = null;

  const cancelTimer = () => {
    if (timer !== null) {
      timers.clearTimeout(timer);
      timer = null;
    }
  };

  const refresh = async () => {
    cancelTimer();
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const counts = await api.getMyCounters(controller.signal);
      if (!controller.signal.aborted) {
        store.dispatch(countersLoaded(counts));
      }
    } catch {
      if (!controller.signal.aborted) {
        store.dispatch(countersFailed());
      }
    } finally {
      if (inFlight === controller) {
        inFlight = null;
      }
    }
  };

  const refreshSoon = () => {
    cancelTimer();
    timer = timers.setTimeout(() => {
      timer = null;
      refresh().catch(() => undefined);
    }, debounceMs);
  };

  const concernsMe = (task: Task, kinds: string[]) => {
    const me = getCurrentUserId(store.getState());
    return task.holderId === me || task.handedById === me || kinds.some((kind) => MOVING_KINDS.has(kind));
  };

  return {
    refresh,
    refreshSoon,
    listener: {
      onTaskChanged: (task, event) => {
        if (concernsMe(task, event.kinds)) {
          refreshSoon();
        }
      },
      onTaskRemoved: refreshSoon,
      onResync: refreshSoon,
    },
    dispose() {
      cancelTimer();
      inFlight?.abort();
      inFlight = null;
    },
  };
}
