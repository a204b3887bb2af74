import type {Caller} from '../../server-bridge/src/domain/tasks/task';
import {createTaskService, type TaskListRequest, type TaskService} from '../../server-bridge/src/domain/tasks/taskService';
import {openDatabase} from '../../server-bridge/src/storage/database';
import {createTaskRepository} from '../../server-bridge/src/storage/taskRepository';
import {fakeChannelAccess} from '../../server-bridge/src/testing/fakeChannelAccess';
import {type BenchData, type Engine, type LoadedData} from './benchData';
import {type BenchContext, type BenchSuite, type Figure, percentile} from './figures';
import type {BenchWorld} from './world';

// Board, "mine" and search at data scale, measured through the bridge's own
// task service (TaskService.list: visibility from the caller's channels, the
// filters, the SQL of storage/taskList.ts, the rows turned into tasks) on a
// store over the loaded database — what a REST or /task request runs once
// its caller is known, without HTTP. Mattermost's answers (channel
// membership) come from the benchmark world in memory, as the bridge's cache
// holds them once warm. One query at a time; warm-up rounds first.

export interface QueryProbe {
  id: string;
  label: string;
  target: number;
  /** The request and its caller for the n-th sample: rotates over people and channels. */
  request(world: BenchWorld, n: number): {caller: Caller; request: TaskListRequest};
}

const firstPage = {sort: {by: 'updatedAt' as const, dueKind: null, descending: true}, limit: 50};

/** People who hold tasks in several channels, in a fixed order. */
function person(world: BenchWorld, n: number): Caller {
  const people = world.people;
  return {userId: people[(n * 37) % people.length]!.id, guest: false};
}

export function queryProbes(terms: LoadedData['summary']['terms']): QueryProbe[] {
  return [
    {
      id: 'board.p95_ms',
      label: "Board: a channel's open tasks, first page of 50",
      target: 15,
      request(world, n) {
        // Every third sample is the busiest channel (the skew puts ~12% of all tasks there).
        const channel = n % 3 === 0 ? world.channels[0]! : world.channels[(n * 7) % world.channels.length]!;
        return {caller: {userId: channel.members[n % channel.members.length]!, guest: false}, request: {...firstPage, filters: {channelId: channel.id, statusCategory: 'open'}}};
      },
    },
    {
      id: 'mine.p95_ms',
      label: '"Mine": open tasks I hold, first page of 50',
      target: 15,
      request(world, n) {
        const caller = person(world, n);
        return {caller, request: {...firstPage, filters: {holderId: caller.userId, statusCategory: 'open'}}};
      },
    },
    {
      id: 'search_rare.p95_ms',
      label: `Search a rare term (${terms.rare.query}, in ${terms.rare.matchingTasks} tasks)`,
      target: 10,
      request: (world, n) => ({caller: person(world, n), request: {...firstPage, filters: {q: terms.rare.query}}}),
    },
    {
      id: 'search_cjk_pair.p95_ms',
      label: `Search a 2-character CJK term (${terms.cjkPair.query}, in ${terms.cjkPair.matchingTasks} tasks)`,
      target: 50,
      request: (world, n) => ({caller: person(world, n), request: {...firstPage, filters: {q: terms.cjkPair.query}}}),
    },
  ];
}

export interface QueryTiming {
  warmup: number;
  samples: number;
}

/** Milliseconds of each sample, after `warmup` unmeasured rounds. */
export async function timeProbe(tasks: Pick<TaskService, 'list'>, world: BenchWorld, probe: QueryProbe, timing: QueryTiming): Promise<number[]> {
  for (let n = 0; n < timing.warmup; n += 1) {
    const {caller, request} = probe.request(world, n);
    await tasks.list(caller, request);
  }
  const samples: number[] = [];
  for (let n = 0; n < timing.samples; n += 1) {
    const {caller, request} = probe.request(world, n);
    const started = performance.now();
    await tasks.list(caller, request);
    samples.push(performance.now() - started);
  }
  return samples;
}

function worldAccess(world: BenchWorld) {
  return fakeChannelAccess({
    channels: Object.fromEntries(world.channels.map((channel) => [channel.id, {name: channel.name, members: channel.members}])),
    usernames: Object.fromEntries(world.people.map((someone) => [someone.id, someone.username])),
  });
}

async function measureEngine(context: BenchContext, data: BenchData, engine: Engine, timing: QueryTiming): Promise<Figure[]> {
  const loaded = await data.load(context, engine);
  const database = await openDatabase(loaded.storage);
  try {
    const tasks = createTaskService({store: createTaskRepository(database.db), access: worldAccess(loaded.world), clock: {now: () => new Date()}});
    const figures: Figure[] = [];
    const size = loaded.summary.tasks.toLocaleString('en-US');
    for (const probe of queryProbes(loaded.summary.terms)) {
      const samples = await timeProbe(tasks, loaded.world, probe, timing);
      const p95 = percentile(samples, 95);
      context.log(`${engine} ${probe.id}: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
      figures.push({
        id: `${probe.id.replace('.p95_ms', '')}.${engine}.p95_ms`,
        label: `${probe.label} at ${size} tasks${loaded.summary.tasks < context.tasks ? ' (a tenth of the PostgreSQL set, to keep make bench within its time)' : ''}, p95`,
        engine,
        value: round(p95),
        unit: 'ms',
        comparison: 'at_most',
        target: probe.target,
        note: `TaskService.list in-process, ${timing.samples} sequential samples after ${timing.warmup} warm-up; p50 ${round(percentile(samples, 50))} ms, max ${round(Math.max(...samples))} ms`,
      });
    }
    return figures;
  } finally {
    await database.close();
  }
}

const round = (value: number) => Math.round(value * 100) / 100;

// 200 samples put the p95 at the 10th slowest, enough to be stable across
// runs; each probe's warm-up of 20 walks people and channels past the cold
// start (the loaded data is in shared buffers already).
export function dataSuite(data: BenchData, timing: QueryTiming = {warmup: 20, samples: 200}): BenchSuite {
  return {
    name: 'data-scale',
    async run(context) {
      const figures: Figure[] = [];
      for (const engine of ['postgres', 'embedded'] as const) {
        const loaded = await data.load(context, engine);
        figures.push(
          {
            id: `dataset.${engine}.tasks`,
            label: 'Tasks loaded (mixed ja/zh-TW/ru/en, ~2 comments each)',
            engine,
            value: loaded.summary.tasks,
            unit: 'count',
            comparison: 'report_only',
            target: null,
            note: `${loaded.summary.comments.toLocaleString('en-US')} comments, ${loaded.world.people.length} people, ${loaded.world.channels.length} channels; loaded in ${Math.round(loaded.summary.seconds)} s (set-based SQL, indexes built after)`,
          },
          ...(await measureEngine(context, data, engine, timing)),
        );
      }
      return figures;
    },
  };
}
