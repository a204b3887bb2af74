import {type ChildProcess, spawn} from 'node:child_process';
import {join} from 'node:path';

// A bridge as operators run it, in a process of its own
// (`baton-bridge serve`): for tests where the point is several processes or
// a process dying. Its JSON log goes to `log` (the last lines say why it
// stopped, should a test fail).

const CLI = join(__dirname, '..', '..', 'server-bridge', 'src', 'cli.ts');

export interface BridgeProcess {
  url: string;
  child: ChildProcess;
  /** Every log line so far. */
  log: string[];
  /** SIGTERM and wait for the exit (a graceful stop: leadership released, streams ended). */
  stop(): Promise<void>;
  /** SIGKILL and wait: as if the machine under it died. */
  kill(): Promise<void>;
}

/** Starts `baton-bridge serve` with `env` (plus PATH and HOME); resolves once it logs "bridge ready". */
export function startBridgeProcess(env: Record<string, string>, readyTimeoutMs = 60_000): Promise<BridgeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve'], {
    env: {PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BATON_PORT: '0', BATON_LOG_LEVEL: 'info', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bridge was not ready within ${readyTimeoutMs} ms:\n${log.slice(-20).join('\n')}`));
    }, readyTimeoutMs);
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        log.push(line);
        if (!line.includes('"bridge ready"')) continue;
        clearTimeout(timer);
        resolve({url: (JSON.parse(line) as {url: string}).url, child, log, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL')});
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bridge exited with ${code} before it was ready:\n${log.slice(-20).join('\n')}`));
    });
  });
}
