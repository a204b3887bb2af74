import * as z from 'zod';
import {opaqueId, userId, utcInstant} from './fields';
import {pageOf} from './pagination';

// The append-only timeline: who changed what, when, from what to what. One
// event per changed field, so a history view needs no diffing.

/** The kinds the bridge writes today. Clients must show unknown kinds generically: new kinds are added without a new API version. */
export const KNOWN_TIMELINE_EVENT_KINDS = [
  'created',
  'field_changed',
  'handed_off',
  'status_changed',
  'commented',
  'comment_edited',
  'comment_deleted',
  'watched',
  'unwatched',
] as const;

export const timelineEventSchema = z.object({
  id: opaqueId,
  taskId: opaqueId,
  actorId: userId,
  at: utcInstant,
  kind: z.string().meta({description: `What happened: ${KNOWN_TIMELINE_EVENT_KINDS.join(', ')} (more may be added).`}),
  field: z.string().nullable().meta({description: 'The field that changed (e.g. title, holderId, deadlines.legal); null when the event is not about one field.'}),
  from: z.unknown().meta({description: 'The value before (any JSON value; null when there was none).'}),
  to: z.unknown().meta({description: 'The value after (any JSON value; null when removed).'}),
});

/** GET …/timeline: oldest first. */
export const timelinePageSchema = pageOf(timelineEventSchema);

export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
