import {type ChildProcess, spawn} from 'node:child_process';
import {Agent, request} from 'node:http';
import {join} from 'node:path';
import {createInterface} from 'node:readline';
import {Client} from 'pg';
import type {BenchData} from './benchData';
import type {BridgeReady, SimulatorReady} from './commandServers';
import {type BenchSuite, percentile} from './figures';
import type {BenchWorld} from './world';

// `/task` handled at the bridge with 50 people using it at once: real HTTP
// POSTs to a running bridge's /mattermost/command, form-encoded with the
// command token in the body and in `Authorization: Token`, exactly as
// Mattermost sends them (server/channels/app/command.go). The bridge and the
// Mattermost simulator run as child processes (commandServers.ts), the bridge
// on the loaded PostgreSQL database; the simulator answers the bridge's
// Mattermost questions (who is calling, their locale and channels) as a real
// server would. The commands only read: `mine`, `show KEY`, `search TERM`,
// `board`. Two phases: 50 people at a brisk human pace (the figure held to
// the target), then 50 people without pauses (the bridge's capacity).

export interface CommandLoad {
  /** Concurrent people. */
  users: number;
  /** Unmeasured commands per person first (fills the bridge's caches and PostgreSQL's buffers). */
  warmupPerUser: number;
  /** The measured phase against the target: each person sends this many commands a second (a brisk human pace), for this long. */
  commandsPerPersonPerSecond: number;
  pacedSeconds: number;
  /** Then, reported only: everyone without pauses, this many commands in all or for this long (the bridge's capacity). */
  saturationRequests: number;
  saturationSeconds: number;
}

export const defaultCommandLoad: CommandLoad = {users: 50, warmupPerUser: 10, commandsPerPersonPerSecond: 1, pacedSeconds: 40, saturationRequests: 3000, saturationSeconds: 90};

export interface CommandLine {
  userId: string;
  channelId: string;
  text: string;
}

/** The n-th command of a person: four in ten `mine`, three `show`, two `search`, one `board`. */
export function commandFor(world: BenchWorld, keysByChannel: Map<string, string[]>, searchTerms: string[], personIndex: number, n: number): CommandLine {
  const person = world.people[personIndex % world.people.length]!;
  const channels = world.channels.filter((channel) => channel.members.includes(person.id) && keysByChannel.has(channel.id));
  const channel = channels[n % Math.max(1, channels.length)] ?? world.channels[0]!;
  const keys = keysByChannel.get(channel.id) ?? [];
  // Offset by person, so that at any moment the people are sending a mix.
  const slot = (n + personIndex) % 10;
  const text =
    slot < 4 ? 'mine' : slot < 7 && keys.length > 0 ? `show ${keys[n % keys.length]}` : slot < 9 ? `search ${searchTerms[n % searchTerms.length]}` : 'board';
  return {userId: person.id, channelId: channel.id, text};
}

/** Mattermost's form fields for a slash command (model/command_args.go, app/command.go). */
export function commandForm(ready: BridgeReady & SimulatorReady, line: CommandLine, username: string): string {
  const form = new URLSearchParams({
    channel_id: line.channelId,
    channel_name: '',
    command: '/task',
    response_url: 'http://127.0.0.1:1/hooks/commands/bench',
    team_domain: ready.teamName,
    team_id: ready.teamId,
    text: line.text,
    token: ready.commandToken,
    trigger_id: '',
    user_id: line.userId,
    user_name: username,
  });
  return form.toString();
}

