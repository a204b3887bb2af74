import * as z from 'zod';
import {deadlineKind, localDate, timeZone, utcInstant} from './fields';
import {mustBe, strictRequest} from './messages';

// GET /api/v1/stats/people/{userId} and /api/v1/stats/workflows/{templateRef}:
// figures over a period, counted only over what the caller may see. The
// period is a shorthand or two dates (both included), read in the caller's
// Mattermost time zone; the answer says which instants that became.

export const STATS_PERIODS = ['this_week', 'last_week', 'this_month', 'last_month', 'last_30_days'] as const;
export const STATS_FORMATS = ['json', 'csv'] as const;

const periodRule = mustBe(`one of ${STATS_PERIODS.join(', ')}`);

export const statsQuerySchema = strictRequest({
  period: z.enum(STATS_PERIODS, periodRule).optional().meta({description: 'A period in the caller’s time zone (weeks start on Monday). Without period, from and to: last_30_days.'}),
  from: localDate.optional().meta({description: 'First day of the period (with to; not with period).'}),
  to: localDate.optional().meta({description: 'Last day of the period, included (with from).'}),
  format: z.enum(STATS_FORMATS, mustBe('json or csv')).default('json'),
}).superRefine((query, context) => {
  if (query.period && (query.from || query.to)) {
    context.addIssue({code: 'custom', path: ['period'], message: 'give either period or from and to, not both'});
    return;
  }
  if (query.from && !query.to) context.addIssue({code: 'custom', path: ['to'], message: 'is required with from (the last day of the period, e.g. 2027-06-30)'});
  if (query.to && !query.from) context.addIssue({code: 'custom', path: ['from'], message: 'is required with to (the first day of the period, e.g. 2027-06-01)'});
  if (query.from && query.to && query.to < query.from) context.addIssue({code: 'custom', path: ['to'], message: 'must be the same day as from or later'});
});

export const statsPeriodSchema = z.object({
  from: utcInstant.meta({description: 'Start of the period (included).'}),
  to: utcInstant.meta({description: 'End of the period (excluded).'}),
  timeZone: timeZone.meta({description: 'Where the period’s days were read: the caller’s time zone.'}),
  name: z.enum(STATS_PERIODS).nullable().meta({description: 'The shorthand asked for; null for from/to.'}),
});

const milliseconds = z.int().nullable();

export const durationSummarySchema = z.object({
  count: z.int(),
  medianMs: milliseconds.meta({description: 'Null when count is 0.'}),
  p90Ms: milliseconds.meta({description: '90th percentile, interpolated between neighbours; null when count is 0.'}),
});

export const personStatsSchema = z.object({
  userId: z.string(),
  period: statsPeriodSchema,
  tasksCompleted: z.int().meta({description: 'Tasks this person held when they were closed (not cancelled) in the period; workflow run parents excluded.'}),
  stepsCompleted: z.int().meta({description: 'Of tasksCompleted, the steps of workflow runs.'}),
  onTime: z
    .array(
      z.object({
        kind: deadlineKind,
        due: z.int().meta({description: 'Completed tasks with a deadline of this kind.'}),
        onTime: z.int().meta({description: 'Of those, closed at or before that deadline.'}),
        rate: z.number().nullable(),
      }),
    )
    .meta({description: 'Per deadline kind: legal, customer, internal first.'}),
  holding: z
    .object({count: z.int(), averageMs: milliseconds})
    .meta({description: 'Holdings (from receiving the baton to passing it on or closing the task) that ended in the period.'}),
  load: z
    .object({heldOpen: z.int(), overdue: z.int(), asOf: utcInstant})
    .meta({description: 'Now, whatever the period: open tasks this person holds, and how many have a deadline already past.'}),
});

export const stepStatsSchema = z.object({
  position: z.int(),
  name: z.string(),
  durations: durationSummarySchema.meta({description: 'From the baton reaching the step to its completion, for steps completed in the period.'}),
  waiting: z.int().meta({description: 'Active runs at this step now.'}),
});

export const workflowStatsSchema = z.object({
  templateId: z.string(),
  templateName: z.string(),
  period: statsPeriodSchema,
  runs: durationSummarySchema.meta({description: 'From start to completion, for runs completed in the period.'}),
  activeRuns: z.int(),
  steps: z.array(stepStatsSchema),
  bottleneck: z
    .object({position: z.int(), name: z.string(), medianMs: z.int()})
    .nullable()
    .meta({description: 'The step with the longest median duration; null without completed steps.'}),
});

export type StatsQuery = z.output<typeof statsQuerySchema>;
export type PersonStatsBody = z.infer<typeof personStatsSchema>;
export type WorkflowStatsBody = z.infer<typeof workflowStatsSchema>;
