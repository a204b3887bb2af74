import {type ChildProcess, spawn} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {repoRoot} from '../paths';

// The bridge as operators run it (`node server-bridge/dist/cli.js`), as a
// child process of the bench runner: its memory is its own (VmRSS and VmHWM
// of /proc/<pid>/status) and it does not share the load generator's event
// loop. The compiled output is rebuilt first when any source is newer.

const bridgeRoot = join(repoRoot, 'server-bridge');
const cliPath = join(bridgeRoot, 'dist', 'cli.js');

/** Where the bridge keeps its data: a PostgreSQL database or an embedded data dir. */
export type BridgeStorage = {engine: 'postgres'; databaseUrl: string} | {engine: 'embedded'; dataDir: string};

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function runToEnd(command: string, args: string[], options: {cwd: string; env?: NodeJS.ProcessEnv}): Promise<{code: number | null; output: string}> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe']});
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({code, output}));
  });
}

/** Compiles server-bridge into its dist/ (what `npm run build` does) unless dist/cli.js is newer than every source file. */
export async function ensureBridgeBuilt(log: (line: string) => void): Promise<void> {
  let builtMs = 0;
  try {
    builtMs = statSync(cliPath).mtimeMs;
  } catch {
    // Not built yet.
  }
  if (builtMs > newestSourceMs(join(bridgeRoot, 'src'))) return;
  log('building server-bridge (dist/ is older than its sources)');
  const {code, output} = await runToEnd(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(bridgeRoot, 'tsconfig.build.json')], {cwd: repoRoot});
  if (code === 0) return;
  // tsc writes the JavaScript even when types fail (noEmitOnError is off):
  // `make check` reports type errors; the benchmark measures what was emitted.
  if ((statSync(cliPath, {throwIfNoEntry: false})?.mtimeMs ?? 0) > builtMs) {
    log(`server-bridge has type errors (make check reports them); measuring the JavaScript tsc emitted:\n${output.slice(0, 600)}`);
    return;
  }
  throw new Error(`tsc -p server-bridge/tsconfig.build.json failed (${code}):\n${output.slice(-2000)}`);
}

/** The environment for a bridge child: ours without any BATON_* or DATABASE_URL of the caller's, plus `settings`. */
function bridgeEnv(storage: BridgeStorage, settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('BATON_') && name !== 'DATABASE_URL') env[name] = value;
  if (storage.engine === 'postgres') env.DATABASE_URL = storage.databaseUrl;
  else env.BATON_DATA_DIR = storage.dataDir;
  return {...env, BATON_HOST: '127.0.0.1', BATON_LOG_LEVEL: 'warn', ...settings};
}

/** `baton-bridge setup` against Mattermost, as an operator runs it before the first start. */
export async function runBridgeSetup(storage: BridgeStorage, flags: {mattermostUrl: string; adminToken: string; publicUrl: string}): Promise<void> {
  const args = [cliPath, 'setup', '--mattermost-url', flags.mattermostUrl, '--admin-token', flags.adminToken, '--public-url', flags.publicUrl];
  const {code, output} = await runToEnd(process.execPath, args, {cwd: repoRoot, env: bridgeEnv(storage, {})});
  if (code !== 0) throw new Error(`baton-bridge setup failed (${code}):\n${output.slice(-2000)}`);
}

export interface BridgeProcess {
  url: string;
  pid: number;
  /** Resident memory now and at its highest since start, in MB (MiB), from /proc/<pid>/status. */
  memory(): {rssMb: number; peakRssMb: number};
  stop(): Promise<void>;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return Number(match[1]) / 1024;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts `baton-bridge serve` on `port` and resolves once /readyz answers 200. */
export async function startBridgeProcess(storage: BridgeStorage, port: number, settings: Record<string, string> = {}): Promise<BridgeProcess> {
  // BENCH_PROFILE_DIR: the bridge writes a V8 CPU profile there when it stops (to see where a slow figure's time goes).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, cliPath, 'serve'], {cwd: repoRoot, env: bridgeEnv(storage, {BATON_PORT: String(port), ...settings}), stdio: ['ignore', 'pipe', 'pipe']});
  // The last lines only, for the error when it dies; warn-level logs are few.
  let tail = '';
  const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bridge exited (${child.exitCode}) before it was ready:\n${tail}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the bridge was not ready within 90 s:\n${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid!;
  return {
    url,
    pid,
    memory: () => ({rssMb: statusField(pid, 'VmRSS'), peakRssMb: statusField(pid, 'VmHWM')}),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(killer);
    },
  };
}
