import {startBridge, type RunningBridge} from '../app';
import type {BridgeConfig} from '../config/config';
import type {SettingsStore} from '../domain/settings';
import {StartupError} from '../errors';
import {createLogger} from '../logging/logger';
import {CONNECTION_SETTING, connectionSchema, type MattermostConnection} from '../mattermost/connection';
import {setUpMattermost} from '../mattermost/setup';
import {openDatabase} from '../storage/database';
import {createSettingsRepository} from '../storage/settingsRepository';
import {doctorPassed, formatDoctorLines, runDoctor} from './doctor';
import {readBotIcon, readPluginIdentity} from './shippedFiles';

// What `baton-bridge setup` and `baton-bridge doctor` do around the
// Mattermost steps: the same configuration and database as `serve`, and
// short English output for operators. Tokens are never printed.

export interface OperatorIo {
  config: BridgeConfig;
  print(line: string): void;
  fetch?: typeof fetch;
  now?: () => number;
  resolve?: (host: string) => Promise<string[]>;
}

export interface SetupFlags {
  mattermostUrl: string;
  adminToken: string;
  publicUrl: string;
  team?: string[];
}

/** Checks the flags before anything is opened: each problem names its flag. */
export function checkSetupFlags(flags: SetupFlags): void {
  const problems: string[] = [];
  for (const [flag, value, example] of [
    ['--mattermost-url', flags.mattermostUrl, 'https://mattermost.example.com'],
    ['--public-url', flags.publicUrl, 'https://baton.example.com'],
  ] as const) {
    if (!isHttpUrl(value)) problems.push(`setup: ${flag}: expected an http(s) URL like ${example}, got ${JSON.stringify(value)}`);
  }
  if (flags.adminToken.trim() === '') problems.push("setup: --admin-token: expected a system admin's personal access token, got an empty value");
  for (const team of flags.team ?? []) {
    if (!/^[a-z0-9][a-z0-9_-]*$/i.test(team)) problems.push(`setup: --team: expected a team's URL name like acme, got ${JSON.stringify(team)}`);
  }
  if (problems.length > 0) throw new StartupError(problems);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Opens the bridge's database, lends its settings to `use`, and closes it again. */
async function withSettings<T>(config: BridgeConfig, command: string, use: (settings: SettingsStore) => Promise<T>): Promise<T> {
  let database;
  try {
    database = await openDatabase(config.storage);
  } catch (error) {
    if (error instanceof StartupError && config.storage.engine === 'embedded' && error.lines.some((line) => line.includes('in use by another bridge process'))) {
      throw new StartupError([
        ...error.lines,
        `${command}: the embedded engine lets one process use the data directory: stop \`baton-bridge serve\`, run \`baton-bridge ${command}\`, then start serve again (on PostgreSQL both can run at once).`,
      ]);
    }
    throw error;
  }
  try {
    return await use(createSettingsRepository(database.db));
  } finally {
    await database.close();
  }
}

async function storedConnection(settings: SettingsStore): Promise<MattermostConnection | undefined> {
  const parsed = connectionSchema.safeParse(await settings.get(CONNECTION_SETTING));
  return parsed.success ? parsed.data : undefined;
}

function storageName(config: BridgeConfig): string {
  return config.storage.engine === 'embedded' ? `the embedded data directory ${config.storage.dataDir}` : 'PostgreSQL (DATABASE_URL)';
}

export async function runSetupCommand(flags: SetupFlags, io: OperatorIo): Promise<void> {
  checkSetupFlags(flags);
  const plugin = readPluginIdentity();
  const result = await withSettings(io.config, 'setup', async (settings) => {
    const done = await setUpMattermost({
      mattermostUrl: flags.mattermostUrl,
      adminToken: flags.adminToken,
      bridgeUrl: flags.publicUrl,
      ...(flags.team && flags.team.length > 0 ? {teams: flags.team} : {}),
      previous: await storedConnection(settings),
      botIcon: readBotIcon(),
      ...(io.fetch ? {fetch: io.fetch} : {}),
    });
    await settings.set(CONNECTION_SETTING, done.connection);
    return done;
  });
  const {connection} = result;
  io.print(`Baton is connected to Mattermost at ${connection.url}.`);
  io.print(`  bot:      @baton (${connection.botUserId}), system admin`);
  io.print(`  /task:    ${result.teams.length} team(s): ${result.teams.join(', ') || '(none)'} → ${connection.bridgeUrl}/mattermost/command`);
  io.print(`  SiteURL:  ${connection.siteUrl ?? 'NOT SET: /task fails until System Console › Web Server › Site URL is set; run setup again then'}`);
  io.print(`  changes:  ${result.changes.length > 0 ? result.changes.join('; ') : 'none, everything was already set up'}`);
  io.print(`  stored in ${storageName(io.config)}`);
  io.print(`Next: install dist/${plugin.id}-${plugin.version}.tar.gz in System Console › Plugins, start \`baton-bridge serve\`, and run \`baton-bridge doctor\`.`);
}

/** Prints one line per check; resolves with the exit code (1 when a check failed). */
export async function runDoctorCommand(io: OperatorIo): Promise<number> {
  const connection = await withSettings(io.config, 'doctor', storedConnection);
  // The embedded engine admits one process, and doctor just held it: no
  // `serve` is running, so doctor runs the bridge itself for the round trip.
  let bridge: RunningBridge | undefined;
  if (io.config.storage.engine === 'embedded' && connection) {
    try {
      bridge = await startBridge(io.config, createLogger('silent'));
      io.print(`(embedded engine: doctor runs the bridge on ${bridge.url} while it checks)`);
    } catch (error) {
      io.print(`(could not run the bridge for the round trip: ${error instanceof StartupError ? error.lines.join(' ') : (error as Error).message})`);
    }
  }
  try {
    const lines = await runDoctor({
      connection,
      plugin: readPluginIdentity(),
      ...(io.fetch ? {fetch: io.fetch} : {}),
      ...(io.now ? {now: io.now} : {}),
      ...(io.resolve ? {resolve: io.resolve} : {}),
    });
    for (const line of formatDoctorLines(lines)) io.print(line);
    return doctorPassed(lines) ? 0 : 1;
  } finally {
    await bridge?.stop();
  }
}
