import {type Figure, metTarget} from './figures';

// `make bench`'s outputs: one JSON document (stdout) and its markdown
// rendering (docs/benchmarks.md). Pure functions: the runner gathers the
// machine description and the figures, these only shape them.

export interface MachineDescription {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  postgres: string;
  pglite: string;
  /** 1-minute load averages when the run started and when it ended: other work on the machine slows every figure. */
  loadAverage: {start: number; end: number};
}

export interface Attachment {
  title: string;
  /** Relative to docs/. */
  path: string;
}

export interface SuiteFailure {
  suite: string;
  error: string;
}

export interface BenchDocument {
  generatedAt: string;
  durationSeconds: number;
  tasks: number;
  machine: MachineDescription;
  /** How the benchmark's PostgreSQL was configured (it is not a production setup). */
  postgresSettings: Record<string, string>;
  figures: Array<Figure & {met: boolean}>;
  attachments: Attachment[];
  failures: SuiteFailure[];
}

export function benchDocument(input: Omit<BenchDocument, 'figures'> & {figures: Figure[]}): BenchDocument {
  return {...input, figures: input.figures.map((figure) => ({...figure, met: metTarget(figure)}))};
}

const number = (value: number, digits = 2) => value.toLocaleString('en-US', {maximumFractionDigits: digits});

/** The value with its unit, as the table shows it. */
export function formatValue(value: number, unit: Figure['unit']): string {
  switch (unit) {
    case 'ms':
      return `${number(value, value < 10 ? 2 : 1)} ms`;
    case 'per_s':
      return `${number(value, 1)}/s`;
    case 'KB':
      return `${number(value, 1)} KB`;
    case 'MB':
      return `${number(value, 1)} MB`;
    case 'ratio':
      return `${number(value)}×`;
    case 'count':
      return number(value, 0);
  }
}

function formatTarget(figure: Figure): string {
  if (figure.comparison === 'report_only' || figure.target === null) return '—';
  const sign = figure.comparison === 'at_most' ? '≤' : '≥';
  return figure.baseline ? `${sign} ${number(figure.target)}× ${figure.baseline.id}` : `${sign} ${formatValue(figure.target, figure.unit)}`;
}

function formatMeasured(figure: Figure): string {
  const value = formatValue(figure.value, figure.unit);
  return figure.baseline ? `${value} (${number(figure.baseline.ratio)}× ${figure.baseline.id})` : value;
}

function verdict(figure: Figure & {met: boolean}): string {
  if (figure.comparison === 'report_only' || figure.target === null) return 'reported';
  return figure.met ? 'yes' : '**no**';
}

/** Table cells may not contain a pipe or a line break. */
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function figureTable(figures: ReadonlyArray<Figure & {met: boolean}>): string {
  const rows = figures.map((figure) => `| ${cell(figure.label)} | ${figure.engine ?? '—'} | ${cell(formatMeasured(figure))} | ${cell(formatTarget(figure))} | ${verdict(figure)} |`);
  return ['| Figure | Engine | Value | Target | Met? |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function renderMarkdown(document: BenchDocument): string {
  const {machine} = document;
  const missed = document.figures.filter((figure) => !figure.met);
  const noted = document.figures.filter((figure) => figure.note);
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`make bench\` on ${document.generatedAt.slice(0, 10)} (${Math.round(document.durationSeconds / 60)} minutes, ${number(document.tasks, 0)} tasks for the data-scale figures). The JSON document of the same run went to stdout; rerun \`make bench\` to refresh this page. Figures depend on the machine: compare runs on the same machine, and ratios where a figure gives one.`,
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${cell(machine.cpuModel)}, ${machine.cores} cores |`,
    `| RAM | ${number(machine.ramGiB, 1)} GiB |`,
    `| OS | ${cell(machine.os)} |`,
    `| Node | ${machine.node} |`,
    `| PostgreSQL | ${cell(machine.postgres)} |`,
    `| PGlite (embedded engine) | ${machine.pglite} |`,
    `| Load average (1 min) | ${number(machine.loadAverage.start)} at the start, ${number(machine.loadAverage.end)} at the end |`,
    '',
    `The PostgreSQL server is a throwaway one the run starts on this machine, tuned for a benchmark, not for durability: ${Object.entries(document.postgresSettings)
      .map(([name, value]) => `\`${name}=${value}\``)
      .join(', ')}. With fsync off, writes (handoffs, loading) are faster than on a durable server; reads are not affected.`,
    '',
    '## Figures',
    '',
    figureTable(document.figures),
    '',
  ];
  if (missed.length > 0) {
    lines.push('## Targets missed', '', ...missed.map((figure) => `- **${cell(figure.label)}** (${figure.engine ?? 'no engine'}): ${formatMeasured(figure)} against ${formatTarget(figure)}.${figure.note ? ` ${figure.note}` : ''}`), '');
  }
  if (noted.length > 0) lines.push('## How each figure was measured', '', ...noted.map((figure) => `- \`${figure.id}\`: ${figure.note}`), '');
  if (document.attachments.length > 0) lines.push('## Charts', '', ...document.attachments.map((attachment) => `![${attachment.title}](${attachment.path})`), '');
  if (document.failures.length > 0) lines.push('## Suites that failed', '', ...document.failures.map((failure) => `- ${failure.suite}: ${cell(failure.error)}`), '');
  return `${lines.join('\n')}`;
}
