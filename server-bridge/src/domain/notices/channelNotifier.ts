import type {ChannelLineNotice} from './ports';
import type {TaskChangeListener, TaskTx} from '../tasks/ports';
import type {Task} from '../tasks/task';

// Tells channels when the baton moves: a short line in the task's channel
// when the channel asked for handoff notices (channel settings), and in the
// run's own channel when the task belongs to a workflow run started with one.
// Every handoff counts (workflow baton passes included), and so does a run's
// completion. The line is enqueued in the change's own transaction and
// written at delivery (notices/channelNoticeDelivery.ts), like the handoff DM.

type LineEvent = ChannelLineNotice['event'];

export function createChannelNotifier(): TaskChangeListener {
  /** Enqueues the line for the task's channel and for its run's channel, whichever want it; `name` makes the keys. */
  async function announce(tx: TaskTx, task: Task, event: LineEvent, name: string): Promise<void> {
    if (task.channelId) {
      const settings = await tx.channels.channelNotices(task.channelId);
      if (settings.handoffs) {
        await tx.outbox.enqueue({kind: 'channel_line', target: {channelId: task.channelId, excludeGuests: settings.excludeGuests}, event, idempotencyKey: `channel_line:${name}`});
      }
    }
    const run = await tx.workflows.runOfTask(task.id);
    if (run?.runChannel) await tx.outbox.enqueue({kind: 'channel_line', target: {runId: run.id}, event, idempotencyKey: `run_channel_line:${name}`});
  }

  return {
    async afterChange(tx, change) {
      const {after, before, actor} = change;
      if (change.kind === 'handed_off' && after.holderId) {
        // From the previous holder, or from whoever passed it when nobody held it (a workflow step starting).
        const event: LineEvent = {type: 'handoff', taskId: after.id, fromUserId: before.holderId ?? actor.userId, toUserId: after.holderId};
        await announce(tx, after, event, `${after.id}:v${after.version}`);
        return;
      }
      if (change.kind === 'status_changed' && after.statusCategory === 'closed') {
        // The workflow service completes the run before it closes the run's parent task.
        const run = await tx.workflows.runOfTask(after.id);
        if (run?.parentTaskId !== after.id || run.status !== 'completed') return;
        await announce(tx, after, {type: 'run_completed', runId: run.id, completedById: actor.userId}, `run_completed:${run.id}`);
      }
    },
  };
}
