import type {AddressInfo} from 'node:net';
import type {BridgeConfig} from './config/config';
import {StartupError} from './errors';
import {buildHttpServer} from './http/server';
import type {Logger} from './logging/logger';
import {type Database, openDatabase} from './storage/database';

export interface RunningBridge {
  /** Base URL the bridge listens on, e.g. http://127.0.0.1:8787. */
  url: string;
  /** Stops accepting, lets in-flight requests finish, closes the database. */
  stop(): Promise<void>;
}

/**
 * The composition root: everything the bridge runs on is created here and
 * passed down. The port is bound before the database opens, so a port
 * conflict is reported before anything is written to disk.
 */
export async function startBridge(config: BridgeConfig, logger: Logger): Promise<RunningBridge> {
  let database: Database | undefined;
  const server = buildHttpServer({
    logger,
    isStarted: () => database !== undefined,
    readiness: {
      async check() {
        if (!database) throw new Error('the database is still opening');
        await database.checkReady();
        return {engine: database.engine};
      },
    },
  });

  try {
    await server.listen({host: config.http.host, port: config.http.port, listenTextResolver: () => ''});
  } catch (error) {
    await server.close();
    throw listenError(error as NodeJS.ErrnoException, config.http);
  }

  try {
    database = await openDatabase(config.storage);
  } catch (error) {
    await server.close();
    throw error;
  }

  const url = baseUrl(server.server.address(), config.http);
  logger.info({url, engine: database.engine}, 'bridge ready');

  const openDatabaseHandle = database;
  return {
    url,
    async stop() {
      await server.close();
      await openDatabaseHandle.close();
    },
  };
}

function baseUrl(address: AddressInfo | string | null, http: BridgeConfig['http']): string {
  if (address === null || typeof address === 'string') return `http://${http.host}:${http.port}`;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function listenError(error: NodeJS.ErrnoException, http: BridgeConfig['http']): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new StartupError([`http: port ${http.port} on ${http.host} is already in use; stop the other process or set BATON_PORT to a free port.`]);
    case 'EACCES':
      return new StartupError([`http: no permission to listen on port ${http.port}; use a port above 1023 (BATON_PORT).`]);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return new StartupError([`http: cannot listen on ${http.host}: no such local address; set BATON_HOST to an address of this machine.`]);
    default:
      return error;
  }
}
