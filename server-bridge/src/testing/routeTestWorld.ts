import type {FastifyInstance, LightMyRequestResponse} from 'fastify';
import {type Database, openDatabase} from '../storage/database';
import {type ApiTestServerOptions, startApiTestServer} from './apiTestServer';
import {type engineNames, freshStorage, type TestStorage} from './engines';

// What every route test of the REST API stands on: a fresh store of one
// engine, the services the test builds on it, and the API test server in
// front of them (apiTestServer.ts), set up once before the describe block's
// tests and torn down after them. Tests then call the API as a named person.

/** The methods the REST API answers. */
export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What a test puts behind the server, built on the fresh database: the API test server's options, less the engine (the world's own). */
export interface RouteTestSetup extends Omit<ApiTestServerOptions, 'engine'> {
  /** Further names for raw bearer tokens (e.g. a business system's API token), so `call` can send them as it sends a person's session. */
  bearers?: Record<string, string>;
}

export interface RouteTestWorld {
  readonly server: FastifyInstance;
  readonly database: Database;
  /** Each person's session token (and each of `bearers`), by name. */
  readonly tokens: Record<string, string>;
  /** One request as `as` (a name in `people` or `bearers`), with a JSON body when `payload` is given. A plain function: `const {call} = world` is fine. */
  call: (method: ApiMethod, url: string, as: string, payload?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
}

/**
 * Registers the describe block's beforeAll and afterAll: a fresh store of `engine`,
 * `setup` on its database, the API test server; then closes all three. Call it in
 * the describe body; read the world's parts in hooks and tests (they exist from beforeAll on).
 */
export function useRouteTestWorld(engine: (typeof engineNames)[number], setup: (database: Database) => RouteTestSetup | Promise<RouteTestSetup>): RouteTestWorld {
  let storage: TestStorage | undefined;
  let database: Database | undefined;
  let server: FastifyInstance | undefined;
  let tokens: Record<string, string> | undefined;

  beforeAll(async () => {
    storage = await freshStorage(engine);
    database = await openDatabase(storage.config);
    const {bearers, ...options} = await setup(database);
    const started = await startApiTestServer({...options, engine});
    server = started.server;
    tokens = {...started.tokens, ...bearers};
  });
  // Each part only if it came up: a failed beforeAll still releases what it opened.
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await storage?.cleanup();
  });

  /** A part read before beforeAll ran (say, at describe time) is a mistake in the test, so it says so. */
  const ready = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`The route test world's ${name} exists from beforeAll on: read it in a hook or a test.`);
    return part;
  };
  return {
    get server() {
      return ready(server, 'server');
    },
    get database() {
      return ready(database, 'database');
    },
    get tokens() {
      return ready(tokens, 'tokens');
    },
    call: (method, url, as, payload, headers = {}) =>
      ready(server, 'server').inject({
        method,
        url,
        headers: {authorization: `Bearer ${ready(tokens, 'tokens')[as]}`, ...headers},
        ...(payload === undefined ? {} : {payload: payload as object}),
      }),
  };
}
