import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {StartupError} from '../errors';
import {LOCK_FILE_NAME, lockDataDir} from './dataDirLock';

describe('lockDataDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baton-lock-'));
  });
  afterEach(() => rmSync(dir, {recursive: true, force: true}));

  it('writes our pid into the lock file and removes it on release', () => {
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('refuses a directory held by another living process, naming its pid and the way out', () => {
    writeFileSync(join(dir, LOCK_FILE_NAME), '4242\n');
    let thrown: unknown;
    try {
      lockDataDir(dir, (pid) => pid === 4242);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StartupError);
    expect((thrown as StartupError).lines[0]).toBe(`storage: the data directory ${dir} is in use by another bridge process (pid 4242).`);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe('4242\n');
  });

  it('refuses a second lock on the same directory from this process', () => {
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(`storage: the data directory ${dir} is already open in this process.`);
    lock.release();
    lockDataDir(dir).release();
  });

  it('takes over a stale lock that names our own pid (a restarted container is pid 1 again)', () => {
    writeFileSync(join(dir, LOCK_FILE_NAME), `${process.pid}\n`);
    lockDataDir(dir, () => true).release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('takes over a lock whose process is gone', () => {
    writeFileSync(join(dir, LOCK_FILE_NAME), '4242\n');
    const lock = lockDataDir(dir, () => false);
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });

  it('takes over an unreadable (empty) lock file', () => {
    writeFileSync(join(dir, LOCK_FILE_NAME), '');
    lockDataDir(dir, () => true).release();
  });

  it('does not remove a lock that another process took after ours was released', () => {
    const lock = lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE_NAME), '4242\n');
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).toBe('4242\n');
  });
});
