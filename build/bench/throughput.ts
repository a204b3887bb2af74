import {join} from 'node:path';
import {Client} from 'pg';
import {type BridgeStorage, ensureBridgeBuilt} from './bridgeProcess';
import {type BenchContext, type BenchSuite, type Figure, percentile} from './figures';
import {type PacedRun, type SaturatedRun, startHandoffRig} from './handoffRig';

// Handoff throughput and DM latency, end to end (handoffRig.ts): a handoff
// over the bridge's REST API commits the state change and its outbox notice,
// and the bridge's delivery worker posts the DM to the Mattermost simulator.
// Throughput is DMs delivered per second while n handoffs are kept in flight,
// the best over a few n (too many in flight can starve the delivery worker of
// database connections, so more is not always more). DM latency is measured
// apart, at half that rate, from the moment the handoff's answer is read to
// the simulator publishing the DM (at saturation it would measure the queue,
// not the path). The baseline for PostgreSQL is the same server's plain
// single-row autocommit inserts at the same numbers of connections, the best
// of them. The bridge's memory is read from /proc: idle once started and
// connected, and its high-water mark after the load.

/** Handoffs in flight at each saturation level; the most is the rig's size. */
export const CONCURRENCY_LEVELS = [4, 8, 16, 32] as const;
export const HANDOFF_WORKERS = 32;
const WARMUP_MS = 3_000;
const MEASURE_MS = 8_000;
const PACED_MS = 10_000;
const RAW_INSERT_MS = 4_000;

const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A database of its own on the benchmark server, UTF8 with a non-C character type as the bridge requires. */
export async function createScratchDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({connectionString: serverUrl});
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Commits per second of `insert` of one row, autocommit, from `concurrency` connections at once (the first second not counted). */
export async function rawInsertCommitsPerSecond(databaseUrl: string, concurrency: number, durationMs: number): Promise<number> {
  const setup = new Client({connectionString: databaseUrl});
  await setup.connect();
  await setup.query('create table if not exists bench_raw_insert (id bigserial primary key, payload text not null, created_at timestamptz not null default now())');
  await setup.end();
  const started = performance.now();
  const [from, to] = [started + 1_000, started + durationMs];
  let counted = 0;
  await Promise.all(
    Array.from({length: concurrency}, async (_, worker) => {
      const client = new Client({connectionString: databaseUrl});
      await client.connect();
      try {
        for (let n = 0; performance.now() < to; n += 1) {
          await client.query('insert into bench_raw_insert (payload) values ($1)', [`worker ${worker} row ${n}`]);
          const at = performance.now();
          if (at >= from && at < to) counted += 1;
        }
      } finally {
        await client.end();
      }
    }),
  );
  return counted / ((to - from) / 1000);
}

function dmLatencyFigure(engine: BridgeStorage['engine'], paced: PacedRun): Figure {
  return {
    id: 'dm_latency.p99_ms',
    label: 'DM latency, handoff answered → DM published by Mattermost, p99',
    engine,
    value: round(percentile(paced.latenciesMs, 99)),
    unit: 'ms',
    comparison: 'at_most',
    target: 100,
    note: `${paced.latenciesMs.length} handoffs paced at ${paced.ratePerSecond}/s (half the measured throughput) for ${PACED_MS / 1000} s; from the client having read the handoff's answer to the simulator publishing the DM's \`posted\` event (a DM published before the answer was read counts 0 ms); p50 ${round(percentile(paced.latenciesMs, 50))} ms.`,
  };
}

interface EngineFigures {
  deliveredPerSecond: number;
  figures: Figure[];
}

