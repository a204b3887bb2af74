import {z} from 'zod';
import {MmError, errorBody} from '../errors';
import {parseBody} from '../request';
import type {RouteModule} from '../server';
import {loopbackOnly} from './loopbackOnly';

// NOT PART OF MATTERMOST. Fault injection for tests of how Baton rides out a
// Mattermost outage: while a fault is active, matching /api/v4 requests get
// its status with Mattermost's error JSON, and do nothing else.
//
//   POST   /__sim/faults {status, durationMs?, pathPrefix?, method?, id?, message?}
//          → 201 the fault; without durationMs it lasts until cleared
//   GET    /__sim/faults      active faults, with how many requests each answered
//   DELETE /__sim/faults      clears every fault
//
// Faults never touch /__sim/ itself (so a test can always clear them) nor the
// WebSocket upgrade. Time is the simulator's clock (ctx.now).

const faultBody = z.object({
  status: z.number().int().min(400).max(599),
  durationMs: z.number().int().positive().optional(),
  pathPrefix: z.string().startsWith('/api/v4/').default('/api/v4/'),
  method: z.string().toUpperCase().optional(),
  /** Mattermost's error id for the answer; 503 defaults to the one Mattermost uses when busy. */
  id: z.string().min(1).optional(),
  message: z.string().optional(),
});

export interface Fault {
  fault_id: number;
  status: number;
  path_prefix: string;
  method: string | null;
  /** ms since the epoch on the simulator's clock; null: until cleared. */
  until: number | null;
  error_id: string;
  message: string;
  /** Requests answered by this fault so far. */
  hits: number;
}

function defaultError(status: number): {id: string; message: string} {
  // web/context.go NewServerBusyError, answered by DisableWhenBusy routes while the server is busy.
  if (status === 503) return {id: 'api.context.server_busy.app_error', message: 'Server is busy, non-critical services are temporarily unavailable.'};
  return {id: 'sim.fault_injected', message: `Fault injected by the simulator (POST /__sim/faults): ${status}.`};
}

export const faultRoutes: RouteModule = (app, ctx) => {
  let faults: Fault[] = [];
  let lastFaultId = 0;
  const active = () => {
    const now = ctx.now();
    faults = faults.filter((fault) => fault.until === null || fault.until > now);
    return faults;
  };

  // Registered first among the route modules, so it answers before any route.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? request.url;
    if (!path.startsWith('/api/v4/')) return;
    const fault = active().find((candidate) => path.startsWith(candidate.path_prefix) && (candidate.method === null || candidate.method === request.method));
    if (!fault) return;
    fault.hits += 1;
    await reply.status(fault.status).send(errorBody(new MmError(fault.status, fault.error_id, fault.message), request.id));
  });

  app.post('/__sim/faults', {onRequest: loopbackOnly}, async (request, reply) => {
    const body = parseBody(faultBody, request.body, 'fault');
    const fallback = defaultError(body.status);
    const fault: Fault = {
      fault_id: ++lastFaultId,
      status: body.status,
      path_prefix: body.pathPrefix,
      method: body.method ?? null,
      until: body.durationMs === undefined ? null : ctx.now() + body.durationMs,
      error_id: body.id ?? fallback.id,
      message: body.message ?? fallback.message,
      hits: 0,
    };
    faults.push(fault);
    return reply.status(201).send(fault);
  });

  app.get('/__sim/faults', {onRequest: loopbackOnly}, async () => active());

  app.delete('/__sim/faults', {onRequest: loopbackOnly}, async () => {
    faults = [];
    return {status: 'OK'};
  });
};
