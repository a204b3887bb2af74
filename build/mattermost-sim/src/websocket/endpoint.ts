import type {IncomingMessage} from 'node:http';
import type {Duplex} from 'node:stream';
import type {FastifyInstance, FastifyRequest} from 'fastify';
import {WebSocketServer} from 'ws';
import {resolveCaller, sessionForToken} from '../auth';
import type {SimContext} from '../context';
import type {Connection} from './hub';

// GET /api/v4/websocket. A client authenticates either with its HTTP
// credentials at upgrade (header or cookie) or, after connecting, with
// {"seq":1,"action":"authentication_challenge","data":{"token":...}}, which is
// answered {"status":"OK","seq_reply":1}. Then the server sends `hello`.

export function attachWebSocket(app: FastifyInstance, ctx: SimContext): void {
  const wss = new WebSocketServer({noServer: true});

  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/api/v4/websocket') {
      socket.destroy();
      return;
    }
    let userId: string | undefined;
    try {
      userId = resolveCaller(ctx, {headers: request.headers, method: 'GET'} as FastifyRequest)?.user.id;
    } catch {
      userId = undefined;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection: Connection = {id: ctx.ids(), userId: userId ?? '', socket: ws, nextSeq: 0};
      const start = (id: string) => {
        connection.userId = id;
        ctx.hub.add(connection);
        ctx.hub.sendTo(connection, 'hello', {connection_id: connection.id, server_version: ctx.serverVersion}, {user_id: id});
      };
      if (userId) start(userId);
      ws.on('message', (raw) => {
        let message: {seq?: number; action?: string; data?: {token?: string}};
        try {
          message = JSON.parse(raw.toString()) as typeof message;
        } catch {
          return;
        }
        if (message.action !== 'authentication_challenge') {
          if (!connection.userId) ws.close(4001, 'not authenticated');
          return;
        }
        const session = message.data?.token ? sessionForToken(ctx, message.data.token) : undefined;
        const user = session ? ctx.store.users.get(session.user_id) : undefined;
        if (!session || !user || user.delete_at !== 0) {
          ws.send(JSON.stringify({status: 'FAIL', seq_reply: message.seq, error: {id: 'api.web_socket_router.not_authenticated.app_error', message: 'Not authenticated.'}}));
          return;
        }
        ws.send(JSON.stringify({status: 'OK', seq_reply: message.seq}));
        if (!connection.userId) start(user.id);
      });
      ws.on('close', () => ctx.hub.remove(connection));
    });
  });

  app.addHook('onClose', async () => {
    ctx.hub.closeAll();
    wss.close();
  });
}