function post(agent: Agent, url: URL, token: string, body: string): Promise<{status: number; body: string}> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {method: 'POST', agent, headers: {'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', authorization: `Token ${token}`, 'content-length': Buffer.byteLength(body)}},
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8')}));
        response.on('error', reject);
      },
    );
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error('no answer in 30 s')));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Starts one role of commandServers.ts and waits for its ready line. */
async function startServer<Ready>(role: 'simulator' | 'bridge', env: Record<string, string>, log: (line: string) => void): Promise<{ready: Ready; child: ChildProcess}> {
  // BENCH_PROFILE_DIR: each server writes a V8 CPU profile there when it stops (to see where a slow figure's time goes).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', join(__dirname, 'commandServers.ts'), role], {env: {...process.env, ...env}, stdio: ['pipe', 'pipe', 'inherit']});
  const lines = createInterface({input: child.stdout!});
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the ${role} did not start within 120 s`)), 120_000);
      lines.once('line', (line) => {
        clearTimeout(timer);
        resolve(JSON.parse(line) as Ready);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the ${role} exited with ${code} before it was ready`));
      });
    });
    log(`${role} ready (pid ${child.pid})`);
    return {ready, child};
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const timer = setTimeout(() => {
    process.stderr.write(`bench: pid ${child.pid} did not stop within 15 s; killing it\n`);
    child.kill('SIGKILL');
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Waits until the bridge has caught up with the loaded data: on its first
 * start its scheduler sends the deadline reminders due today (DMs through
 * Mattermost), work a long-running bridge did when each fell due. Measuring
 * during that catch-up would measure the catch-up.
 */
async function settle(databaseUrl: string, log: (line: string) => void, timeoutMs = 240_000): Promise<{seconds: number; notices: number; pending: number}> {
  const client = new Client({connectionString: databaseUrl});
  await client.connect();
  try {
    const started = performance.now();
    let quietPolls = 0;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const counts = await client.query<{pending: number; total: number}>('select (count(*) filter (where delivered_at is null))::int as pending, count(*)::int as total from outbox');
      const {pending, total} = counts.rows[0]!;
      quietPolls = pending === 0 ? quietPolls + 1 : 0;
      const seconds = (performance.now() - started) / 1000;
      // At least one scheduler tick (60 s) first: on a big database the first
      // run may still be reading when the outbox is seen empty.
      if ((quietPolls >= 3 && seconds >= 65) || seconds * 1000 > timeoutMs) {
        log(`bridge ${pending === 0 ? 'settled' : `still delivering (${pending} notices pending)`} after ${seconds.toFixed(0)} s; ${total} notices sent on its first start`);
        return {seconds, notices: total, pending};
      }
    }
  } finally {
    await client.end();
  }
}

/** A few keys per channel to `show`, spread over the whole history. */
async function sampleKeys(databaseUrl: string): Promise<Map<string, string[]>> {
  const client = new Client({connectionString: databaseUrl});
  await client.connect();
  try {
    const rows = await client.query<{channel_id: string; key: string}>(`select channel_id, key from tasks where channel_id is not null and (hashtext(id) & 511) = 7`);
    const keys = new Map<string, string[]>();
    for (const row of rows.rows) keys.set(row.channel_id, [...(keys.get(row.channel_id) ?? []), row.key]);
    return keys;
  } finally {
    await client.end();
  }
}

export function commandSuite(data: BenchData, load: CommandLoad = defaultCommandLoad): BenchSuite {
  return {
    name: 'task-command',
    async run(context) {
      const loaded = await data.load(context, 'postgres');
      if (loaded.storage.engine !== 'postgres') throw new Error('the /task suite runs on PostgreSQL');
      const keysByChannel = await sampleKeys(loaded.storage.url);
      const searchTerms = [loaded.summary.terms.rare.query, loaded.summary.terms.cjkPair.query, 'клиент', 'draft'];
      const usernames = new Map(loaded.world.people.map((person) => [person.id, person.username]));
      const children: ChildProcess[] = [];
      const agent = new Agent({keepAlive: true, maxSockets: load.users});
      try {
        const simulator = await startServer<SimulatorReady>('simulator', {}, context.log);
        children.push(simulator.child);
        const bridge = await startServer<BridgeReady>('bridge', {DATABASE_URL: loaded.storage.url, MM_URL: simulator.ready.url, MM_ADMIN_TOKEN: simulator.ready.adminToken}, context.log);
        children.push(bridge.child);
        const settled = await settle(loaded.storage.url, context.log);
        const ready = {...simulator.ready, ...bridge.ready};
        const url = new URL('/mattermost/command', ready.bridgeUrl);
        const failures: string[] = [];
        // Per subcommand, for the log: which command is slow when the figure is.
        const bySubcommand = new Map<string, number[]>();
        const send = async (personIndex: number, n: number): Promise<number> => {
          const line = commandFor(loaded.world, keysByChannel, searchTerms, personIndex, n);
          const started = performance.now();
          // A timeout or refused connection is a result too: counted as failed, its time kept.
          const answer = await post(agent, url, ready.commandToken, commandForm(ready, line, usernames.get(line.userId) ?? '')).catch((error: Error) => ({status: 0, body: error.message}));
          const elapsed = performance.now() - started;
          const subcommand = line.text.split(' ')[0]!;
          bySubcommand.set(subcommand, [...(bySubcommand.get(subcommand) ?? []), elapsed]);
          if (answer.status !== 200 || !(JSON.parse(answer.body) as {text?: unknown}).text) failures.push(`${line.text}: ${answer.status} ${answer.body.slice(0, 200)}`);
          return elapsed;
        };
        // People 0, 6, 12, …: spread over the world's languages and channels.
        const people = Array.from({length: load.users}, (_, index) => index * 6);

        context.log(`/task: warming up (${load.users} × ${load.warmupPerUser} commands)`);
        await Promise.all(people.map(async (personIndex) => {
          for (let n = 0; n < load.warmupPerUser; n += 1) await send(personIndex, n);
        }));
        failures.length = 0;
        bySubcommand.clear();
        const perSubcommand = () => [...bySubcommand].map(([name, samples]) => `${name} p50 ${percentile(samples, 50).toFixed(1)} ms`).join(', ');

        const paced = await pacedRun(people, load, (personIndex, n) => send(personIndex, load.warmupPerUser + n));
        const pacedRate = load.users * load.commandsPerPersonPerSecond;
        context.log(`/task paced (${pacedRate}/s): ${paced.length} commands, p50 ${percentile(paced, 50).toFixed(1)} ms, p99 ${percentile(paced, 99).toFixed(1)} ms (${perSubcommand()})`);
        bySubcommand.clear();

        const saturationStarted = performance.now();
        const saturated = await closedLoopRun(people, load.saturationRequests, load.saturationSeconds, (personIndex, n) => send(personIndex, load.warmupPerUser + 1000 + n));
        const seconds = (performance.now() - saturationStarted) / 1000;
        context.log(`/task saturated: ${saturated.length} commands in ${seconds.toFixed(1)} s, p50 ${percentile(saturated, 50).toFixed(1)} ms, p99 ${percentile(saturated, 99).toFixed(1)} ms (${perSubcommand()}); ${failures.length} failed`);
        const total = paced.length + saturated.length;
        // Some failures (timeouts under load) are reported in the notes; most failing means the setup is broken.
        if (failures.length > total / 2) throw new Error(`${failures.length} of ${total} /task commands failed; first: ${failures[0]}`);

        const size = `${loaded.summary.tasks.toLocaleString('en-US')} tasks`;
        const mix = '4 in 10 `mine`, 3 `show KEY`, 2 `search`, 1 `board`';
        const setting = `real form POSTs over keep-alive HTTP on loopback; bridge and Mattermost simulator each in their own process; PostgreSQL with ${size}; measured once the bridge had sent the ${settled.notices} reminders and digests due on its first start (${Math.round(settled.seconds)} s${settled.pending > 0 ? `; ${settled.pending} were still pending when measuring began` : ''}); ${load.warmupPerUser} warm-up commands per person first${failures.length > 0 ? `; ${failures.length} commands answered other than 200 with text (first: ${failures[0]})` : ''}`;
        const pacedNote = `${load.users} people each sending a read command every ${1 / load.commandsPerPersonPerSecond} s (${pacedRate} commands/s in all, on schedule whether or not the last was answered) for ${load.pacedSeconds} s: ${paced.length} commands (${mix}); ${setting}`;
        const saturatedNote = `${load.users} people each sending their next command as soon as the last is answered (no pause): ${saturated.length} commands (at most ${load.saturationRequests} or ${load.saturationSeconds} s); latency is then the queue behind 49 others (Little's law), so it is reported, not held to the target`;
        return [
          {id: 'task_command.p50_ms', label: `/task at the bridge, ${load.users} concurrent people (${pacedRate}/s), ${size}, p50`, engine: 'postgres', value: round(percentile(paced, 50)), unit: 'ms', comparison: 'report_only', target: null, note: pacedNote},
          {id: 'task_command.p99_ms', label: `/task at the bridge, ${load.users} concurrent people (${pacedRate}/s), ${size}, p99`, engine: 'postgres', value: round(percentile(paced, 99)), unit: 'ms', comparison: 'at_most', target: 20, note: pacedNote},
          {id: 'task_command.saturated.per_s', label: `/task commands answered per second, ${load.users} people without pauses`, engine: 'postgres', value: round(saturated.length / seconds), unit: 'per_s', comparison: 'report_only', target: null, note: saturatedNote},
          {id: 'task_command.saturated.p99_ms', label: `/task p99, ${load.users} people without pauses`, engine: 'postgres', value: round(percentile(saturated, 99)), unit: 'ms', comparison: 'report_only', target: null},
        ];
      } finally {
        agent.destroy();
        for (const child of children.reverse()) await stopChild(child);
      }
    },
  };
}

/** Open loop: every person sends on their own schedule (staggered), whether or not earlier commands were answered. */
async function pacedRun(people: number[], load: CommandLoad, send: (personIndex: number, n: number) => Promise<number>): Promise<number[]> {
  const interval = 1000 / load.commandsPerPersonPerSecond;
  const started = performance.now();
  const samples: number[] = [];
  const inFlight: Array<Promise<void>> = [];
  await Promise.all(
    people.map(async (personIndex, slot) => {
      for (let n = 0; ; n += 1) {
        const due = started + (slot / people.length + n) * interval;
        if (due - started >= load.pacedSeconds * 1000) return;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        inFlight.push(send(personIndex, n).then((elapsed) => void samples.push(elapsed)));
      }
    }),
  );
  await Promise.all(inFlight);
  return samples;
}

/** Closed loop: every person sends the next command as soon as the last is answered, until `requests` were sent or `seconds` passed. */
async function closedLoopRun(people: number[], requests: number, seconds: number, send: (personIndex: number, n: number) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  let issued = 0;
  await Promise.all(
    people.map(async (personIndex) => {
      for (let n = 0; issued < requests && performance.now() < until; n += 1) {
        issued += 1;
        samples.push(await send(personIndex, n));
      }
    }),
  );
  return samples;
}

const round = (value: number) => Math.round(value * 100) / 100;
