// `make run`: the Baton sandbox. Starts the Mattermost simulator with the
// seeded demo organisation and the Baton plugin installed, starts the bridge
// on the embedded engine, connects the two exactly as `setup` does against a
// real server (bot, token, /task command over REST), and prints where to go.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {startBridge, type RunningBridge} from '../../server-bridge/src/app';
import {loadConfig} from '../../server-bridge/src/config/config';
import {createLogger} from '../../server-bridge/src/logging/logger';
import {CONNECTION_SETTING, connectionSchema} from '../../server-bridge/src/mattermost/connection';
import {connectToMattermost} from '../../server-bridge/src/mattermost/setup';
import {readBotIcon} from '../../server-bridge/src/setup/shippedFiles';
import {startSimulator, type RunningSimulator} from '../mattermost-sim/src/index';
import {DEMO_PASSWORD, demoPeople, seedDemoOrganisation} from '../mattermost-sim/src/seed/demoOrganisation';
import {installPlugin} from '../mattermost-sim/src/services/plugins';
import {createSession} from '../mattermost-sim/src/services/users';

const repoRoot = join(__dirname, '..', '..');

export interface SandboxOptions {
  simulatorPort?: number;
  bridgePort?: number;
  dataDir: string;
  logLevel?: 'info' | 'warn' | 'silent';
}

export interface RunningSandbox {
  simulator: RunningSimulator;
  bridge: RunningBridge;
  stop(): Promise<void>;
}

/** The simulator as the sandbox runs it: the seeded demo organisation and the Baton plugin installed. */
export async function startSandboxSimulator(port = 0): Promise<{simulator: RunningSimulator; organisation: ReturnType<typeof seedDemoOrganisation>}> {
  const simulator = await startSimulator({
    port,
    idSeed: 'baton-sandbox',
    config: {
      ServiceSettings: {
        // The bridge listens on loopback: Mattermost must be told it may call it.
        AllowedUntrustedInternalConnections: '127.0.0.1 localhost',
        EnableBotAccountCreation: true,
      },
    },
  });
  try {
    const organisation = seedDemoOrganisation(simulator.ctx);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'plugin.json'), 'utf8')) as {id: string; version: string; name: string; webapp: {bundle_path: string}};
    installPlugin(simulator.ctx, {manifest, bundleFile: join(repoRoot, manifest.webapp.bundle_path), assetsDir: join(repoRoot, 'assets')});
    return {simulator, organisation};
  } catch (error) {
    await simulator.stop();
    throw error;
  }
}

/**
 * Connects a bridge to the sandbox simulator exactly as `setup` does (bot,
 * token, /task over REST) and stores the connection in its settings; with
 * several replicas on one database, storing it once connects them all.
 */
export async function connectSandboxBridge(simulator: RunningSimulator, organisation: ReturnType<typeof seedDemoOrganisation>, bridge: Pick<RunningBridge, 'url' | 'settings'>): Promise<void> {
  const admin = organisation.users.admin;
  if (!admin) throw new Error('the demo organisation has no admin');
  const connection = await connectToMattermost({mattermostUrl: simulator.url, adminToken: createSession(simulator.ctx, admin.id).token, bridgeUrl: bridge.url, botIcon: readBotIcon()});
  await bridge.settings.set(CONNECTION_SETTING, connection);
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const {simulator, organisation} = await startSandboxSimulator(options.simulatorPort ?? 0);
  try {
    const config = loadConfig({
      env: {BATON_PORT: String(options.bridgePort ?? 0), BATON_DATA_DIR: options.dataDir, BATON_LOG_LEVEL: options.logLevel ?? 'warn'},
      readFile: () => '',
    });
    const bridge = await startBridge(config, createLogger(config.logLevel));
    try {
      await connectSandboxBridge(simulator, organisation, bridge);
    } catch (error) {
      await bridge.stop();
      throw error;
    }
    return {
      simulator,
      bridge,
      async stop() {
        await bridge.stop();
        await simulator.stop();
      },
    };
  } catch (error) {
    await simulator.stop();
    throw error;
  }
}

/**
 * With MM_URL (and MM_ADMIN_TOKEN, a system admin's access token) the bridge
 * connects to that real Mattermost instead of the simulator. BATON_PUBLIC_URL
 * is where that server reaches the bridge (default: the bridge's own URL).
 */
async function connectToRealMattermost(mattermostUrl: string): Promise<void> {
  const adminToken = process.env.MM_ADMIN_TOKEN;
  if (!adminToken) throw new Error('MM_URL is set but MM_ADMIN_TOKEN is not: give a system admin personal access token.');
  const config = loadConfig({env: process.env, readFile: (path) => readFileSync(path, 'utf8')});
  const bridge = await startBridge(config, createLogger(config.logLevel));
  // Like `baton-bridge setup`: the stored bot token is kept while it works.
  const previous = connectionSchema.safeParse(await bridge.settings.get(CONNECTION_SETTING));
  const connection = await connectToMattermost({
    mattermostUrl,
    adminToken,
    bridgeUrl: process.env.BATON_PUBLIC_URL ?? bridge.url,
    botIcon: readBotIcon(),
    ...(previous.success ? {previous: previous.data} : {}),
  });
  await bridge.settings.set(CONNECTION_SETTING, connection);
  console.log(`Baton bridge ${bridge.url} is connected to ${mattermostUrl}: bot @baton and /task on ${connection.commandTokens.length} team(s). Install dist/baton-*.tar.gz in the System Console to get the plugin UI.`);
  const stop = () => void bridge.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  if (process.env.MM_URL) return connectToRealMattermost(process.env.MM_URL);
  const sandbox = await startSandbox({
    simulatorPort: Number(process.env.SANDBOX_MM_PORT ?? 8065),
    bridgePort: Number(process.env.BATON_PORT ?? 8787),
    dataDir: process.env.BATON_DATA_DIR ?? join(repoRoot, 'data', 'sandbox'),
    logLevel: 'warn',
  });
  const lines = [
    '',
    'Baton sandbox is running (Mattermost simulator + Baton bridge + plugin).',
    `  Open:   ${sandbox.simulator.url}/`,
    `  Bridge: ${sandbox.bridge.url}  (readiness: ${sandbox.bridge.url}/readyz)`,
    '  Demo logins (username / password):',
    ...demoPeople.map((person) => `    ${person.username} / ${DEMO_PASSWORD}    (${person.role}, ${person.locale})`),
    '  Try `/task help` in any channel. Ctrl-C stops everything.',
    '',
  ];
  console.log(lines.join('\n'));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const lines = (error as {lines?: string[]}).lines;
    console.error(lines ? lines.join('\n') : error);
    process.exit(1);
  });
}
