import {WEBHOOK_SCHEMA_VERSION, type WebhookPayload} from '../contract/webhooks';
import type {Comment, Task} from '../domain/tasks/task';
import type {WebhookNotice} from '../domain/webhooks/ports';
import type {WorkflowRun} from '../domain/workflows/ports';
import {presentComment, presentTask} from '../http/presenters/taskPresenter';

// A delivery's JSON body (contract/webhooks.ts): the outbox keeps the domain
// objects as they were right after the change; here they become the REST
// API's shapes, so a receiver parses a webhook's task like a GET's. The same
// notice always gives the same body, so every retry sends the same bytes.

type Json = Record<string, unknown>;

const instant = (value: unknown): Date => new Date(value as string);
const instantOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : instant(value));

function taskOf(json: Json): Task {
  return {
    ...(json as unknown as Task),
    acceptedAt: instantOrNull(json.acceptedAt),
    createdAt: instant(json.createdAt),
    updatedAt: instant(json.updatedAt),
    closedAt: instantOrNull(json.closedAt),
    deadlines: (json.deadlines as Json[]).map((deadline) => ({...(deadline as unknown as Task['deadlines'][number]), dueAt: instant(deadline.dueAt)})),
  };
}

function commentOf(json: Json): Comment {
  return {...(json as unknown as Comment), createdAt: instant(json.createdAt), updatedAt: instant(json.updatedAt), deletedAt: instantOrNull(json.deletedAt)};
}

/** The run's own fields; its dates are ISO strings already (the outbox's JSON). */
function presentRunOf(json: Json): NonNullable<WebhookPayload['data']['run']> {
  const run = json as unknown as Omit<WorkflowRun, 'startedAt' | 'completedAt' | 'steps'> & {startedAt: string; completedAt: string | null; steps: Array<{position: number; taskId: string; startedAt: string | null; completedAt: string | null}>};
  return {
    id: run.id,
    templateId: run.templateId,
    templateVersion: run.templateVersion,
    title: run.title,
    channelId: run.channelId,
    requesterId: run.requesterId,
    status: run.status,
    currentStep: run.currentStep,
    parentTaskId: run.parentTaskId,
    startedAt: run.startedAt,
    completedAt: run.completedAt,
    steps: run.steps.map(({position, taskId, startedAt, completedAt}) => ({position, taskId, startedAt, completedAt})),
  };
}

export function webhookPayload(notice: WebhookNotice): WebhookPayload {
  const {event} = notice;
  // Round-trip through JSON: the notice may hold Date objects (fresh from a transaction) or ISO strings (read back from the outbox).
  const data = JSON.parse(JSON.stringify(event.data)) as {task: Json; comment?: Json; run?: Json};
  return {
    schemaVersion: WEBHOOK_SCHEMA_VERSION,
    id: notice.deliveryId,
    type: event.type,
    occurredAt: event.occurredAt,
    actor: event.actor,
    channelId: event.channelId,
    data: {
      task: presentTask(taskOf(data.task)),
      ...(data.comment ? {comment: presentComment(commentOf(data.comment))} : {}),
      ...(data.run ? {run: presentRunOf(data.run)} : {}),
    },
  };
}
