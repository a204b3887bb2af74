import {type Figure, metTarget, percentile} from './figures';
import {benchDocument, figureTable, formatValue, type MachineDescription, renderMarkdown} from './report';
import {taskCountFrom} from './run';

const machine: MachineDescription = {cpuModel: 'AMD EPYC', cores: 2, ramGiB: 23.5, os: 'Debian GNU/Linux 12 (bookworm), kernel 6.1.0', node: 'v20.20.2', postgres: 'PostgreSQL 15.14', pglite: '0.5.16', loadAverage: {start: 0.31, end: 1.2}};

const board: Figure = {id: 'board.postgres.p95_ms', label: 'Board at 1,000,000 tasks, p95', engine: 'postgres', value: 12.345, unit: 'ms', comparison: 'at_most', target: 15};
const slowSearch: Figure = {id: 'search_cjk_pair.postgres.p95_ms', label: 'Search 検索, p95', engine: 'postgres', value: 61.2, unit: 'ms', comparison: 'at_most', target: 50, note: 'the candidates are 1% of all tasks'};
const throughput: Figure = {id: 'handoffs.per_s', label: 'Handoffs per second', engine: 'postgres', value: 812.5, unit: 'per_s', comparison: 'at_least', target: 500};
const bundle: Figure = {id: 'bundle.gzip_kb', label: 'Webapp bundle | gzipped', engine: null, value: 98.04, unit: 'KB', comparison: 'at_most', target: 120};
const loaded: Figure = {id: 'dataset.postgres.tasks', label: 'Tasks loaded', engine: 'postgres', value: 1_000_000, unit: 'count', comparison: 'report_only', target: null};
const scaled: Figure = {id: 'replicas.3.per_s', label: 'Handoffs per second with 3 replicas', engine: 'postgres', value: 1900, unit: 'per_s', comparison: 'at_least', target: 2.5, baseline: {id: 'replicas.1.per_s', ratio: 2.34}};

function document(figures: Figure[]) {
  return benchDocument({
    generatedAt: '2026-11-23T12:00:00.000Z',
    durationSeconds: 1080,
    tasks: 1_000_000,
    machine,
    postgresSettings: {fsync: 'off', shared_buffers: '1GB'},
    figures,
    attachments: [],
    failures: [],
  });
}

describe('judging figures', () => {
  it('meets an at-most target at or below it and misses above it', () => {
    expect(metTarget(board)).toBe(true);
    expect(metTarget({...board, value: 15})).toBe(true);
    expect(metTarget(slowSearch)).toBe(false);
  });

  it('meets an at-least target at or above it', () => {
    expect(metTarget(throughput)).toBe(true);
    expect(metTarget({...throughput, value: 499})).toBe(false);
  });

  it('judges a figure with a baseline by its ratio, not its value', () => {
    expect(metTarget(scaled)).toBe(false);
    expect(metTarget({...scaled, baseline: {id: 'replicas.1.per_s', ratio: 2.6}})).toBe(true);
  });

  it('counts report-only figures as met', () => {
    expect(metTarget(loaded)).toBe(true);
  });

  it('takes percentiles by nearest rank', () => {
    const samples = Array.from({length: 100}, (_, index) => 100 - index);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('the figures table', () => {
  it('has one row per figure: label, engine, value, target and whether it was met', () => {
    expect(figureTable(document([board, slowSearch, loaded]).figures).split('\n')).toEqual([
      '| Figure | Engine | Value | Target | Met? |',
      '|---|---|---|---|---|',
      '| Board at 1,000,000 tasks, p95 | postgres | 12.3 ms | ≤ 15 ms | yes |',
      '| Search 検索, p95 | postgres | 61.2 ms | ≤ 50 ms | **no** |',
      '| Tasks loaded | postgres | 1,000,000 | — | reported |',
    ]);
  });

  it('shows a ratio figure as its value with the ratio, against a target in multiples of the baseline', () => {
    expect(figureTable(document([scaled]).figures).split('\n')[2]).toBe('| Handoffs per second with 3 replicas | postgres | 1,900/s (2.34× replicas.1.per_s) | ≥ 2.5× replicas.1.per_s | **no** |');
  });

  it('escapes pipes in labels and shows no engine where engines do not apply', () => {
    expect(figureTable(document([bundle]).figures).split('\n')[2]).toBe('| Webapp bundle \\| gzipped | — | 98 KB | ≤ 120 KB | yes |');
  });

  it('formats each unit', () => {
    expect([formatValue(3.14159, 'ms'), formatValue(42.04, 'ms'), formatValue(1234.5, 'per_s'), formatValue(141.26, 'MB'), formatValue(1.5, 'ratio'), formatValue(20000, 'count')]).toEqual(['3.14 ms', '42 ms', '1,234.5/s', '141.3 MB', '1.5×', '20,000']);
  });
});

describe('the markdown page', () => {
  it('describes the machine and the benchmark server settings', () => {
    const markdown = renderMarkdown(document([board]));
    expect(markdown).toContain('| CPU | AMD EPYC, 2 cores |');
    expect(markdown).toContain('| RAM | 23.5 GiB |');
    expect(markdown).toContain('| PostgreSQL | PostgreSQL 15.14 |');
    expect(markdown).toContain('| PGlite (embedded engine) | 0.5.16 |');
    expect(markdown).toContain('| Load average (1 min) | 0.31 at the start, 1.2 at the end |');
    expect(markdown).toContain('`fsync=off`, `shared_buffers=1GB`');
    expect(markdown).toContain('18 minutes, 1,000,000 tasks');
  });

  it('lists every missed target with its value, target and note', () => {
    const markdown = renderMarkdown(document([board, slowSearch]));
    expect(markdown).toContain('## Targets missed\n\n- **Search 検索, p95** (postgres): 61.2 ms against ≤ 50 ms. the candidates are 1% of all tasks\n');
  });

  it('has no missed-targets section when every target was met', () => {
    expect(renderMarkdown(document([board, loaded]))).not.toContain('Targets missed');
  });

  it('shows attached charts and failed suites', () => {
    const markdown = renderMarkdown({...document([board]), attachments: [{title: 'Throughput vs replicas', path: 'benchmarks-replicas.svg'}], failures: [{suite: 'webapp', error: 'Chromium not found'}]});
    expect(markdown).toContain('![Throughput vs replicas](benchmarks-replicas.svg)');
    expect(markdown).toContain('## Suites that failed\n\n- webapp: Chromium not found');
  });
});

describe('BENCH_TASKS', () => {
  it('defaults to a million and reads a whole number, underscores allowed', () => {
    expect(taskCountFrom(undefined)).toBe(1_000_000);
    expect(taskCountFrom('20_000')).toBe(20_000);
  });

  it('refuses anything else', () => {
    expect(() => taskCountFrom('lots')).toThrow('BENCH_TASKS must be a whole number ≥ 1000, got "lots"');
    expect(() => taskCountFrom('10')).toThrow('BENCH_TASKS must be a whole number ≥ 1000');
  });
});
