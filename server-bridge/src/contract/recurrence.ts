import * as z from 'zod';
import {caseRefShape, channelId, deadlineKind, description, hasDuplicates, labels, localDate, note, priority, timeZone, title, userId, watcherIds} from './fields';
import {mustBe, strictRequest} from './messages';
import {roleName, workflowTemplateRef} from './workflow';

// Recurring work: a schedule (an RFC 5545 RRULE of whole days, a time of day
// and a zone, optionally moved to a business day) and what each occurrence
// creates — a task, or a run of a workflow template. The bridge creates each
// occurrence once, as the recurrence's creator. The rule itself is checked by
// the bridge's calendar module, whose messages name the field (schedule.rule).

/** What to do when the rule names a day that is not a business day (the calendar module's SHIFTS). */
export const RECURRENCE_SHIFTS = ['none', 'next_business_day', 'previous_business_day'] as const;
export const RECURRENCE_KINDS = ['task', 'workflow_run'] as const;

const ruleText = mustBe('an RRULE such as FREQ=WEEKLY;BYDAY=MO or FREQ=MONTHLY;BYMONTHDAY=1 (at most 200 characters)');
const timeRule = mustBe('a time of day HH:mm from 00:00 to 23:59, e.g. 09:00');

export const recurrenceScheduleSchema = strictRequest({
  rule: z.string(ruleText).min(1, ruleText).max(200, ruleText).meta({
    description: 'FREQ=DAILY, WEEKLY, MONTHLY or YEARLY with INTERVAL, COUNT, BYDAY (MO, 1MO, -1FR), BYMONTHDAY, BYMONTH, BYSETPOS and WKST; no times (see time), DTSTART or UNTIL (see start, until).',
  }),
  start: localDate.optional().meta({description: 'The first date the rule may name (COUNT counts from here); today in timeZone when omitted.'}),
  time: z.string(timeRule).regex(/^([01]\d|2[0-3]):[0-5]\d$/, timeRule).meta({description: 'When each occurrence happens, on its day in timeZone.'}),
  timeZone: timeZone.optional().meta({description: 'Where the days and the time are read; the creator’s Mattermost time zone when omitted.'}),
  shift: z.enum(RECURRENCE_SHIFTS, mustBe(RECURRENCE_SHIFTS.join(', '))).default('none').meta({
    description: 'A rule date that is not a business day moves to the next or previous one (monthly on the 1st → the first business day), or stays (none).',
  }),
  until: localDate.optional().meta({description: 'The last date the rule may name, inclusive.'}),
});

const businessDaysRule = mustBe('a whole number of business days from 0 to 365');

/** A deadline counted from the occurrence's day. */
export const recurringDeadlineSchema = strictRequest({
  kind: deadlineKind,
  businessDays: z.int(businessDaysRule).min(0, businessDaysRule).max(365, businessDaysRule).meta({
    description: 'Due at the end of the business day that many business days after the occurrence’s day (0: that day, or the next business day when it is a day off).',
  }),
});

const deadlinesRule = mustBe('a list of at most 10 deadline rules');
const recurringDeadlines = z
  .array(recurringDeadlineSchema, deadlinesRule)
  .max(10, deadlinesRule)
  .refine((rules) => !hasDuplicates(rules.map((rule) => rule.kind)), {error: 'must name each deadline kind once'})
  .default([]);

const DATE_PLACEHOLDER = '`{date}` in the title becomes the occurrence’s date (YYYY-MM-DD).';

/** What each occurrence of a recurring task creates, in the recurrence's channel. */
export const recurringTaskTemplateSchema = strictRequest({
  title: title.meta({description: DATE_PLACEHOLDER}),
  description: description.default(''),
  holderId: userId.nullish().meta({description: 'Who gets the baton of each new task (handed over by the recurrence’s creator, with a DM); a member of the channel.'}),
  priority: priority.default('normal'),
  labels: labels.optional(),
  caseRef: strictRequest(caseRefShape).nullish(),
  watcherIds: watcherIds.optional(),
  deadlines: recurringDeadlines,
});

