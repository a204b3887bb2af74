// `make bench`: runs every suite of suites.ts against a throwaway PostgreSQL
// (and the embedded engine where a suite measures both), prints one JSON
// document to stdout, writes docs/benchmarks.md. Progress goes to stderr.
// BENCH_TASKS sets the data-scale size (default 1,000,000); BENCH_SUITES
// (comma-separated suite names) runs only some suites, for development.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {startThrowawayPostgres} from '../../server-bridge/src/testing/throwawayPostgres';
import {repoRoot} from '../paths';
import type {BenchContext, Figure} from './figures';
import {describeMachine} from './machine';
import {type Attachment, benchDocument, renderMarkdown, type SuiteFailure} from './report';
import {suites} from './suites';

/**
 * The benchmark server's settings beyond throwawayPostgres.ts's own (fsync,
 * synchronous_commit and full_page_writes off): memory for a 24 GB machine's
 * share and room for the bulk load's WAL, so loading does not checkpoint
 * every few seconds and the GIN indexes build in memory.
 */
export const benchPostgresSettings: Record<string, string> = {
  shared_buffers: '1GB',
  maintenance_work_mem: '1GB',
  work_mem: '32MB',
  effective_cache_size: '4GB',
  max_wal_size: '16GB',
  checkpoint_timeout: '30min',
  max_connections: '200',
};

export function taskCountFrom(text: string | undefined): number {
  if (text === undefined || text === '') return 1_000_000;
  const value = Number(text.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < 1000) throw new Error(`BENCH_TASKS must be a whole number ≥ 1000, got ${JSON.stringify(text)}`);
  return value;
}

async function main(): Promise<number> {
  const started = performance.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const log = (line: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const tasks = taskCountFrom(process.env.BENCH_TASKS);
  const only = process.env.BENCH_SUITES?.split(',').map((name) => name.trim()).filter(Boolean);
  const chosen = only ? suites.filter((suite) => only.includes(suite.name)) : suites;
  if (only && chosen.length !== only.length) throw new Error(`BENCH_SUITES names unknown suites; known: ${suites.map((suite) => suite.name).join(', ')}`);

  log(`starting PostgreSQL; ${tasks} tasks for the data-scale suites; load average ${loadAtStart.toFixed(2)}`);
  const postgres = await startThrowawayPostgres(benchPostgresSettings);
  const scratchDir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  try {
    const attachments: Attachment[] = [];
    const context: BenchContext = {postgresUrl: postgres.url, scratchDir, tasks, log, attach: (title, path) => void attachments.push({title, path})};
    const figures: Figure[] = [];
    const failures: SuiteFailure[] = [];
    for (const suite of chosen) {
      const suiteStarted = performance.now();
      log(`suite ${suite.name}`);
      try {
        figures.push(...(await suite.run(context)));
      } catch (error) {
        // One suite failing still leaves the others' figures worth reporting.
        failures.push({suite: suite.name, error: (error as Error).message});
        log(`suite ${suite.name} FAILED: ${(error as Error).stack ?? String(error)}`);
      }
      log(`suite ${suite.name} took ${((performance.now() - suiteStarted) / 1000).toFixed(0)} s`);
    }
    const document = benchDocument({
      generatedAt: new Date().toISOString(),
      durationSeconds: Math.round((performance.now() - started) / 1000),
      tasks,
      machine: await describeMachine(postgres.url, loadAtStart),
      postgresSettings: {fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', ...benchPostgresSettings},
      figures,
      attachments,
      failures,
    });
    writeFileSync(join(repoRoot, 'docs', 'benchmarks.md'), renderMarkdown(document));
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    log(`done in ${document.durationSeconds} s; wrote docs/benchmarks.md`);
    return failures.length > 0 ? 1 : 0;
  } finally {
    postgres.stop();
    rmSync(scratchDir, {recursive: true, force: true});
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
