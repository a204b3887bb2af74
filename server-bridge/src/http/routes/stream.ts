import {PassThrough} from 'node:stream';
import type {FastifyInstance} from 'fastify';
import {API_V1} from '../../contract';
import type {LiveUpdates} from '../../domain/live/liveUpdates';
import {STREAM_HEARTBEAT, STREAM_OPENING, presentStreamEvent} from '../presenters/streamPresenter';
import {callerOf} from '../requireCaller';

// GET /api/v1/stream — Server-Sent Events of the changes the caller may see
// (domain/live/liveUpdates.ts decides). Behind the bearer session like every
// /api/v1 route: the webapp reads it with fetch and an Authorization header
// (EventSource cannot send one, and a token never goes in the URL). Thin:
// caller → one subscription → SSE framing.

export interface StreamRouteDeps {
  live: LiveUpdates;
}

export interface StreamRouteOptions {
  /** A comment line this often keeps proxies and load balancers from closing an idle stream. */
  heartbeatMs?: number;
  /** A client that stops reading is cut off past this much unsent text; it reconnects and refetches. */
  maxBufferedBytes?: number;
}

export const STREAM_PATH = `${API_V1}/stream`;

export function registerStreamRoutes(server: FastifyInstance, deps: () => StreamRouteDeps, options: StreamRouteOptions = {}): void {
  const {heartbeatMs = 25_000, maxBufferedBytes = 1024 * 1024} = options;
  /** How to end each open stream. */
  const open = new Set<() => void>();

  // Closing the server waits for requests in flight, and a stream never ends
  // by itself: end them all first so shutdown does not hang.
  server.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });

  server.get(STREAM_PATH, async (request, reply) => {
    const caller = callerOf(request);
    const {live} = deps();
    const body = new PassThrough();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(end);
      body.end();
    };
    const write = (text: string) => {
      if (ended) return;
      if (body.writableLength > maxBufferedBytes) end();
      else body.write(text);
    };
    // Ended by the service too: a deactivated account hears nothing more.
    const unsubscribe = live.subscribe(caller, (event) => write(presentStreamEvent(event)), () => end());
    const heartbeat = setInterval(() => write(STREAM_HEARTBEAT), heartbeatMs);
    open.add(end);
    // The client went away (or the connection broke).
    reply.raw.on('close', end);
    // Sent at once, so the client sees the response (and its headers) before the first change.
    body.write(STREAM_OPENING);
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-cache, no-transform')
      // nginx and similar proxies would otherwise buffer the stream.
      .header('x-accel-buffering', 'no')
      .send(body);
  });
}
