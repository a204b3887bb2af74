import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {LOCK_FILE_NAME} from './storage/dataDirLock';

// The real command, as an operator runs it: `baton-bridge` in a child process.

const CLI = join(__dirname, 'cli.ts');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function launch(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI], {
    env: {PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function finish(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({code, stdout, stderr})));
}

/** Resolves with the URL from the "bridge ready" log line. */
function readyUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        if (line.includes('"bridge ready"')) resolve((JSON.parse(line) as {url: string}).url);
      }
    });
    child.on('close', (code) => reject(new Error(`bridge exited with ${code} before it was ready`)));
  });
}

describe('baton-bridge serve', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
  });
  afterEach(() => rmSync(dir, {recursive: true, force: true}));

  it('starts on the embedded engine, becomes ready, and shuts down cleanly on SIGTERM', async () => {
    const dataDir = join(dir, 'data');
    const child = launch({BATON_PORT: '0', BATON_DATA_DIR: dataDir});
    const finished = finish(child);
    const url = await readyUrl(child);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({status: 'ready', engine: 'embedded'});
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(true);

    child.kill('SIGTERM');
    const {code, stdout} = await finished;
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"stopped"');
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('exits non-zero on bad configuration, one line per bad variable, writing nothing', async () => {
    const dataDir = join(dir, 'data');
    const {code, stderr} = await finish(launch({DATABASE_URL: 'nonsense', BATON_PORT: 'abc', BATON_DATA_DIR: dataDir}));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([
      'config: BATON_PORT: expected a whole number from 0 to 65535, got "abc"',
      'config: DATABASE_URL: expected a PostgreSQL URL like postgres://user:password@host:5432/baton, got (hidden)',
    ]);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('exits non-zero when the port is taken, before touching the data directory', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as {port: number}).port;
    const dataDir = join(dir, 'data');
    try {
      const {code, stderr} = await finish(launch({BATON_PORT: String(port), BATON_DATA_DIR: dataDir}));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(`http: port ${port} on 127.0.0.1 is already in use; stop the other process or set BATON_PORT to a free port.`);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('exits non-zero when another bridge holds the data directory', async () => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    // This jest worker is alive and is not the child: a live foreign holder.
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${process.pid}\n`);
    const {code, stderr} = await finish(launch({BATON_PORT: '0', BATON_DATA_DIR: dataDir}));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')[0]).toBe(`storage: the data directory ${dataDir} is in use by another bridge process (pid ${process.pid}).`);
  });

  it('explains an unreachable PostgreSQL in one line and exits non-zero', async () => {
    const {code, stderr} = await finish(launch({BATON_PORT: '0', DATABASE_URL: 'postgres://baton:pw@127.0.0.1:1/baton'}));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^storage: cannot use PostgreSQL at 127\.0\.0\.1:1\/baton: .*ECONNREFUSED/);
  });
});
