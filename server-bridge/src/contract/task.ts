import * as z from 'zod';
import {deadlineSchema} from './deadline';
import {
  caseRefShape,
  channelId,
  localDate,
  opaqueId,
  postId,
  priority,
  statusCategory,
  statusId,
  TASK_KEY,
  userId,
  utcInstant,
  version,
} from './fields';

// A task as the API returns it. Every field is present; "nothing" is null
// (or an empty list), never a missing key, so clients need one check, not two.

export const taskStatusSchema = z.object({
  id: statusId,
  name: z.string(),
  category: statusCategory,
});

/** Of a parent task: how many of its sub-tasks are closed. */
export const taskProgressSchema = z.object({
  done: z.int().min(0),
  total: z.int().min(1),
});

export const caseRefSchema = z.object(caseRefShape);

export const taskSchema = z.object({
  id: opaqueId,
  key: z.string().regex(TASK_KEY).meta({description: '`<PREFIX>-<n>`, e.g. PAT-12; the prefix belongs to the channel (or to the user, for personal tasks).'}),
  title: z.string(),
  description: z.string().meta({description: 'Markdown.'}),
  statusId,
  status: taskStatusSchema,
  priority,
  holderId: userId.nullable().meta({description: 'Who holds the baton: the person who must act next. Null when nobody does.'}),
  handedById: userId.nullable().meta({description: 'Who passed the baton to the current holder; null when nobody did.'}),
  acceptedAt: utcInstant.nullable().meta({description: 'When the current holder accepted the handoff; null until then.'}),
  creatorId: userId,
  channelId: channelId.nullable().meta({description: 'The channel whose members see the task; null for a personal task.'}),
  watcherIds: z.array(userId),
  deadlines: z.array(deadlineSchema),
  startDate: localDate.nullable(),
  parentId: opaqueId.nullable(),
  progress: taskProgressSchema.nullable().meta({description: 'Sub-task progress; null when the task has no sub-tasks.'}),
  labels: z.array(z.string()),
  caseRef: caseRefSchema.nullable(),
  sourcePostId: postId.nullable().meta({description: 'The Mattermost post the task was created from.'}),
  createdAt: utcInstant,
  updatedAt: utcInstant,
  closedAt: utcInstant.nullable(),
  version: version.meta({description: 'Increases with every change; send it back (or as If-Match) so a stale edit is refused with 409.'}),
  externalContact: z
    .object({name: z.string(), email: z.string()})
    .nullable()
    .meta({description: 'Who asked, for a task from a channel’s web intake (a person outside Mattermost); null otherwise.'}),
});

export type TaskStatus = z.infer<typeof taskStatusSchema>;
export type TaskProgress = z.infer<typeof taskProgressSchema>;
export type CaseRef = z.infer<typeof caseRefSchema>;
export type Task = z.infer<typeof taskSchema>;
