import {execFile, execFileSync} from 'node:child_process';
import {chownSync, existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';

// A PostgreSQL server of our own for the test run: initdb into a temp dir,
// listen on 127.0.0.1 on a free port, stop and delete it afterwards. Debian's
// `postgresql` package provides the binaries (`make test` installs it).

export interface ThrowawayPostgres {
  /** Superuser URL of the `postgres` database. */
  url: string;
  /** Stops the server and deletes its files. */
  stop(): void;
  /**
   * Stops the server but keeps its data, as an operator's restart or a crash
   * would: `fast` ends every session (57P01) cleanly, `immediate` kills them.
   * For fault tests on a server of their own, never the shared one.
   */
  halt(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts a halted server again on the same port and data. */
  resume(): Promise<void>;
}

export function findPostgresBinDir(root = '/usr/lib/postgresql'): string {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) {
    throw new Error(
      `PostgreSQL server binaries not found under ${root}. Run \`make test\` (it installs the postgresql package), ` +
        'or `apt-get install postgresql`, or point TEST_DATABASE_URL at a PostgreSQL ≥ 15 you own.',
    );
  }
  return join(root, newest, 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `settings`: further server settings (`-c name=value`), e.g. the benchmark's memory sizes. */
export async function startThrowawayPostgres(settings: Record<string, string> = {}): Promise<ThrowawayPostgres> {
  const bin = findPostgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'baton-pg-'));
  const dataDir = join(dir, 'data');
  // initdb refuses to run as root, so as root the cluster belongs to `postgres`.
  const asRoot = process.getuid?.() === 0;
  const commandFor = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
  const run = (tool: string, args: string[]) => {
    execFileSync(...commandFor(tool, args), {stdio: 'pipe'});
  };
  // Halting and resuming do not block the event loop: the load a fault test drives keeps running meanwhile.
  const runInBackground = async (tool: string, args: string[]) => {
    await promisify(execFile)(...commandFor(tool, args));
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const stop = () => {
    try {
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Not running (start failed or already stopped): nothing to stop.
    }
    rmSync(dir, {recursive: true, force: true});
  };
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`).join('');
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off${extra}`;
  const startArgs = ['-D', dataDir, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'];
  try {
    run('initdb', ['-D', dataDir, '-E', 'UTF8', '--locale=C.UTF-8', '-A', 'trust', '-U', 'postgres']);
    run('pg_ctl', startArgs);
  } catch (error) {
    const stderr = (error as {stderr?: Buffer}).stderr?.toString() ?? '';
    stop();
    throw new Error(`could not start the test PostgreSQL: ${(error as Error).message}\n${stderr}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    halt: (mode = 'fast') => runInBackground('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']),
    resume: () => runInBackground('pg_ctl', startArgs),
  };
}
