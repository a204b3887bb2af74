import type * as z from 'zod';
import {deadlineChangesSchema} from './deadline';
import {caseRefShape, description, labels, localDate, priority, taskRef, title, version} from './fields';
import {strictRequest} from './messages';

// PATCH /api/v1/tasks/{idOrKey}: any subset of the editable fields. The
// holder and the status are not edited here: moving the baton and changing
// status notify people and are recorded as their own events, so they have
// their own endpoints (handoff, transition).

export const EDITABLE_TASK_FIELDS = ['title', 'description', 'priority', 'deadlines', 'startDate', 'parentId', 'labels', 'caseRef'] as const;

export const taskPatchSchema = strictRequest(
  {
    title: title.optional(),
    description: description.optional(),
    priority: priority.optional(),
    deadlines: deadlineChangesSchema
      .optional()
      .meta({description: 'Per kind: sets or replaces that deadline; `due: null` removes it. Kinds not listed are kept.'}),
    startDate: localDate.nullable().optional().meta({description: 'null removes the start date.'}),
    parentId: taskRef.nullable().optional().meta({description: 'The new parent task (id or key); null makes it a top-level task.'}),
    labels: labels.optional().meta({description: 'Replaces all labels.'}),
    caseRef: strictRequest(caseRefShape).nullable().optional().meta({description: 'null removes the case reference.'}),
    version: version
      .optional()
      .meta({description: 'The version you last read. Required unless the If-Match header carries it ("<version>"); when both are sent they must agree.'}),
  },
  {
    holderId: 'cannot be changed by PATCH: pass the baton with POST /api/v1/tasks/{idOrKey}/handoff',
    statusId: 'cannot be changed by PATCH: change the status with POST /api/v1/tasks/{idOrKey}/transition',
  },
).refine((patch) => EDITABLE_TASK_FIELDS.some((field) => patch[field] !== undefined), {
  error: `must change at least one of ${EDITABLE_TASK_FIELDS.join(', ')}`,
});

export type TaskPatchInput = z.input<typeof taskPatchSchema>;
export type TaskPatch = z.output<typeof taskPatchSchema>;
