#!/usr/bin/env node
import {readFileSync} from 'node:fs';
import {Command} from 'commander';
import {startBridge} from './app';
import {loadConfig} from './config/config';
import {StartupError} from './errors';
import {createLogger} from './logging/logger';

// `baton-bridge [serve]`: the command-line entry. Later subcommands (setup,
// doctor, backup, restore) join `serve` here.

async function serve(): Promise<void> {
  const config = loadConfig({env: process.env, readFile: (path) => readFileSync(path, 'utf8')});
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

program.parseAsync(process.argv).catch(reportAndExit);
