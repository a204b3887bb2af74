import type * as z from 'zod';
import {deadlineInputsSchema} from './deadline';
import {caseRefShape, channelId, description, labels, localDate, postId, priority, statusId, taskRef, title, userId, watcherIds} from './fields';
import {strictRequest} from './messages';

// POST /api/v1/tasks. Only `title` is required; the rest has defaults or is
// empty (null and omitted mean the same: generated clients often send null).
// Unknown fields are refused so a misspelt field is not lost silently.

export const taskCreateSchema = strictRequest({
  title,
  description: description.default(''),
  channelId: channelId.nullish().meta({description: 'Omitted or null: a personal task, seen by its creator, holder and watchers.'}),
  holderId: userId.nullish().meta({description: 'Who gets the baton; omitted or null: nobody holds it yet.'}),
  priority: priority.default('normal'),
  statusId: statusId.default('open'),
  deadlines: deadlineInputsSchema.optional(),
  startDate: localDate.nullish(),
  parentId: taskRef.nullish().meta({description: 'The parent task (id or key) when this is a sub-task.'}),
  labels: labels.optional(),
  caseRef: strictRequest(caseRefShape).nullish(),
  sourcePostId: postId.nullish().meta({description: 'The Mattermost post this task was made from ("Create task from message").'}),
  watcherIds: watcherIds.optional(),
});

/** What a client sends (defaults may be left out). */
export type TaskCreateInput = z.input<typeof taskCreateSchema>;
/** What the bridge works with after parsing (defaults applied, text trimmed). */
export type TaskCreate = z.output<typeof taskCreateSchema>;
