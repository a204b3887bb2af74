import type {Notice, PostingNotice} from '../domain/notices/ports';
import type {TaskReads} from '../domain/tasks/ports';
import {signActionContext} from './actionContext';
import {BUTTON_TTL_MS, createHandoffButtons} from './handoffActions';
import type {ReminderAttachment, ReminderButtonTarget} from './reminderNotice';

// The buttons of a deadline reminder post (reminderNotice.ts renders them).
// Done and Hand off… carry exactly the handoff notice's signed context
// {a, t, u}, so handoffActions.ts answers them (the Done dialog asking for
// the next holder included) and nothing is implemented twice. Snooze… also
// names the deadline kind {a: 'snooze', t, u, k}; snoozeDialog.ts answers it.

export const SNOOZE_ACTION = 'snooze';

/** Where a reminder's buttons post, and each one's signed context; undefined until setup has recorded the bridge's URL. */
export function createReminderButtons(deps: {key: Uint8Array; now(): Date; bridgeUrl(): Promise<string | undefined>}) {
  const handoffButtons = createHandoffButtons(deps);
  return async (receiverId: string, task: {id: string}, deadlineKind: string): Promise<ReminderButtonTarget | undefined> => {
    const target = await handoffButtons(receiverId, task);
    if (!target) return undefined;
    return {
      url: target.url,
      context: (action) =>
        action === SNOOZE_ACTION
          ? signActionContext({a: SNOOZE_ACTION, t: task.id, u: receiverId, k: deadlineKind}, {key: deps.key, now: deps.now(), ttlMs: BUTTON_TTL_MS})
          : target.context(action),
    };
  };
}

/** The attachment (fresh signed buttons) a reminder about this task's deadline of this kind would have now, for updating a post in place. */
export function freshReminderAttachment(compose: (notice: Notice) => Promise<PostingNotice>, tasks: Pick<TaskReads, 'findTask'>) {
  return async (receiverId: string, taskId: string, deadlineKind: string): Promise<ReminderAttachment | undefined> => {
    const task = await tasks.findTask(taskId);
    const deadline = task?.deadlines.find((each) => each.kind === deadlineKind);
    if (!task || !deadline) return undefined;
    const notice = await compose({
      kind: 'deadline_reminder',
      userId: receiverId,
      taskId,
      deadline: {kind: deadline.kind, dueAt: deadline.dueAt.toISOString(), allDay: deadline.allDay, timeZone: deadline.timeZone},
      audience: task.holderId === receiverId ? 'holder' : 'follower',
      idempotencyKey: `refresh:${taskId}:${deadlineKind}`,
    });
    if (notice.kind !== 'direct_post') return undefined;
    return (notice.post.props?.attachments as ReminderAttachment[] | undefined)?.[0];
  };
}
