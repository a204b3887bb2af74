import type {FastifyReply, FastifyRequest} from 'fastify';

// The simulator's own /__sim/ APIs (inspection, fault injection) take no
// credentials, so they answer only on loopback and cannot leak beyond the machine.

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** An onRequest hook refusing every caller not on this machine. */
export async function loopbackOnly(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) {
    await reply.status(403).send({id: 'sim.inspection.loopback_only', message: 'The simulator inspection API only answers on loopback.', detailed_error: '', request_id: request.id, status_code: 403});
  }
}
