import {startSimulator} from '../mattermost-sim/src/index';
import {addChannelMember, addTeamMember, createChannel, createTeam} from '../mattermost-sim/src/services/channels';
import {createSession, createUser} from '../mattermost-sim/src/services/users';
import {freePort} from '../../server-bridge/src/testing/throwawayPostgres';
import {type BridgeProcess, type BridgeStorage, runBridgeSetup, startBridgeProcess} from './bridgeProcess';

// The handoff benchmark's world: the Mattermost simulator in this process,
// seeded with one team and one channel whose members hand tasks to each
// other, and 1..n bridge processes on one database, connected by
// `baton-bridge setup`. People get their bridge sessions with `/task connect`
// through Mattermost, as the webapp does, and hand off over the bridge's REST
// API. A DM counts as delivered when the simulator publishes its `posted`
// event (what Mattermost's WebSocket sends the receiver's clients); it is
// matched to its handoff by the notice key the bridge puts on every post
// (`handed_off:<taskId>:v<version>`, the version the handoff answered with).

/** One task per worker, handed back and forth between the worker's two people by whoever holds it. */
interface BatonPair {
  taskId: string;
  key: string;
  holder: string;
  other: string;
  busy: boolean;
}

export interface HandoffSample {
  /** performance.now() when the handoff's answer had been read. */
  answeredAt: number;
  /** performance.now() when the simulator published the DM's post, if it did. */
  deliveredAt?: number;
}

export interface SaturatedRun {
  workers: number;
  /** DMs delivered per second in the measured window (after the warm-up). */
  deliveredPerSecond: number;
  /** Handoffs answered per second in the same window. */
  answeredPerSecond: number;
  failures: number;
  /** Handoffs of the window whose DM had not arrived when the drain wait ended. */
  undelivered: number;
}

export interface PacedRun {
  ratePerSecond: number;
  /** Answer-to-DM latencies in ms, one per handoff. */
  latenciesMs: number[];
  /** Ticks with every task still busy (the paced rate was not reached). */
  skipped: number;
  failures: number;
  undelivered: number;
}

export interface HandoffRig {
  bridges: BridgeProcess[];
  /** Closed loop: each of `workers` (at most the rig's) hands off again as soon as its last handoff answered. */
  saturate(options: {workers: number; warmupMs: number; measureMs: number}): Promise<SaturatedRun>;
  /** Open loop: a handoff every 1/rate s on a free task. */
  paced(options: {ratePerSecond: number; durationMs: number}): Promise<PacedRun>;
  stop(): Promise<void>;
}

export interface HandoffRigOptions {
  storage: BridgeStorage;
  /** The most handoffs ever in flight at once (each on its own task). */
  workers: number;
  /** Bridge processes on the one database (1 for the embedded engine). */
  replicas: number;
  log(line: string): void;
}

const DRAIN_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 30_000;
/** The notice key of a handoff DM is `handed_off:<taskId>:v<version>` (domain/notices/handoffNotifier.ts). */
const HANDOFF_NOTICE_PREFIX = 'handed_off:';

async function inBatches<T, R>(items: readonly T[], size: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(each))));
  return results;
}

