import type {FastifyInstance} from 'fastify';
import {errors} from '../../errors';

export interface Readiness {
  /** Resolves with the engine name when requests can be served; throws why not. */
  check(): Promise<{engine: string}>;
}

export function registerHealthRoutes(server: FastifyInstance, readiness: Readiness): void {
  // Liveness: the process runs and its event loop answers. Nothing else, so
  // an orchestrator never restarts a bridge because the database is down.
  server.get('/healthz', async () => ({status: 'ok'}));

  // Readiness: the database answers and its schema is current.
  server.get('/readyz', async () => {
    try {
      const {engine} = await readiness.check();
      return {status: 'ready', engine};
    } catch (error) {
      throw errors.notReady((error as Error).message);
    }
  });
}
