import type {TaskTx} from '../tasks/ports';
import type {EventKind, Task} from '../tasks/task';
import type {ChangeFeed, ChangeMessage, LiveTask} from './ports';

// Learns which tasks a transaction changed without touching the services:
// every change to a task appends timeline events in its transaction, so a
// store whose transactions record the events' task ids knows them all. At
// the end of the work (still inside the transaction, through its own port)
// each changed task is read as it will commit, and once the transaction has
// committed the feed is told. A rolled-back transaction tells nothing.

interface Transactional<Tx> {
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * The store, with transactions that publish what they changed after commit.
 * `report`: a publish that fails after commit cannot undo the change; it is reported, not thrown.
 */
export function publishingChanges<Tx extends TaskTx, S extends Transactional<Tx>>(store: S, feed: ChangeFeed, report: (error: unknown) => void = () => {}): S {
  return {
    ...store,
    async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      let messages: ChangeMessage[] = [];
      const result = await store.transaction(async (tx) => {
        // Fresh for every attempt: an engine that retries a transaction runs the work again.
        const recorder = createRecorder();
        const value = await work(recorder.wrap(tx));
        messages = await recorder.messages(tx);
        return value;
      });
      if (messages.length > 0) await feed.publish(messages).catch(report);
      return result;
    },
  };
}

function createRecorder() {
  /** Task id → the event kinds appended for it, in order. */
  const changed = new Map<string, EventKind[]>();
  /** Tasks read since their row or watchers were last written: already as they will commit (unless written again). */
  const fresh = new Map<string, Task>();
  const rekeyed: Array<{channelId: string | null; ownerId: string | null}> = [];

  return {
    wrap<Tx extends TaskTx>(tx: Tx): Tx {
      return {
        ...tx,
        async findTask(idOrKey) {
          const task = await tx.findTask(idOrKey);
          if (task) fresh.set(task.id, task);
          return task;
        },
        async insertTask(row) {
          await tx.insertTask(row);
          fresh.delete(row.id);
        },
        async updateTask(id, expectedVersion, changes) {
          const updated = await tx.updateTask(id, expectedVersion, changes);
          if (updated) fresh.delete(id);
          return updated;
        },
        // Watchers decide who sees a personal task.
        async addWatchers(taskId, userIds) {
          const added = await tx.addWatchers(taskId, userIds);
          fresh.delete(taskId);
          return added;
        },
        async removeWatcher(taskId, userId) {
          const removed = await tx.removeWatcher(taskId, userId);
          fresh.delete(taskId);
          return removed;
        },
        async appendEvents(events) {
          await tx.appendEvents(events);
          for (const event of events) {
            const kinds = changed.get(event.taskId) ?? [];
            if (!kinds.includes(event.kind)) kinds.push(event.kind);
            changed.set(event.taskId, kinds);
          }
        },
        async changeKeyPrefix(scope, prefix, by) {
          const outcome = await tx.changeKeyPrefix(scope, prefix, by);
          if (outcome === 'changed') {
            // Keys of tasks read earlier are stale now.
            fresh.clear();
            rekeyed.push(scopeOwner(scope));
          }
          return outcome;
        },
      };
    },

    async messages(tx: TaskTx): Promise<ChangeMessage[]> {
      const messages: ChangeMessage[] = rekeyed.map((owner) => ({type: 'keys.changed', ...owner}));
      for (const [taskId, kinds] of changed) {
        const task = fresh.get(taskId) ?? (await tx.findTask(taskId));
        if (task) messages.push({type: 'task.changed', task: liveTask(task), kinds});
      }
      return messages;
    },
  };
}

function liveTask({id, key, channelId, version, creatorId, holderId, watcherIds}: Task): LiveTask {
  return {id, key, channelId, version, creatorId, holderId, watcherIds: [...watcherIds]};
}

/** Key scopes are `channel:<id>` or `user:<id>` (tasks/keyPrefix.ts keyScope). */
function scopeOwner(scope: string): {channelId: string | null; ownerId: string | null} {
  const [kind, id = ''] = scope.split(/:(.*)/s);
  return kind === 'channel' ? {channelId: id, ownerId: null} : {channelId: null, ownerId: id};
}
