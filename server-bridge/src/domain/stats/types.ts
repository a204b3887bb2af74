// What Baton reports about people and workflow templates over a period. The
// definitions behind every figure are spelled out here once; the SQL in
// storage/statsQueries.ts computes exactly these.
//
// - A *holding* is one stretch of a person holding the baton of an open task:
//   it starts when they receive it (created with them as holder, handed to
//   them, or handed back to them by a decline) — not when they accept — and
//   ends when it is passed on (handoff or decline) or the task is closed.
// - A task is *completed by* whoever held it when it moved to a closed status
//   other than `cancelled` (the worker, not whoever pressed the button).
// - A *step* is a task that is a step of a workflow run. A run's parent task
//   is left out of person figures: the requester "holds" it for the whole run
//   and it closes by itself with the last step, so it measures nobody's work.
// - A figure over a period counts what *ended* in it (completions, holdings,
//   runs, steps); load and waiting are as of now, whatever the period.

/** Half-open: `from` ≤ t < `to`. */
export interface StatsPeriod {
  from: Date;
  to: Date;
  /** Where the period's days were read (the caller's zone); dates are shown in it. */
  timeZone: string;
  /** The shorthand it came from, or null for explicit dates. */
  name: StatsPeriodName | null;
}

export type StatsPeriodName = 'this_week' | 'last_week' | 'this_month' | 'last_month' | 'last_30_days';

/** How long things took; percentiles interpolate between neighbours (PostgreSQL percentile_cont). */
export interface DurationSummary {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/** Of the completed tasks with a deadline of this kind: how many were closed at or before it. */
export interface OnTimeByKind {
  kind: string;
  /** Completed tasks that had a deadline of this kind. */
  due: number;
  onTime: number;
  /** onTime / due, or null when due is 0. */
  rate: number | null;
}

export interface PersonStats {
  userId: string;
  period: StatsPeriod;
  /** Tasks (steps included) this person completed in the period. */
  tasksCompleted: number;
  /** Of those, steps of workflow runs. */
  stepsCompleted: number;
  /** By deadline kind, legal, customer and internal first, then others by name. */
  onTime: OnTimeByKind[];
  /** Holdings that ended in the period; ongoing ones are not averaged. */
  holding: {count: number; averageMs: number | null};
  /** Open tasks this person holds now; overdue: with any deadline already past. */
  load: {heldOpen: number; overdue: number; asOf: Date};
}

export interface StepStats {
  position: number;
  /** The step's name in the template version its runs followed. */
  name: string;
  /** Step start (the baton reached it) → completion, for steps completed in the period. */
  durations: DurationSummary;
  /** Steps of active runs that have started and are not completed: waiting there now. */
  waiting: number;
}

export interface TemplateStats {
  templateId: string;
  templateName: string;
  period: StatsPeriod;
  /** Start → completion of runs completed in the period. */
  runs: DurationSummary;
  /** Runs still active now. */
  activeRuns: number;
  /** By position; a step renamed between versions appears once per name. */
  steps: StepStats[];
  /** The step with the longest median duration (the earliest on a tie), or null without completed steps. */
  bottleneck: {position: number; name: string; medianMs: number} | null;
}
