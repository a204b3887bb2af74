// What every benchmark suite reports: figures, each next to its target, so
// the runner (run.ts) can print one JSON document and one markdown table.

/** How a measured value is judged against its target. */
export type Comparison = 'at_most' | 'at_least' | 'report_only';

export interface Figure {
  /** Stable id, e.g. "task_command.p99_ms" (the JSON key and the table row). */
  id: string;
  /** One line for the markdown table, in English. */
  label: string;
  /** Which engine it was measured on, or null where engines do not apply (bundle size). */
  engine: 'postgres' | 'embedded' | null;
  value: number;
  unit: 'ms' | 'per_s' | 'KB' | 'MB' | 'ratio' | 'count';
  comparison: Comparison;
  /** The target in the same unit; null for report_only. */
  target: number | null;
  /**
   * Where machines differ the target is a ratio to a baseline measured in the
   * same run: the baseline figure's id and the ratio value (value / baseline).
   */
  baseline?: {id: string; ratio: number};
  /** Why a target was missed, or how it was measured, when the label is not enough. */
  note?: string;
}

/** A suite's context: where the shared pieces are and how big to make things. */
export interface BenchContext {
  /** Superuser URL of a throwaway PostgreSQL started by the runner. */
  postgresUrl: string;
  /** A scratch directory for data dirs and artefacts, deleted afterwards. */
  scratchDir: string;
  /** Task count for the data-scale suites (1,000,000 unless BENCH_TASKS says otherwise). */
  tasks: number;
  /** Progress lines go to stderr (stdout is the JSON document). */
  log(line: string): void;
  /**
   * Lists a file the suite wrote for the report (a chart), by its path
   * relative to docs/; docs/benchmarks.md shows it under the figures.
   */
  attach(title: string, pathFromDocs: string): void;
}

export interface BenchSuite {
  name: string;
  run(context: BenchContext): Promise<Figure[]>;
}

/** Whether a figure met its target (true for report_only figures). */
export function metTarget(figure: Figure): boolean {
  if (figure.comparison === 'report_only' || figure.target === null) return true;
  const value = figure.baseline ? figure.baseline.ratio : figure.value;
  return figure.comparison === 'at_most' ? value <= figure.target : value >= figure.target;
}

/** Percentile p (0–100) of the samples by nearest rank; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}
