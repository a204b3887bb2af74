import * as z from 'zod';
import {note, statusId, userId, version} from './fields';
import {mustBe, strictRequest} from './messages';

// The two ways a task moves on: the baton passes to someone (handoff), or the
// status changes (transition). Each may carry a note for the next person and
// may name the version it was made against (409 when stale).

const versionField = version
  .optional()
  .meta({description: 'The version you last read; also accepted as If-Match. Omitted: applies to the current version.'});

export const handoffSchema = strictRequest({
  toUserId: userId.meta({description: 'Who receives the baton (a member of the task’s channel).'}),
  comment: note.optional().meta({description: 'A note for the new holder (markdown); kept as a comment on the task.'}),
  version: versionField,
});

export const transitionSchema = strictRequest({
  statusId,
  comment: note.optional().meta({description: 'Why the status changed (markdown); shown in the timeline. Completing a workflow step: passed on to the next holder.'}),
  nextHolderId: userId.optional().meta({description: 'Completing a workflow step (done) whose next step goes to whoever you choose: that person.'}),
  version: versionField,
});

export const acceptSchema = strictRequest({version: versionField});

const reasonRule = mustBe('1–5000 characters saying why, for the person who handed it over');
export const declineSchema = strictRequest({
  reason: z.string(reasonRule).trim().min(1, reasonRule).max(5000, reasonRule),
  version: versionField,
});

export type Handoff = z.output<typeof handoffSchema>;
export type Transition = z.output<typeof transitionSchema>;
export type Decline = z.output<typeof declineSchema>;
