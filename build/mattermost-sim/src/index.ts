import {randomBytes} from 'node:crypto';
import type {AddressInfo} from 'node:net';
import {applyConfigPatch, defaultConfig, type SimConfigPatch} from './config';
import type {SimContext} from './context';
import {createIdGenerator} from './ids';
import {usersRoutes} from './routes/users';
import {teamsRoutes} from './routes/teams';
import {channelsRoutes} from './routes/channels';
import {postsRoutes} from './routes/posts';
import {botsRoutes} from './routes/bots';
import {configRoutes} from './routes/config';
import {pluginsRoutes} from './routes/plugins';
import {commandsRoutes} from './routes/commands';
import {actionsRoutes} from './routes/actions';
import {dialogsRoutes} from './routes/dialogs';
import {faultRoutes} from './routes/faults';
import {harnessRoutes} from './routes/harness';
import {inspectionRoutes} from './routes/inspection';
import {systemRoutes} from './routes/system';
import {buildSimulatorServer, type RouteModule} from './server';
import {createStore} from './store/store';
import {attachWebSocket} from './websocket/endpoint';
import {createHub} from './websocket/hub';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Defaults to the simulator's own URL, as a real deployment would set it. */
  siteUrl?: string;
  config?: SimConfigPatch;
  /** Makes ids deterministic (the sandbox's seeded data relies on it). */
  idSeed?: string;
  serverVersion?: string;
  now?: () => number;
}

export interface RunningSimulator {
  url: string;
  ctx: SimContext;
  stop(): Promise<void>;
}

/** Every route module, in registration order. */
export const routeModules: RouteModule[] = [
  // First: an injected fault answers before any route.
  faultRoutes,
  systemRoutes,
  usersRoutes,
  teamsRoutes,
  channelsRoutes,
  postsRoutes,
  botsRoutes,
  configRoutes,
  pluginsRoutes,
  commandsRoutes,
  actionsRoutes,
  dialogsRoutes,
  inspectionRoutes,
  harnessRoutes,
];

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const store = createStore();
  const ctx: SimContext = {
    store,
    hub: createHub(store),
    config: defaultConfig(options.siteUrl ?? ''),
    ids: createIdGenerator(options.idSeed),
    now: options.now ?? Date.now,
    inspection: {ephemerals: [], integrationRequests: []},
    serverVersion: options.serverVersion ?? '11.1.0',
    serverSecret: randomBytes(32),
  };
  const app = buildSimulatorServer(ctx, routeModules);
  attachWebSocket(app, ctx);
  const host = options.host ?? '127.0.0.1';
  await app.listen({host, port: options.port ?? 0});
  const {port} = app.server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  ctx.config = applyConfigPatch(ctx.config, {...options.config, ServiceSettings: {SiteURL: options.siteUrl ?? url, ...options.config?.ServiceSettings}});
  return {url, ctx, stop: () => app.close()};
}
