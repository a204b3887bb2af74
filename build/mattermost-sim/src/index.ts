import type {AddressInfo} from 'node:net';
import {applyConfigPatch, defaultConfig, type SimConfigPatch} from './config';
import type {SimContext} from './context';
import {createIdGenerator} from './ids';
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
export const routeModules: RouteModule[] = [systemRoutes];

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
