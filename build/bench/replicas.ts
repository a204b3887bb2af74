import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot} from '../paths';
import {ensureBridgeBuilt} from './bridgeProcess';
import {barChartSvg} from './chart';
import type {BenchSuite, Figure} from './figures';
import {startHandoffRig} from './handoffRig';
import {createScratchDatabase} from './throughput';

// Handoff throughput (DM delivered) with 1, 2 and 3 bridge processes on one
// PostgreSQL database, the client spreading requests round-robin over them,
// as a load balancer would, with 8 handoffs in flight per process. Each count starts on a fresh database. Writes
// docs/benchmarks-replicas.svg. On one small machine the processes share its
// cores with PostgreSQL, the simulator and the load: the chart shows what
// replicas cost and gain here, not how they scale across machines.

export const REPLICA_COUNTS = [1, 2, 3] as const;
/** Handoffs in flight per bridge process, so each process is as busy as the one alone. */
const IN_FLIGHT_PER_PROCESS = 8;
const WARMUP_MS = 4_000;
const MEASURE_MS = 12_000;
export const replicasChartPath = 'benchmarks-replicas.svg';

const round = (value: number) => Math.round(value);

export const replicasSuite: BenchSuite = {
  name: 'replicas',
  async run(context) {
    await ensureBridgeBuilt(context.log);
    const points: {replicas: number; perSecond: number; note: string}[] = [];
    for (const replicas of REPLICA_COUNTS) {
      const databaseUrl = await createScratchDatabase(context.postgresUrl, `baton_bench_replicas_${replicas}`);
      const workers = IN_FLIGHT_PER_PROCESS * replicas;
      const rig = await startHandoffRig({storage: {engine: 'postgres', databaseUrl}, workers, replicas, log: context.log});
      try {
        const run = await rig.saturate({workers, warmupMs: WARMUP_MS, measureMs: MEASURE_MS});
        context.log(`${replicas} replica(s): ${round(run.deliveredPerSecond)} DMs/s delivered, ${round(run.answeredPerSecond)} handoffs/s answered`);
        const shortfalls = [run.failures > 0 ? `${run.failures} refused` : '', run.undelivered > 0 ? `${run.undelivered} DMs not delivered within 60 s` : ''].filter(Boolean).join(', ');
        points.push({replicas, perSecond: run.deliveredPerSecond, note: `${round(run.answeredPerSecond)} handoffs/s answered${shortfalls ? `; ${shortfalls}` : ''}`});
      } finally {
        await rig.stop();
      }
    }
    writeFileSync(
      join(repoRoot, 'docs', replicasChartPath),
      barChartSvg({
        title: 'Handoffs per second (DM delivered) by bridge processes',
        xLabel: `bridge processes on one PostgreSQL (${IN_FLIGHT_PER_PROCESS} handoffs in flight per process, round-robin)`,
        yLabel: 'handoffs per second',
        points: points.map((point) => ({label: String(point.replicas), value: round(point.perSecond)})),
        reference: {value: 500, label: 'target 500/s'},
      }),
    );
    context.attach('Handoff throughput by bridge processes', replicasChartPath);
    return points.map(
      (point): Figure => ({
        id: `replicas_${point.replicas}.handoff_per_s`,
        label: `Handoffs per second, DM delivered, ${point.replicas} bridge process${point.replicas === 1 ? '' : 'es'} on one PostgreSQL`,
        engine: 'postgres',
        value: round(point.perSecond),
        unit: 'per_s',
        comparison: 'report_only',
        target: null,
        note: `${IN_FLIGHT_PER_PROCESS * point.replicas} handoffs in flight (${IN_FLIGHT_PER_PROCESS} per process) spread round-robin over the processes; DMs published in ${MEASURE_MS / 1000} s after ${WARMUP_MS / 1000} s of warm-up (${point.note}).`,
      }),
    );
  },
};
