import {closeSync, openSync, readFileSync, unlinkSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {StartupError} from '../errors';

export const LOCK_FILE_NAME = 'baton-bridge.lock';

/**
 * Lock files this process holds. A lock is a fact about the process, so this
 * is process-wide on purpose: it tells "opened twice by us" (refuse) from "a
 * stale file that names our pid" (take over), which happens when a container
 * restarts and the bridge is pid 1 again.
 */
const heldByThisProcess = new Set<string>();

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/**
 * Two processes opening one embedded data directory corrupt it silently, so
 * the first one takes an exclusive lock file holding its pid. A lock left by a
 * process that no longer runs (SIGKILL, power loss) is taken over at once;
 * a time-based lock would block restarts after a crash for its whole timeout.
 */
export function lockDataDir(dataDir: string, isAlive: (pid: number) => boolean = processIsAlive): DataDirLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      heldByThisProcess.add(path);
      return {path, release: () => releaseIfOurs(path)};
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (heldByThisProcess.has(path)) {
      throw new StartupError([`storage: the data directory ${dataDir} is already open in this process.`]);
    }
    const holder = readHolder(path);
    if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
      throw new StartupError([
        `storage: the data directory ${dataDir} is in use by another bridge process (pid ${holder}).`,
        `storage: stop that process, or point BATON_DATA_DIR elsewhere; if no bridge is running, delete ${path}.`,
      ]);
    }
    // Stale: its owner is gone. Only one contender can re-create the file with
    // 'wx', so a race between two starting processes still has one winner.
    unlinkQuietly(path);
  }
  throw new StartupError([`storage: could not take the lock ${path}; another process keeps re-creating it.`]);
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function releaseIfOurs(path: string): void {
  if (!heldByThisProcess.delete(path)) return;
  if (readHolder(path) === process.pid) unlinkQuietly(path);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
