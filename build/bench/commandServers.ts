// The /task suite's servers, each a child process of the bench runner so
// that the load generator, Mattermost and the bridge do not share an event
// loop (in production they do not share a machine either):
//   `simulator`: the Mattermost simulator with the benchmark world's people
//     and channels under the ids the loaded tasks use, and a system admin;
//   `bridge`: a bridge on the loaded PostgreSQL database (DATABASE_URL),
//     connected to that simulator the way `baton-bridge setup` connects.
// Each prints one JSON line when ready and stops when its stdin closes.
import {startBridge} from '../../server-bridge/src/app';
import {loadConfig} from '../../server-bridge/src/config/config';
import {createLogger} from '../../server-bridge/src/logging/logger';
import {CONNECTION_SETTING} from '../../server-bridge/src/mattermost/connection';
import {connectToMattermost} from '../../server-bridge/src/mattermost/setup';
import {readBotIcon} from '../../server-bridge/src/setup/shippedFiles';
import type {SimContext} from '../mattermost-sim/src/context';
import {startSimulator} from '../mattermost-sim/src/index';
import {addChannelMember, addTeamMember, createChannel, createTeam} from '../mattermost-sim/src/services/channels';
import {createSession, createUser} from '../mattermost-sim/src/services/users';
import {type BenchWorld, benchWorld} from './world';

export interface SimulatorReady {
  url: string;
  adminToken: string;
  teamId: string;
  teamName: string;
}

export interface BridgeReady {
  bridgeUrl: string;
  commandToken: string;
}

/** Runs `create` with the simulator handing out `id` as the next new id (then its own again). */
function withId<T>(ctx: SimContext, id: string, create: () => T): T {
  const own = ctx.ids;
  let handedOut = false;
  ctx.ids = () => {
    if (handedOut) return own();
    handedOut = true;
    return id;
  };
  try {
    return create();
  } finally {
    ctx.ids = own;
  }
}

function seedWorld(ctx: SimContext, world: BenchWorld) {
  const admin = createUser(ctx, {username: 'bench-admin', roles: 'system_admin system_user'});
  const team = createTeam(ctx, {name: 'bench', display_name: 'Benchmark'});
  addTeamMember(ctx, team.id, admin.id, true);
  for (const person of world.people) {
    withId(ctx, person.id, () => createUser(ctx, {username: person.username, locale: person.locale, timezone: person.timeZone}));
    addTeamMember(ctx, team.id, person.id);
  }
  for (const channel of world.channels) {
    withId(ctx, channel.id, () => createChannel(ctx, {team_id: team.id, name: channel.name, display_name: channel.name, type: 'O', creator_id: channel.members[0]!}));
    for (const member of channel.members) addChannelMember(ctx, channel.id, member, {silent: true});
  }
  return {admin, team};
}

async function serveSimulator(): Promise<{ready: SimulatorReady; stop(): Promise<void>}> {
  const simulator = await startSimulator({idSeed: 'baton-bench-simulator', config: {ServiceSettings: {AllowedUntrustedInternalConnections: '127.0.0.1 localhost', EnableBotAccountCreation: true}}});
  const {admin, team} = seedWorld(simulator.ctx, benchWorld());
  return {ready: {url: simulator.url, adminToken: createSession(simulator.ctx, admin.id).token, teamId: team.id, teamName: team.name}, stop: () => simulator.stop()};
}

async function serveBridge(): Promise<{ready: BridgeReady; stop(): Promise<void>}> {
  const {DATABASE_URL: databaseUrl, MM_URL: mattermostUrl, MM_ADMIN_TOKEN: adminToken} = process.env;
  if (!databaseUrl || !mattermostUrl || !adminToken) throw new Error('DATABASE_URL, MM_URL and MM_ADMIN_TOKEN are required');
  const config = loadConfig({env: {BATON_PORT: '0', DATABASE_URL: databaseUrl, BATON_PG_POOL_SIZE: '10', BATON_LOG_LEVEL: 'warn'}, readFile: () => ''});
  const bridge = await startBridge(config, createLogger(config.logLevel));
  const connection = await connectToMattermost({mattermostUrl, adminToken, bridgeUrl: bridge.url, botIcon: readBotIcon()});
  await bridge.settings.set(CONNECTION_SETTING, connection);
  return {ready: {bridgeUrl: bridge.url, commandToken: connection.commandTokens[0]!}, stop: () => bridge.stop()};
}

async function main(role: string | undefined): Promise<void> {
  if (role !== 'simulator' && role !== 'bridge') throw new Error('usage: commandServers.ts simulator|bridge');
  const server = role === 'simulator' ? await serveSimulator() : await serveBridge();
  process.stdout.write(`${JSON.stringify(server.ready)}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // The runner kills what has not stopped in 15 s; exit before that so a CPU profile (BENCH_PROFILE_DIR) is written.
    setTimeout(() => {
      process.stderr.write(`command servers: the ${role} did not stop within 10 s; exiting anyway\n`);
      process.exit(0);
    }, 10_000).unref();
    void server.stop().then(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.resume();
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main(process.argv[2]).catch((error: unknown) => {
    process.stderr.write(`command servers: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
