import * as z from 'zod';
import {MISSING_OFFSET_MESSAGE, deadlineKind, hasDuplicates, instantWithOffset, isDateTimeWithoutOffset, localDate, timeZone, utcInstant} from './fields';
import {strictRequest} from './messages';

// Named deadlines (legal, customer, internal, custom). Clients send `due` as
// a date (all-day) or an instant with an offset; the bridge answers with the
// instant it sorts and checks overdue by, plus how it was given.

export const deadlineSchema = z.object({
  kind: deadlineKind,
  /** For an all-day deadline: the end of that day in `timeZone`. */
  dueAt: utcInstant,
  allDay: z.boolean(),
  timeZone,
});

const DUE_ALLOWED = 'a date YYYY-MM-DD (due at the end of that day) or an ISO 8601 date-time with Z or an offset, e.g. 2025-03-31T17:00:00+09:00';

export const deadlineDue = z.union([localDate, instantWithOffset], {
  error: (issue) => {
    if (isDateTimeWithoutOffset(issue.input)) return MISSING_OFFSET_MESSAGE;
    return issue.input === undefined ? `is required (${DUE_ALLOWED})` : `must be ${DUE_ALLOWED}`;
  },
});

const ALL_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a `due` value names a whole day rather than an instant. */
export function isAllDayDue(due: string): boolean {
  return ALL_DAY.test(due);
}

export const DEADLINES_MAX = 20;

const uniqueKinds = {
  check: (list: ReadonlyArray<{kind: string}>) => !hasDuplicates(list.map((item) => item.kind)),
  error: 'must name each deadline kind at most once',
};

export const deadlineInputSchema = strictRequest({
  kind: deadlineKind,
  due: deadlineDue,
  /** The zone an all-day date is in (and a date-time is shown in); the creator's Mattermost time zone when omitted. */
  timeZone: timeZone.optional(),
});

export const deadlineInputsSchema = z
  .array(deadlineInputSchema, {error: `must be a list of at most ${DEADLINES_MAX} deadlines`})
  .max(DEADLINES_MAX, {error: `must be a list of at most ${DEADLINES_MAX} deadlines`})
  .refine(uniqueKinds.check, {error: uniqueKinds.error});

/** In a patch: sets or replaces the deadline of that kind; `due: null` removes it. Kinds not listed stay as they are. */
export const deadlineChangeSchema = strictRequest({
  kind: deadlineKind,
  due: deadlineDue.nullable(),
  timeZone: timeZone.optional(),
});

export const deadlineChangesSchema = z
  .array(deadlineChangeSchema, {error: `must be a list of at most ${DEADLINES_MAX} deadline changes`})
  .max(DEADLINES_MAX, {error: `must be a list of at most ${DEADLINES_MAX} deadline changes`})
  .refine(uniqueKinds.check, {error: uniqueKinds.error});

export type Deadline = z.infer<typeof deadlineSchema>;
export type DeadlineInput = z.infer<typeof deadlineInputSchema>;
export type DeadlineChange = z.infer<typeof deadlineChangeSchema>;