/** How each occurrence of a recurring workflow run starts, in the recurrence's channel. */
export const recurringRunStartSchema = strictRequest({
  title: title.optional().meta({description: `Defaults to the template name and the occurrence’s date. ${DATE_PLACEHOLDER}`}),
  caseRef: strictRequest(caseRefShape).optional(),
  roles: z.record(roleName, userId, mustBe('an object mapping each role to a user id')).default({}),
  deadlines: recurringDeadlines.meta({description: 'The run’s overall deadlines, which step deadlines may follow.'}),
  comment: note.optional().meta({description: 'A note for the first holder.'}),
});

export const recurringRunTemplateSchema = strictRequest({
  templateRef: workflowTemplateRef.meta({description: 'The workflow template, by id or name; each occurrence follows its version current at the time.'}),
  runStart: recurringRunStartSchema,
});

const paused = z.boolean(mustBe('true or false'));

export const recurrenceCreateSchema = z.discriminatedUnion(
  'kind',
  [
    strictRequest({kind: z.literal('task'), channelId, schedule: recurrenceScheduleSchema, template: recurringTaskTemplateSchema}).meta({description: 'A task at each occurrence.'}),
    strictRequest({kind: z.literal('workflow_run'), channelId, schedule: recurrenceScheduleSchema, template: recurringRunTemplateSchema}).meta({
      description: 'A workflow run at each occurrence: its first step’s holder gets the baton.',
    }),
  ],
  mustBe('an object whose kind is task (with a task template) or workflow_run (with templateRef and runStart)'),
);

/** Pause, resume, or replace the schedule or the template (for the recurrence's kind). */
export const recurrencePatchSchema = strictRequest({
  paused: paused.optional().meta({description: 'A paused recurrence creates nothing; resuming starts from the next occurrence (missed ones are not made up).'}),
  schedule: recurrenceScheduleSchema.optional().meta({description: 'Replaces the whole schedule; occurrences already created stay.'}),
  template: z
    .record(z.string(), z.unknown(), mustBe('a template object for the recurrence’s kind'))
    .optional()
    .meta({description: 'Replaces the whole template: a RecurringTaskTemplate or a RecurringRunTemplate, as the recurrence’s kind needs.'}),
});

export const recurrenceListQuerySchema = strictRequest({
  channelId: channelId.optional().meta({description: 'Only this channel’s recurrences; otherwise every channel the caller belongs to.'}),
});

const problemSchema = z.object({
  occurrenceDate: z.string(),
  message: z.string().meta({description: 'Why that occurrence was not created, e.g. a holder who left the channel.'}),
  at: z.iso.datetime(),
});

const recurrenceShape = {
  id: z.string(),
  channelId: z.string(),
  createdBy: z.string().meta({description: 'Creates (and requests) every occurrence.'}),
  schedule: z.object({
    rule: z.string(),
    start: z.string(),
    time: z.string(),
    timeZone: z.string(),
    shift: z.enum(RECURRENCE_SHIFTS),
    until: z.string().optional(),
  }),
  paused: z.boolean(),
  nextDueAt: z.iso.datetime().nullable().meta({description: 'When the next occurrence is created; null once the schedule has ended.'}),
  lastProblem: problemSchema.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const recurrenceViewSchema = z.discriminatedUnion('kind', [
  z.object({kind: z.literal('task'), ...recurrenceShape, template: recurringTaskTemplateSchema}),
  z.object({kind: z.literal('workflow_run'), ...recurrenceShape, template: recurringRunTemplateSchema}),
]);

export const recurrenceListSchema = z.object({items: z.array(recurrenceViewSchema), nextCursor: z.null()});

export type RecurrenceScheduleInput = z.output<typeof recurrenceScheduleSchema>;
export type RecurringDeadline = z.output<typeof recurringDeadlineSchema>;
export type RecurringTaskTemplate = z.output<typeof recurringTaskTemplateSchema>;
export type RecurringRunTemplate = z.output<typeof recurringRunTemplateSchema>;
export type RecurrenceCreate = z.output<typeof recurrenceCreateSchema>;
export type RecurrencePatch = z.output<typeof recurrencePatchSchema>;
export type RecurrenceBody = z.infer<typeof recurrenceViewSchema>;
