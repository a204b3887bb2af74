import {type ChildProcess, spawn} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {LOCK_FILE_NAME} from './storage/dataDirLock';
import type {RunningSimulator} from '../../build/mattermost-sim/src/index';
import {installPlugin} from '../../build/mattermost-sim/src/services/plugins';
import {findUserByUsername} from '../../build/mattermost-sim/src/store/store';
import {type Organisation, seedOrganisation, startTestSimulator} from '../../build/mattermost-sim/src/testKit';
import {CONNECTION_SETTING} from './mattermost/connection';
import {openDatabase} from './storage/database';
import {createSettingsRepository} from './storage/settingsRepository';
import {readPluginIdentity} from './setup/shippedFiles';

// The real command, as an operator runs it: `baton-bridge` in a child process.

const CLI = join(__dirname, 'cli.ts');

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function launch(env: Record<string, string>, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
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

describe('baton-bridge backup and restore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
  });
  afterEach(() => rmSync(dir, {recursive: true, force: true}));

  async function withSettings<T>(dataDir: string, use: (settings: ReturnType<typeof createSettingsRepository>) => Promise<T>): Promise<T> {
    const database = await openDatabase({engine: 'embedded', dataDir});
    try {
      return await use(createSettingsRepository(database.db));
    } finally {
      await database.close();
    }
  }

  it('copies an embedded data directory into another; restore refuses one with data (exit 2) unless --force', async () => {
    const [source, target, file] = [join(dir, 'source'), join(dir, 'target'), join(dir, 'baton.backup.gz')];
    await withSettings(source, (settings) => settings.set('probe', {note: 'バトン'}));

    const backup = await finish(launch({BATON_DATA_DIR: source}, ['backup', file]));
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^backup: wrote ${file}: 6 rows in \\d+ tables, schema \\d{4}_\\w+\\.\\n$`));

    // Every child opens PGlite (seconds each on a busy machine): one restore
    // into an empty directory, then the same file again (refused), then forced.
    const restore = await finish(launch({BATON_DATA_DIR: target}, ['restore', file]));
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(`restore: restored 6 rows in`);

    const refused = await finish(launch({BATON_DATA_DIR: target}, ['restore', file]));
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      'restore: the database already has data: bridge_settings (1 rows).',
      'restore: nothing was changed; restore into an empty database, or pass --force to delete everything in it first.',
    ]);

    const forced = await finish(launch({BATON_DATA_DIR: target}, ['restore', file, '--force']));
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('restore: --force: deleted everything that was in the database first.');
    expect(await withSettings(target, (settings) => settings.get('probe'))).toEqual({note: 'バトン'});
    // Six PGlite opens with migrations: about a minute alone, several on a
    // machine busy with the rest of the suite.
  }, 300_000);

  it('backup exits 2 and says what to do while a bridge holds the embedded data directory, writing no file', async () => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${process.pid}\n`);
    const file = join(dir, 'baton.backup.gz');
    const {code, stderr} = await finish(launch({BATON_DATA_DIR: dataDir}, ['backup', file]));
    expect(code).toBe(2);
    expect(stderr).toContain(`the data directory ${dataDir} is in use by another bridge process (pid ${process.pid})`);
    expect(stderr).toContain('backup: the embedded engine lets one process use the data directory: stop `baton-bridge serve` for the backup');
    expect(existsSync(file)).toBe(false);
  });
});

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as {port: number}).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('baton-bridge setup and doctor', () => {
  let dir: string;
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-cli-'));
    sim = await startTestSimulator({ServiceSettings: {EnableBotAccountCreation: true, AllowedUntrustedInternalConnections: '127.0.0.1'}});
    org = seedOrganisation(sim);
    const bundleFile = join(dir, 'main.js');
    writeFileSync(bundleFile, 'window.registerPlugin("baton", {});');
    const plugin = readPluginIdentity();
    installPlugin(sim.ctx, {manifest: {id: plugin.id, name: 'Baton', version: plugin.version, webapp: {bundle_path: 'webapp/dist/main.js'}}, bundleFile});
  });
  afterEach(async () => {
    await sim.stop();
    rmSync(dir, {recursive: true, force: true});
  });

  const setupArgs = (publicUrl: string) => ['setup', '--mattermost-url', sim.url, '--admin-token', org.admin.token, '--public-url', publicUrl];

  async function storedConnection(dataDir: string): Promise<unknown> {
    const database = await openDatabase({engine: 'embedded', dataDir});
    try {
      return await createSettingsRepository(database.db).get(CONNECTION_SETTING);
    } finally {
      await database.close();
    }
  }

  it('setup writes the connection into the embedded data directory, prints a summary without secrets, and a second run changes nothing', async () => {
    const dataDir = join(dir, 'data');
    const first = await finish(launch({BATON_DATA_DIR: dataDir}, setupArgs('http://127.0.0.1:8787')));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const bot = findUserByUsername(sim.ctx.store, 'baton');
    const tokens = [...sim.ctx.store.accessTokens.values()].filter((token) => token.user_id === bot?.id);
    expect(tokens).toHaveLength(1);
    expect(await storedConnection(dataDir)).toMatchObject({url: sim.url, botUserId: bot?.id, botToken: tokens[0]?.token, bridgeUrl: 'http://127.0.0.1:8787', siteUrl: sim.url});
    expect(first.stdout).toContain(`Baton is connected to Mattermost at ${sim.url}.`);
    expect(first.stdout).toContain('/task:    1 team(s): acme → http://127.0.0.1:8787/mattermost/command');
    expect(first.stdout).toContain(`stored in the embedded data directory ${dataDir}`);

    const second = await finish(launch({BATON_DATA_DIR: dataDir}, setupArgs('http://127.0.0.1:8787')));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('changes:  none, everything was already set up');
    expect([...sim.ctx.store.accessTokens.values()].filter((token) => token.user_id === bot?.id)).toHaveLength(1);
    for (const output of [first.stdout, first.stderr, second.stdout, second.stderr]) {
      expect(output).not.toContain(org.admin.token);
      expect(output).not.toContain(tokens[0]?.token);
    }
  });

  it('setup names a missing or malformed flag and writes nothing', async () => {
    const dataDir = join(dir, 'data');
    const missing = await finish(launch({BATON_DATA_DIR: dataDir}, ['setup', '--mattermost-url', sim.url, '--admin-token', 'x']));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("required option '--public-url <url>' not specified");

    const malformed = await finish(launch({BATON_DATA_DIR: dataDir}, ['setup', '--mattermost-url', 'mattermost.local', '--admin-token', 'x', '--public-url', 'http://127.0.0.1:8787']));
    expect(malformed.code).toBe(1);
    expect(malformed.stderr.trim()).toBe('setup: --mattermost-url: expected an http(s) URL like https://mattermost.example.com, got "mattermost.local"');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('setup refuses a data directory a running bridge holds, and says what to do', async () => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${process.pid}\n`);
    const {code, stderr} = await finish(launch({BATON_DATA_DIR: dataDir}, setupArgs('http://127.0.0.1:8787')));
    expect(code).toBe(1);
    expect(stderr).toContain(`the data directory ${dataDir} is in use by another bridge process (pid ${process.pid})`);
    expect(stderr).toContain('setup: the embedded engine lets one process use the data directory: stop `baton-bridge serve`, run `baton-bridge setup`, then start serve again');
    expect(findUserByUsername(sim.ctx.store, 'baton')).toBeUndefined();
  });

  it('doctor before setup says so and exits 1', async () => {
    const {code, stdout} = await finish(launch({BATON_DATA_DIR: join(dir, 'data')}, ['doctor']));
    expect(code).toBe(1);
    expect(stdout).toContain('✗ setup: no Mattermost connection is stored');
  });

  it('doctor after setup on the embedded engine runs the bridge for the round trip and exits 0 when all is well', async () => {
    const dataDir = join(dir, 'data');
    const port = await freePort();
    const env = {BATON_DATA_DIR: dataDir, BATON_PORT: String(port), BATON_LOG_LEVEL: 'silent'};
    expect((await finish(launch(env, setupArgs(`http://127.0.0.1:${port}`)))).code).toBe(0);

    const {code, stdout} = await finish(launch(env, ['doctor']));
    expect(stdout).toContain(`✓ bridge reachable from Mattermost: Mattermost reached the bridge: /task help on team acme came back from http://127.0.0.1:${port}`);
    expect(stdout).not.toContain('✗');
    expect(code).toBe(0);
  });
});