export async function startHandoffRig(options: HandoffRigOptions): Promise<HandoffRig> {
  const simulator = await startSimulator({
    idSeed: 'baton-bench-handoffs',
    config: {ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1 localhost', EnableBotAccountCreation: true}},
  });
  const bridges: BridgeProcess[] = [];
  const stop = async () => {
    await Promise.all(bridges.map((bridge) => bridge.stop()));
    await simulator.stop();
  };
  try {
    const ctx = simulator.ctx;
    const admin = createUser(ctx, {username: 'bench-admin', roles: 'system_admin system_user'});
    const team = createTeam(ctx, {name: 'bench', display_name: 'Benchmark'});
    addTeamMember(ctx, team.id, admin.id, true);
    const people = Array.from({length: options.workers * 2}, (_, index) => createUser(ctx, {username: `bench-person-${String(index).padStart(3, '0')}`}));
    const channel = createChannel(ctx, {team_id: team.id, name: 'handoffs', display_name: 'Handoffs', type: 'O', creator_id: people[0]!.id});
    for (const person of people) {
      addTeamMember(ctx, team.id, person.id);
      addChannelMember(ctx, channel.id, person.id, {silent: true});
    }

    const ports = await Promise.all(Array.from({length: options.replicas}, () => freePort()));
    await runBridgeSetup(options.storage, {mattermostUrl: simulator.url, adminToken: createSession(ctx, admin.id).token, publicUrl: `http://127.0.0.1:${ports[0]}`});
    for (const port of ports) bridges.push(await startBridgeProcess(options.storage, port));
    options.log(`${bridges.length} bridge process(es) ready on ${options.storage.engine}`);

    const tokens = new Map<string, string>();
    await inBatches(people, 8, async (person) => {
      const response = await fetch(`${simulator.url}/api/v4/commands/execute`, {
        method: 'POST',
        headers: {Authorization: `Bearer ${createSession(ctx, person.id).token}`, 'Content-Type': 'application/json'},
        body: JSON.stringify({command: '/task connect', channel_id: channel.id, team_id: team.id}),
      });
      const token = ((await response.json()) as {props?: {baton_token?: string}}).props?.baton_token;
      if (!token) throw new Error(`/task connect gave ${person.username} no bridge session (${response.status})`);
      tokens.set(person.id, token);
    });

    let nextBridge = 0;
    /** A bridge API call as the person, round-robin over the bridge processes. */
    const call = async (userId: string, path: string, body: unknown) => {
      const bridge = bridges[nextBridge++ % bridges.length]!;
      try {
        const response = await fetch(`${bridge.url}/api/v1${path}`, {
          method: 'POST',
          headers: {Authorization: `Bearer ${tokens.get(userId)}`, 'Content-Type': 'application/json'},
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        return {status: response.status, body: (await response.json()) as {id?: string; key?: string; version?: number}};
      } catch (error) {
        // A bridge that stops answering fails the measurement instead of hanging it.
        if ((error as Error).name === 'TimeoutError') throw new Error(`${bridge.url} did not answer POST ${path} within ${REQUEST_TIMEOUT_MS / 1000} s`);
        throw error;
      }
    };

    const pairs: BatonPair[] = await inBatches(
      Array.from({length: options.workers}, (_, index) => index),
      8,
      async (index) => {
        const [holder, other] = [people[index * 2]!.id, people[index * 2 + 1]!.id];
        const created = await call(holder, '/tasks', {title: `Benchmark baton ${index}`, channelId: channel.id, holderId: holder});
        if (created.status !== 201 && created.status !== 200) throw new Error(`creating a task answered ${created.status}: ${JSON.stringify(created.body)}`);
        return {taskId: created.body.id!, key: created.body.key!, holder, other, busy: false};
      },
    );

    const samples = new Map<string, HandoffSample>();
    const early = new Map<string, number>();
    const publish = ctx.hub.publish.bind(ctx.hub);
    ctx.hub.publish = (event, data, broadcast) => {
      if (event === 'posted') {
        const key = (JSON.parse(String(data.post)) as {props?: {baton_notice_key?: string}}).props?.baton_notice_key;
        if (key?.startsWith(HANDOFF_NOTICE_PREFIX)) {
          const at = performance.now();
          const sample = samples.get(key);
          // The worker may publish the DM before the client has read the answer.
          if (sample) sample.deliveredAt = at;
          else early.set(key, at);
        }
      }
      publish(event, data, broadcast);
    };

    let failures = 0;
    /** One handoff of the pair's task to the other person; its sample, or undefined when refused. */
    async function handOff(pair: BatonPair): Promise<HandoffSample | undefined> {
      pair.busy = true;
      try {
        const answer = await call(pair.holder, `/tasks/${pair.key}/handoff`, {toUserId: pair.other});
        if (answer.status !== 200) {
          failures += 1;
          if (failures <= 3) options.log(`handoff answered ${answer.status}: ${JSON.stringify(answer.body)}`);
          return undefined;
        }
        const key = `${HANDOFF_NOTICE_PREFIX}${pair.taskId}:v${answer.body.version}`;
        const sample: HandoffSample = {answeredAt: performance.now()};
        const deliveredAt = early.get(key);
        if (deliveredAt !== undefined) {
          sample.deliveredAt = deliveredAt;
          early.delete(key);
        }
        samples.set(key, sample);
        [pair.holder, pair.other] = [pair.other, pair.holder];
        return sample;
      } finally {
        pair.busy = false;
      }
    }

    async function drain(waiting: HandoffSample[]): Promise<number> {
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      while (waiting.some((sample) => sample.deliveredAt === undefined) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      return waiting.filter((sample) => sample.deliveredAt === undefined).length;
    }

    return {
      bridges,
      async saturate({workers, warmupMs, measureMs}) {
        failures = 0;
        const started = performance.now();
        const [from, to] = [started + warmupMs, started + warmupMs + measureMs];
        const inWindow: HandoffSample[] = [];
        await Promise.all(
          pairs.slice(0, workers).map(async (pair) => {
            while (performance.now() < to) {
              const sample = await handOff(pair);
              if (sample && sample.answeredAt >= from && sample.answeredAt < to) inWindow.push(sample);
            }
          }),
        );
        // Delivered in the window counts every DM that arrived then, whichever handoff it was for.
        const delivered = [...samples.values()].filter((sample) => sample.deliveredAt !== undefined && sample.deliveredAt >= from && sample.deliveredAt < to).length;
        const undelivered = await drain(inWindow);
        const seconds = measureMs / 1000;
        samples.clear();
        return {workers: Math.min(workers, pairs.length), deliveredPerSecond: delivered / seconds, answeredPerSecond: inWindow.length / seconds, failures, undelivered};
      },

      async paced({ratePerSecond, durationMs}) {
        failures = 0;
        const done: Promise<HandoffSample | undefined>[] = [];
        let skipped = 0;
        let next = 0;
        const intervalMs = 1000 / ratePerSecond;
        const started = performance.now();
        for (let tick = 0; tick * intervalMs < durationMs; tick += 1) {
          const wait = started + tick * intervalMs - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          const free = pairs.findIndex((_, offset) => !pairs[(next + offset) % pairs.length]!.busy);
          if (free === -1) {
            skipped += 1;
            continue;
          }
          const pair = pairs[(next + free) % pairs.length]!;
          next = (next + free + 1) % pairs.length;
          done.push(handOff(pair));
        }
        const answered = (await Promise.all(done)).filter((sample): sample is HandoffSample => sample !== undefined);
        const undelivered = await drain(answered);
        samples.clear();
        const latenciesMs = answered.filter((sample) => sample.deliveredAt !== undefined).map((sample) => Math.max(0, sample.deliveredAt! - sample.answeredAt));
        return {ratePerSecond, latenciesMs, skipped, failures, undelivered};
      },

      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
