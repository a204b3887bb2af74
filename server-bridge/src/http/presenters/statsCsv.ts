import type {DurationSummary, PersonStats, TemplateStats} from '../../domain/stats/types';
import {CSV_BOM, csvRow} from './taskCsv';

// Stats as CSV, with the conventions of the task export (taskCsv.ts): a
// UTF-8 byte order mark, RFC 4180 quoting and CRLF, formula-like cells
// neutralised. Durations are hours with two decimals (spreadsheets sum and
// chart those); rates are fractions with four.

const STANDARD_DEADLINES = ['legal', 'customer', 'internal'] as const;

export const PERSON_STATS_CSV_HEADER = [
  'userId',
  'from',
  'to',
  'tasksCompleted',
  'stepsCompleted',
  ...STANDARD_DEADLINES.flatMap((kind) => [`${kind}.due`, `${kind}.onTime`, `${kind}.rate`]),
  'otherDeadlines',
  'holdings',
  'averageHoldingHours',
  'heldOpen',
  'overdue',
  'asOf',
];

/** One header and one row: files of several people concatenate under the same header. */
export function personStatsCsv(stats: PersonStats): string {
  const standard = STANDARD_DEADLINES.flatMap((kind) => {
    const entry = stats.onTime.find((each) => each.kind === kind);
    return entry ? [entry.due, entry.onTime, fraction(entry.rate)] : [0, 0, null];
  });
  const others = stats.onTime
    .filter((entry) => !(STANDARD_DEADLINES as readonly string[]).includes(entry.kind))
    .map((entry) => `${entry.kind}=${entry.onTime}/${entry.due}`)
    .join('; ');
  return (
    CSV_BOM +
    csvRow(PERSON_STATS_CSV_HEADER) +
    csvRow([
      stats.userId,
      stats.period.from.toISOString(),
      stats.period.to.toISOString(),
      stats.tasksCompleted,
      stats.stepsCompleted,
      ...standard,
      others,
      stats.holding.count,
      hours(stats.holding.averageMs),
      stats.load.heldOpen,
      stats.load.overdue,
      stats.load.asOf.toISOString(),
    ])
  );
}

export const WORKFLOW_STATS_CSV_HEADER = ['templateName', 'from', 'to', 'scope', 'stepNumber', 'stepName', 'count', 'medianHours', 'p90Hours', 'waiting', 'bottleneck'];

/** A `run` row (completed runs; waiting = active runs), then one `step` row per step, numbered from 1 as people count them. */
export function workflowStatsCsv(stats: TemplateStats): string {
  const shared = [stats.templateName, stats.period.from.toISOString(), stats.period.to.toISOString()];
  const durations = (summary: DurationSummary) => [summary.count, hours(summary.medianMs), hours(summary.p90Ms)];
  const rows = [
    csvRow([...shared, 'run', null, null, ...durations(stats.runs), stats.activeRuns, null]),
    ...stats.steps.map((step) => {
      const slowest = stats.bottleneck?.position === step.position && stats.bottleneck.name === step.name;
      return csvRow([...shared, 'step', step.position + 1, step.name, ...durations(step.durations), step.waiting, slowest ? 'true' : null]);
    }),
  ];
  return CSV_BOM + csvRow(WORKFLOW_STATS_CSV_HEADER) + rows.join('');
}

function hours(ms: number | null): string | null {
  return ms === null ? null : (ms / 3_600_000).toFixed(2);
}

function fraction(rate: number | null): string | null {
  return rate === null ? null : rate.toFixed(4);
}
