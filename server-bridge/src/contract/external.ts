import * as z from 'zod';
import {deadlineInputsSchema} from './deadline';
import {caseRefShape, channelId, description, labels, localDate, note, opaqueId, priority, statusId, title, userId} from './fields';
import {mustBe, strictRequest} from './messages';

// What business systems send: a task known by their own reference
// (`PUT /api/v1/external/{source}/tasks/{externalId}`: create or update,
// idempotent on (source, externalId)), and the completion of a run's step
// (`POST /api/v1/runs/{runId}/steps/{position}/complete`).

const sourceRule = mustBe('1–64 characters: letters, digits, dot, underscore or hyphen, starting with a letter or digit (e.g. billing, ip-manager)');
export const externalSource = z.string(sourceRule).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, sourceRule);

const externalIdRule = mustBe('1–200 printable characters without spaces or slashes (the business system’s own id, e.g. INV-2026-0142)');
export const externalId = z.string(externalIdRule).regex(/^[^\s/\\]{1,200}$/u, externalIdRule);

export const externalTaskParams = z.object({source: externalSource, externalId});

/**
 * The whole task as the business system sees it. On creation, omitted fields
 * get the defaults of POST /api/v1/tasks; on update, omitted fields are left
 * as they are and given ones are set (deadlines: exactly the kinds given).
 */
export const externalTaskPutSchema = strictRequest({
  title,
  channelId: channelId.meta({description: 'The channel the task lives in (it cannot move later). API tokens create tasks only in channels.'}),
  description: description.optional(),
  holderId: userId.nullish().meta({description: 'Who holds the baton (a member of the channel): a different one hands the task over, with the usual DM. Omitted or null on update: the holder stays.'}),
  priority: priority.optional(),
  statusId: statusId.optional().meta({description: 'On update, a different status moves the task (done on a workflow step passes the baton).'}),
  deadlines: deadlineInputsSchema.optional(),
  startDate: localDate.nullish(),
  labels: labels.optional(),
  caseRef: strictRequest(caseRefShape).nullish(),
});
export type ExternalTaskPutInput = z.input<typeof externalTaskPutSchema>;
export type ExternalTaskPut = z.output<typeof externalTaskPutSchema>;

const positionRule = mustBe('the step’s position in the run, from 0');
export const runStepParams = z.object({
  runId: opaqueId,
  position: z.coerce.number(positionRule).int(positionRule).min(0, positionRule).max(999, positionRule),
});

export const stepCompleteSchema = strictRequest({
  comment: note.optional().meta({description: 'For the next holder: quoted in their DM and kept as a comment on the step.'}),
  nextHolderId: userId.optional().meta({description: 'Only when the next step’s holder is chosen at handoff (assignee rule "chosen").'}),
});
