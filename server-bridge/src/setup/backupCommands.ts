import type {BridgeConfig} from '../config/config';
import {StartupError} from '../errors';
import {takeBackup} from '../storage/backup';
import {BackupRefused} from '../storage/backupFormat';
import {type Database, openDatabase} from '../storage/database';
import {restoreBackup} from '../storage/restore';

// `baton-bridge backup <file>` and `baton-bridge restore <file> [--force]`:
// the same configuration and database as `serve`. Exit code 0 when done,
// 2 when refused with a reason the operator can act on (the embedded data
// directory is in use, the database is not empty, the file is not a backup
// of this schema), 1 for anything else (thrown to the CLI's reporter).

export interface BackupIo {
  config: BridgeConfig;
  print(line: string): void;
  printError(line: string): void;
}

export async function runBackupCommand(file: string, io: BackupIo): Promise<number> {
  return withDatabase(io, 'backup', async (database) => {
    const summary = await takeBackup(database.db, database.engine, file);
    io.print(`backup: wrote ${summary.file}: ${summary.rows} rows in ${summary.tables} tables, schema ${summary.migrations.at(-1) ?? 'empty'}.`);
  });
}

export async function runRestoreCommand(file: string, flags: {force?: boolean}, io: BackupIo): Promise<number> {
  return withDatabase(io, 'restore', async (database) => {
    const summary = await restoreBackup(database.db, file, {force: flags.force === true});
    if (summary.wiped) io.print('restore: --force: deleted everything that was in the database first.');
    io.print(`restore: restored ${summary.rows} rows in ${summary.tables} tables from ${summary.file} (taken ${summary.takenAt}).`);
  });
}

async function withDatabase(io: BackupIo, command: string, use: (database: Database) => Promise<void>): Promise<number> {
  let database: Database;
  try {
    database = await openDatabase(io.config.storage);
  } catch (error) {
    if (error instanceof StartupError && error.lines.some((line) => line.includes('in use by another bridge process'))) {
      for (const line of error.lines) io.printError(line);
      io.printError(
        `${command}: the embedded engine lets one process use the data directory: stop \`baton-bridge serve\` for the ${command} (it takes seconds), or use the PostgreSQL engine, where ${command} runs beside the bridge.`,
      );
      return 2;
    }
    throw error;
  }
  try {
    await use(database);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupRefused)) throw error;
    for (const line of error.lines) io.printError(line);
    return 2;
  } finally {
    await database.close();
  }
}
