// Runs the live stream while the bridge session is connected and turns its
// events into calls on the features that show tasks: a changed task is
// fetched through the API (which checks visibility again) and handed over; a
// task that is gone or no longer visible (404/403) is removed; a resync, a
// key rename or a reopened stream asks for everything on screen again.
import type {BridgeApi} from '../api/bridgeApi';
import {BridgeError} from '../api/bridgeErrors';
import type {Task, TaskChangedEvent} from '../api/contract';
import {peopleOfTask} from '../people/profileLoader';
import type {ProfileLoader} from '../people/profileLoader';
import type {HostStore} from '../plugin/hostTypes';
import {getSessionState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';

import type {LiveStream, LiveStreamEvent} from './liveStream';

/** What a feature hears; every method optional. */
export type LiveListener = {
  /** The task as the API answers it now (the caller may see it). */
  onTaskChanged?(task: Task, event: TaskChangedEvent): void;
  /** The task is deleted or the caller may no longer see it. */
  onTaskRemoved?(id: string): void;
  /** Refetch whatever is on screen: the stream cannot tell exactly what changed. */
  onResync?(): void;
};

export type LiveUpdates = {
  /** Follows the session: the stream runs while it is connected. */
  start(): void;
  stop(): void;
  subscribe(listener: LiveListener): () => void;
};

export type LiveUpdatesDeps = {
  store: HostStore;
  api: Pick<BridgeApi, 'getTask'>;
  /** Told who a changed task names (a new holder may be someone no view has shown yet). */
  profiles?: Pick<ProfileLoader, 'ensure'>;
  /** Made with the callbacks this module hands it (see createLiveStream). */
  createStream(handlers: {onEvent(event: LiveStreamEvent): void; onReopened(): void}): LiveStream;
};

export function createLiveUpdates({store, api, profiles, createStream}: LiveUpdatesDeps): LiveUpdates {
  const listeners = new Set<LiveListener>();
  let unsubscribeStore: (() => void) | null = null;

  const each = (call: (listener: LiveListener) => void) => {
    for (const listener of [...listeners]) {
      try {
        call(listener);
      } catch {
        // One feature's failure must not keep the others from hearing.
      }
    }
  };
  const resync = () => each((listener) => listener.onResync?.());

  const taskChanged = async (event: TaskChangedEvent) => {
    try {
      const task = await api.getTask(event.id);
      profiles?.ensure(peopleOfTask(task));
      each((listener) => listener.onTaskChanged?.(task, event));
    } catch (error) {
      if (error instanceof BridgeError && (error.status === 404 || error.status === 403)) {
        each((listener) => listener.onTaskRemoved?.(event.id));
      }
      // Anything else (offline, a bridge restart): the reopened stream resyncs.
    }
  };

  const stream = createStream({
    onEvent: (event) => {
      if (event.name === 'task.changed') {
        taskChanged(event.data).catch(() => undefined);
      } else {
        // resync, and keys.changed: every key of a channel was renamed.
        resync();
      }
    },
    onReopened: resync,
  });

  const follow = () => {
    const {status} = getSessionState(store.getState() as GlobalStateWithBaton);
    if (status === 'connected') {
      stream.start();
    } else if (status === 'idle' || status === 'error') {
      // While connecting (a renewal included) the stream keeps going.
      stream.stop();
    }
  };

  return {
    start() {
      if (unsubscribeStore) {
        return;
      }
      unsubscribeStore = store.subscribe(follow);
      follow();
    },
    stop() {
      unsubscribeStore?.();
      unsubscribeStore = null;
      stream.stop();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
