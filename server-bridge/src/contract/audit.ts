import * as z from 'zod';
import {instantWithOffset, utcInstant} from './fields';
import {mustBe, strictRequest} from './messages';

// GET /api/v1/admin/audit: the audit log of a time range, for system admins,
// as one JSON or CSV file (streamed: a year of changes never sits in memory).

export const AUDIT_FORMATS = ['json', 'csv'] as const;
export const AUDIT_SOURCES = ['user', 'token', 'scheduler', 'intake'] as const;

export const auditExportQuerySchema = strictRequest({
  from: instantWithOffset.meta({description: 'Start of the range (included).'}),
  to: instantWithOffset.meta({description: 'End of the range (excluded).'}),
  format: z.enum(AUDIT_FORMATS, mustBe('json or csv')).default('json'),
}).superRefine((query, context) => {
  if (new Date(query.to).getTime() <= new Date(query.from).getTime()) context.addIssue({code: 'custom', path: ['to'], message: 'must be later than from'});
});

export const auditRecordSchema = z.object({
  id: z.string().meta({description: 'Grows with every entry.'}),
  at: utcInstant,
  actorId: z.string().meta({description: 'The Mattermost user who acted (for a token: the Baton bot, in whose name tokens act).'}),
  source: z.enum(AUDIT_SOURCES).meta({description: 'user: a person (webapp, `/task`, a button or dialog); token: an API token; scheduler: recurring work; intake: a channel’s web intake.'}),
  sourceId: z.string().nullable().meta({description: 'The token id, the scheduler job, or the intake’s channel; null for a person.'}),
  action: z.string().meta({description: '`<entity>.<verb>`, e.g. task.created, task.handed_off, comment.deleted, channel_settings.updated.'}),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().meta({description: 'The thing before the change (JSON); null when it did not exist.'}),
  after: z.unknown().meta({description: 'The thing after the change (JSON); null when it was removed.'}),
});

export const auditExportSchema = z.object({
  from: utcInstant,
  to: utcInstant,
  exportedAt: utcInstant,
  items: z.array(auditRecordSchema),
});

export type AuditExportQuery = z.output<typeof auditExportQuerySchema>;
