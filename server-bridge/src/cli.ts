#!/usr/bin/env node
import {readFileSync} from 'node:fs';
import {Command} from 'commander';
import {startBridge} from './app';
import {loadConfig} from './config/config';
import {StartupError} from './errors';
import {createLogger} from './logging/logger';
import {runBackupCommand, runRestoreCommand} from './setup/backupCommands';
import {runDoctorCommand, runSetupCommand, type SetupFlags} from './setup/operatorCommands';

// `baton-bridge [serve] | setup | doctor | backup | restore`: the
// command-line entry. Every subcommand reads the same configuration (env,
// BATON_CONFIG_FILE).

const readConfig = () => loadConfig({env: process.env, readFile: (path) => readFileSync(path, 'utf8')});
const print = (line: string) => console.log(line);

async function serve(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const bridge = await startBridge(config, logger);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({signal}, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error({timeoutMs: config.shutdownTimeoutMs}, 'shutdown timed out; exiting with requests still open');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    bridge.stop().then(
      () => {
        logger.info('stopped');
        logger.flush();
        process.exitCode = 0;
      },
      (error: unknown) => {
        logger.error({err: error}, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

function reportAndExit(error: unknown): never {
  if (error instanceof StartupError) {
    for (const line of error.lines) console.error(line);
  } else {
    console.error(error);
  }
  process.exit(1);
}

const program = new Command('baton-bridge')
  .description('Baton companion service for Mattermost: tasks, handoffs and the /task command.')
  .showHelpAfterError();

program
  .command('serve', {isDefault: true})
  .description('run the bridge (HTTP API, Mattermost integration, scheduler)')
  .action(() => serve().catch(reportAndExit));

program
  .command('setup')
  .description('connect this bridge to Mattermost: the @baton bot (system admin), its token, /task on every team; safe to run again')
  .requiredOption('--mattermost-url <url>', 'Mattermost as this machine reaches it, e.g. https://mattermost.example.com')
  .requiredOption('--admin-token <token>', "a system admin's personal access token (used for setup only, never stored)")
  .requiredOption('--public-url <url>', 'the bridge as the Mattermost server reaches it, e.g. https://baton.example.com')
  .option('--team <name>', "put /task on this team only (its URL name); repeat for several; default: every team", (name: string, names: string[]) => [...names, name], [] as string[])
  .action((flags: SetupFlags) => runSetupCommand(flags, {config: readConfig(), print}).catch(reportAndExit));

program
  .command('doctor')
  .description('check the stored Mattermost connection, one line per check; exit code 1 when a check fails')
  .action(() =>
    runDoctorCommand({config: readConfig(), print}).then((code) => {
      process.exitCode = code;
    }, reportAndExit),
  );

const setExitCode = (code: number) => {
  process.exitCode = code;
};
const printError = (line: string) => console.error(line);

program
  .command('backup')
  .argument('<file>', 'where to write the backup (gzip); written beside it and renamed when complete')
  .description('write every task, event, notice and setting to one file, as one consistent moment; exit code 2 when the embedded data directory is in use')
  .action((file: string) => runBackupCommand(file, {config: readConfig(), print, printError}).then(setExitCode, reportAndExit));

program
  .command('restore')
  .argument('<file>', 'a file `baton-bridge backup` wrote, with this version of the bridge')
  .option('--force', 'delete everything in the database first (otherwise a database with data is refused)')
  .description('load a backup into the configured database, all or nothing; exit code 2 when refused (database not empty, file from another schema)')
  .action((file: string, flags: {force?: boolean}) => runRestoreCommand(file, flags, {config: readConfig(), print, printError}).then(setExitCode, reportAndExit));

program.parseAsync(process.argv).catch(reportAndExit);
