import {listAsViewer} from '../reminders/listAsViewer';
import type {Notice} from './ports';
import type {ChannelAccess, Clock, TaskStore} from '../tasks/ports';
import {canSee} from '../tasks/visibility';

// When a Mattermost account is deactivated, the baton it holds would stop
// there unnoticed: each watcher of each open task it holds gets a DM saying
// so (written at delivery, in their language). One notice per watcher, task
// and deactivation: Mattermost's delete_at names the deactivation, so the
// same event heard again (a reconnect, a later profile edit) enqueues nothing
// new, while a reactivated and again deactivated account is news again.

export interface HolderDeactivationDeps {
  store: Pick<TaskStore, 'listTasks' | 'transaction'>;
  access: ChannelAccess;
  clock: Clock;
}

export function createHolderDeactivation({store, access, clock}: HolderDeactivationDeps) {
  return {
    /** `deactivatedAt`: the account's delete_at (ms). Returns how many notices it enqueued (the outbox ignores repeats). */
    async holderDeactivated(holderId: string, deactivatedAt: number): Promise<number> {
      // Read before the transaction: Mattermost is asked about channels and
      // members, and the embedded engine's one connection must not wait on it.
      const held = await listAsViewer({tasks: store, access}, holderId, {holderId, statusCategory: 'open'}, clock.now());
      const notices: Array<Extract<Notice, {kind: 'holder_deactivated'}>> = [];
      for (const task of held) {
        for (const watcherId of task.watcherIds) {
          if (watcherId === holderId) continue;
          // A watcher who has since left the task's channel is not told about it.
          if (!(await canSee(task, {userId: watcherId, guest: false}, access))) continue;
          notices.push({
            kind: 'holder_deactivated',
            userId: watcherId,
            taskId: task.id,
            holderId,
            idempotencyKey: `holder_deactivated:${task.id}:${holderId}:${deactivatedAt}:${watcherId}`,
          });
        }
      }
      if (notices.length === 0) return 0;
      await store.transaction(async (tx) => {
        for (const notice of notices) await tx.outbox.enqueue(notice);
      });
      return notices.length;
    },
  };
}
