import * as z from 'zod';
import {commentSchema} from './comment';
import {channelId, opaqueId, userId, utcInstant} from './fields';
import {mustBe, strictRequest} from './messages';
import {taskSchema} from './task';

// Outgoing webhooks (`/api/v1/webhooks`): a subscription sends typed events
// of one channel (or, for system admins, of every channel) to a URL as signed
// JSON POSTs. The payload carries `schemaVersion`; a receiver that sees a
// version it does not know should refuse it rather than guess. README
// "Webhooks" shows how to verify the signature.

export const WEBHOOK_EVENT_TYPES = ['task.created', 'task.updated', 'task.handed_off', 'task.completed', 'comment.created', 'workflow.started', 'workflow.completed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The payload's layout; raised only for a change a receiver could misread. */
export const WEBHOOK_SCHEMA_VERSION = 1;

/** Headers of every delivery: the Unix time (seconds) it was signed at, and `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`. */
export const WEBHOOK_TIMESTAMP_HEADER = 'x-baton-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'x-baton-signature';

const eventTypeRule = mustBe(`one of ${WEBHOOK_EVENT_TYPES.join(', ')}`);
const eventTypesRule = mustBe(`a list of 1–${WEBHOOK_EVENT_TYPES.length} distinct event types: ${WEBHOOK_EVENT_TYPES.join(', ')}`);
const urlRule = mustBe('an https URL of at most 2000 characters without user name or password (http only to localhost, 127.0.0.1 or [::1], for development)');

/** Loopback hosts: plain http is allowed only there (a receiver on the bridge's own machine, in development and tests). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isAllowedWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES, eventTypeRule);

export const webhookCreateSchema = strictRequest({
  url: z
    .string(urlRule)
    .max(2000, urlRule)
    .refine(isAllowedWebhookUrl, urlRule)
    .meta({description: 'Where deliveries are POSTed. https (plain http only to a loopback host, for development). Redirects are never followed.'}),
  eventTypes: z
    .array(webhookEventType, eventTypesRule)
    .min(1, eventTypesRule)
    .max(WEBHOOK_EVENT_TYPES.length, eventTypesRule)
    .refine((list) => new Set(list).size === list.length, eventTypesRule)
    .meta({description: `Which events to send: ${WEBHOOK_EVENT_TYPES.join(', ')}.`}),
  channelId: channelId.nullish().meta({description: 'The channel whose events to send (its channel admins and system admins may subscribe); omitted or null: every channel (system admins only).'}),
});
export type WebhookCreateInput = z.output<typeof webhookCreateSchema>;

export const webhookParams = z.object({webhookId: opaqueId});

export const webhookDeliverySchema = z.object({
  id: z.string().meta({description: 'The delivery id: the payload’s `id`, the same on every retry (receivers can drop repeats by it).'}),
  eventType: webhookEventType,
  createdAt: utcInstant,
  status: z.enum(['pending', 'delivered', 'failed']).meta({description: 'pending: not delivered yet, being retried; failed: given up.'}),
  attempts: z.int().min(0),
  lastStatus: z.int().nullable().meta({description: 'The HTTP status of the latest attempt; null when it got no answer (timeout, refused connection) or none was made yet.'}),
  lastError: z.string().nullable(),
  lastAttemptAt: utcInstant.nullable(),
  deliveredAt: utcInstant.nullable(),
});

export const webhookSchema = z.object({
  id: z.string(),
  channelId: z.string().nullable().meta({description: 'Null: every channel.'}),
  url: z.string(),
  eventTypes: z.array(webhookEventType),
  createdBy: userId,
  createdAt: utcInstant,
  lastStatus: z.int().nullable().meta({description: 'The HTTP status of the latest delivery attempt of any event; null: no answer, or no attempt yet.'}),
  lastAttemptAt: utcInstant.nullable(),
  lastError: z.string().nullable(),
});
export type WebhookView = z.infer<typeof webhookSchema>;

export const webhookCreatedSchema = webhookSchema.extend({
  secret: z.string().meta({description: 'Signs every delivery (X-Baton-Signature). Shown only in this answer: keep it now, it cannot be read again.'}),
});

export const webhookDetailSchema = webhookSchema.extend({
  recentDeliveries: z.array(webhookDeliverySchema).meta({description: 'The latest deliveries, newest first (at most 50).'}),
});

export const webhookListSchema = z.object({items: z.array(webhookSchema)});

/** The run as a webhook reports it: the run's own fields, without its template's definition. */
export const webhookRunSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  templateVersion: z.int(),
  title: z.string(),
  channelId: z.string(),
  requesterId: userId,
  status: z.string(),
  currentStep: z.int().nullable(),
  parentTaskId: z.string(),
  startedAt: utcInstant,
  completedAt: utcInstant.nullable(),
  steps: z.array(z.object({position: z.int(), taskId: z.string(), startedAt: utcInstant.nullable(), completedAt: utcInstant.nullable()})),
});

/** The JSON body of every delivery. */
export const webhookPayloadSchema = z.object({
  schemaVersion: z.literal(WEBHOOK_SCHEMA_VERSION),
  id: z.string().meta({description: 'The delivery id, the same on every retry.'}),
  type: webhookEventType,
  occurredAt: utcInstant,
  actor: z.object({
    userId,
    source: z.enum(['user', 'token', 'scheduler', 'intake']).meta({description: 'A person, an API token, the scheduler (recurring tasks) or a channel’s web intake.'}),
  }),
  channelId: z.string(),
  data: z.object({
    task: taskSchema.meta({description: 'The task as the REST API shows it, as it was right after the change (for workflow events: the run’s parent task).'}),
    comment: commentSchema.optional().meta({description: 'comment.created only.'}),
    run: webhookRunSchema.optional().meta({description: 'workflow.started and workflow.completed only.'}),
  }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;
