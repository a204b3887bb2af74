import type {TaskChangeListener} from '../tasks/ports';

// Tells people when the baton reaches them: every handoff to someone other
// than the person handing over (workflow steps included) and every decline
// (back to the sender, with the reason). The notice is written to the outbox
// in the change's own transaction and rendered at delivery, in the
// receiver's language and time zone, from the task as it is then; so a
// handoff succeeds while Mattermost is unreachable and is announced once it
// is back.

export function createHandoffNotifier(): TaskChangeListener {
  return {
    async afterChange(tx, change) {
      const {after, before, actor} = change;
      const receiver = after.holderId;
      // Taking the baton yourself is not news to you.
      if (!receiver || receiver === actor.userId) return;
      // The task's version names this change for good: a retry of the same change enqueues nothing new.
      const idempotencyKey = `${change.kind}:${after.id}:v${after.version}`;
      if (change.kind === 'handed_off') {
        await tx.outbox.enqueue({
          kind: 'handoff',
          userId: receiver,
          taskId: after.id,
          fromUserId: actor.userId,
          previousHolderId: before.holderId,
          comment: change.comment ?? null,
          idempotencyKey,
        });
      } else if (change.kind === 'declined') {
        await tx.outbox.enqueue({kind: 'declined', userId: receiver, taskId: after.id, fromUserId: actor.userId, comment: change.comment ?? null, idempotencyKey});
      }
    },
  };
}