async function measureEngine(context: BenchContext, storage: BridgeStorage): Promise<EngineFigures> {
  const engine = storage.engine;
  const rig = await startHandoffRig({storage, workers: HANDOFF_WORKERS, replicas: 1, log: context.log});
  try {
    const bridge = rig.bridges[0]!;
    // Idle: started, connected, sessions issued; nothing asked of it for a moment.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const idle = bridge.memory();
    context.log(`${engine}: bridge idle at ${round(idle.rssMb)} MB`);
    const levels: SaturatedRun[] = [];
    let stalled: string | undefined;
    for (const workers of CONCURRENCY_LEVELS) {
      try {
        const run = await rig.saturate({workers, warmupMs: WARMUP_MS, measureMs: MEASURE_MS});
        context.log(`${engine}, ${workers} in flight: ${round(run.deliveredPerSecond)} DMs/s delivered, ${round(run.answeredPerSecond)} handoffs/s answered, ${run.failures} refused, ${run.undelivered} not delivered`);
        levels.push(run);
      } catch (error) {
        // A bridge that stopped answering is a finding: keep what was measured before, and its memory.
        stalled = `At ${workers} in flight the bridge stopped answering (${(error as Error).message}); higher levels and the latency phase were not run.`;
        context.log(`${engine}: ${stalled}`);
        break;
      }
    }
    const best = levels.reduce<SaturatedRun | undefined>((a, b) => (a && a.deliveredPerSecond >= b.deliveredPerSecond ? a : b), undefined);
    if (!best) throw new Error(stalled ?? 'no saturation level was measured');
    const rate = Math.max(5, Math.round(best.deliveredPerSecond / 2));
    const paced = stalled ? undefined : await rig.paced({ratePerSecond: rate, durationMs: PACED_MS});
    if (paced) context.log(`${engine}: ${paced.latenciesMs.length} paced handoffs at ${rate}/s, p99 ${round(percentile(paced.latenciesMs, 99))} ms`);
    const peak = bridge.memory();
    const failures = levels.reduce((sum, run) => sum + run.failures, paced?.failures ?? 0);
    const undelivered = levels.reduce((sum, run) => sum + run.undelivered, paced?.undelivered ?? 0);
    const shortfalls = [
      failures > 0 ? `${failures} handoffs refused` : '',
      undelivered > 0 ? `${undelivered} DMs not delivered within 60 s of the load's end` : '',
      paced && paced.skipped > 0 ? `${paced.skipped} paced handoffs skipped (all ${HANDOFF_WORKERS} tasks busy)` : '',
      stalled ?? '',
    ].filter(Boolean);
    const caveat = shortfalls.length > 0 ? ` ${shortfalls.join('; ')}.` : '';
    const perLevel = levels.map((run) => `${run.workers} in flight: ${round(run.deliveredPerSecond)} delivered/s, ${round(run.answeredPerSecond)} answered/s`).join('; ');
    return {
      deliveredPerSecond: best.deliveredPerSecond,
      figures: [
        {
          id: 'handoff.per_s',
          label: 'Handoffs per second, DM delivered to Mattermost (REST handoff → state change + outbox → DM posted)',
          engine,
          value: round(best.deliveredPerSecond),
          unit: 'per_s',
          comparison: 'at_least',
          target: engine === 'postgres' ? 500 : 150,
          note: `The best of ${levels.map((run) => run.workers).join(', ')} handoffs kept in flight (each on a task of its own, handed back and forth between two people by its holder) against one bridge process: DMs the simulator published in ${MEASURE_MS / 1000} s after ${WARMUP_MS / 1000} s of warm-up, the backlog drained between levels (${perLevel}).${caveat}`,
        },
        ...(paced && paced.latenciesMs.length > 0 ? [dmLatencyFigure(engine, paced)] : []),
        {
          id: 'bridge_rss.idle_mb',
          label: 'Bridge resident memory, idle after start',
          engine,
          value: round(idle.rssMb, 1),
          unit: 'MB',
          comparison: engine === 'postgres' ? 'at_most' : 'report_only',
          target: engine === 'postgres' ? 150 : null,
          note: 'VmRSS of `node server-bridge/dist/cli.js serve` (/proc/<pid>/status, MiB) 3 s after it was ready, connected to Mattermost and had issued its sessions.',
        },
        {
          id: 'bridge_rss.peak_mb',
          label: 'Bridge resident memory, peak under the handoff load',
          engine,
          value: round(peak.peakRssMb, 1),
          unit: 'MB',
          comparison: engine === 'postgres' ? 'at_most' : 'report_only',
          target: engine === 'postgres' ? 150 : null,
          note: 'VmHWM (the resident high-water mark since start, MiB) of the same process after the saturated and paced phases.',
        },
      ],
    };
  } finally {
    await rig.stop();
  }
}

/** PostgreSQL: the raw insert baseline, then the handoff figures against it. */
export const throughputSuite: BenchSuite = {
  name: 'throughput',
  async run(context) {
    await ensureBridgeBuilt(context.log);
    const databaseUrl = await createScratchDatabase(context.postgresUrl, 'baton_bench_handoffs');
    const rawLevels: {connections: number; perSecond: number}[] = [];
    for (const connections of CONCURRENCY_LEVELS) rawLevels.push({connections, perSecond: await rawInsertCommitsPerSecond(databaseUrl, connections, RAW_INSERT_MS)});
    const rawPerSecond = Math.max(...rawLevels.map((level) => level.perSecond));
    const rawNote = rawLevels.map((level) => `${level.connections}: ${round(level.perSecond)}/s`).join(', ');
    context.log(`raw inserts (connections: commits/s): ${rawNote}`);
    const postgres = await measureEngine(context, {engine: 'postgres', databaseUrl});
    return [
      {
        id: 'raw_insert.commits_per_s',
        label: 'Baseline: single-row autocommit inserts per second on the same PostgreSQL',
        engine: 'postgres',
        value: round(rawPerSecond),
        unit: 'per_s',
        comparison: 'report_only',
        target: null,
        note: `\`insert into bench_raw_insert (payload) values ($1)\` in a loop on each of n connections for ${RAW_INSERT_MS / 1000} s (the first second not counted), n as the handoff levels; the best (${rawNote}).`,
      },
      ...postgres.figures,
      {
        id: 'handoff.vs_raw_insert',
        label: 'Handoffs per second (DM delivered) against raw insert commits on the same PostgreSQL',
        engine: 'postgres',
        value: round(postgres.deliveredPerSecond),
        unit: 'per_s',
        comparison: 'at_least',
        target: 0.3,
        baseline: {id: 'raw_insert.commits_per_s', ratio: round(rawPerSecond > 0 ? postgres.deliveredPerSecond / rawPerSecond : 0, 3)},
      },
    ];
  },
};

/** The embedded engine, a suite of its own so that either engine's failure leaves the other's figures. */
export const embeddedThroughputSuite: BenchSuite = {
  name: 'throughput_embedded',
  async run(context) {
    await ensureBridgeBuilt(context.log);
    return (await measureEngine(context, {engine: 'embedded', dataDir: join(context.scratchDir, 'handoffs-embedded')})).figures;
  },
};
