import type {IncomingMessage} from 'node:http';
import {hostname} from 'node:os';
import type {Duplex} from 'node:stream';
import type {FastifyInstance, FastifyRequest} from 'fastify';
import {WebSocketServer} from 'ws';
import {resolveCaller, sessionForToken} from '../auth';
import type {SimContext} from '../context';
import {MmError, errorBody} from '../errors';
import {isValidId} from '../ids';
import type {Connection} from './hub';

// GET /api/v4/websocket (api4/websocket.go, app/platform/web_conn.go,
// websocket_router.go). A client authenticates either with its HTTP
// credentials at upgrade (header or cookie) or, after connecting, with
// {"seq":1,"action":"authentication_challenge","data":{"token":...}}.
//
// Order on the wire, as Mattermost does it: registering the connection with
// the hub queues `hello` (seq 0) first, then the challenge is answered
// {"status":"OK","seq_reply":1}.

/** web_conn.go authCheckInterval: a connection still unauthenticated after this is closed. */
const AUTH_CHECK_MS = 5_000;

interface ClientRequest {
  seq: number;
  action: string;
  data: Record<string, unknown>;
}

function parseRequest(raw: string): ClientRequest | undefined {
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const {seq, action, data} = value as Record<string, unknown>;
    return {
      seq: typeof seq === 'number' ? seq : 0,
      action: typeof action === 'string' ? action : '',
      data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {},
    };
  } catch {
    return undefined;
  }
}

function rejectUpgrade(socket: Duplex, error: MmError): void {
  const body = JSON.stringify(errorBody(error, ''));
  socket.end(`HTTP/1.1 ${error.statusCode} Unauthorized\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

export function attachWebSocket(app: FastifyInstance, ctx: SimContext): void {
  const wss = new WebSocketServer({noServer: true});
  const serverVersion = () => `${ctx.serverVersion}.sim.0.false`;

  app.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/api/v4/websocket') {
      socket.destroy();
      return;
    }
    // Bad credentials fail the HTTP request itself (web/handlers.go answers
    // 401 before connectWebSocket runs); no credentials upgrade unauthenticated.
    let userId: string | undefined;
    try {
      userId = resolveCaller(ctx, {headers: request.headers, method: 'GET'} as FastifyRequest)?.user.id;
    } catch (error) {
      if (error instanceof MmError) {
        rejectUpgrade(socket, error);
        return;
      }
      throw error;
    }

    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection: Connection = {id: ctx.ids(), userId: '', socket: ws, nextSeq: 0};
      const register = (id: string) => {
        connection.userId = id;
        ctx.hub.add(connection);
        ctx.hub.sendTo(connection, 'hello', {server_version: serverVersion(), connection_id: connection.id, server_hostname: hostname()}, {user_id: id});
      };
      const authTimer = setTimeout(() => {
        if (!connection.userId) ws.close();
      }, AUTH_CHECK_MS);
      authTimer.unref();
      if (userId) register(userId);

      // Errors go through the hub in Mattermost, which drops them for a
      // connection it has not registered: unauthenticated clients hear nothing.
      const fail = (seq: number, id: string, statusCode: number) => {
        if (!connection.userId) return;
        const body = errorBody(new MmError(statusCode, id, id), '');
        ctx.hub.respond(connection, {status: 'FAIL', seq_reply: seq, error: {...body, detailed_error: ''}});
      };

      ws.on('message', (raw) => {
        const message = parseRequest(raw.toString());
        if (!message) return;
        if (message.action === '') return fail(message.seq, 'api.web_socket_router.no_action.app_error', 400);
        if (message.seq <= 0) return fail(message.seq, 'api.web_socket_router.bad_seq.app_error', 400);
        if (message.action === 'authentication_challenge') {
          if (connection.userId) return;
          const token = message.data.token;
          const session = typeof token === 'string' ? sessionForToken(ctx, token) : undefined;
          const user = session ? ctx.store.users.get(session.user_id) : undefined;
          if (!session || !user || user.delete_at !== 0) {
            ws.close();
            return;
          }
          register(user.id);
          ctx.hub.respond(connection, {status: 'OK', seq_reply: message.seq});
          return;
        }
        if (!connection.userId) return;
        handleAction(ctx, connection, message, fail);
      });
      ws.on('close', () => {
        clearTimeout(authTimer);
        ctx.hub.remove(connection);
      });
    });
  });

  app.addHook('onClose', async () => {
    ctx.hub.closeAll();
    for (const client of wss.clients) client.terminate();
    wss.close();
  });
}

/** The actions of server/channels/wsapi the simulator answers; anything else is bad_action. */
function handleAction(ctx: SimContext, connection: Connection, message: ClientRequest, fail: (seq: number, id: string, status: number) => void): void {
  switch (message.action) {
    case 'ping':
      // wsapi/system.go ping
      ctx.hub.respond(connection, {status: 'OK', seq_reply: message.seq, data: {text: 'pong', version: ctx.serverVersion, server_time: ctx.now(), node_id: ''}});
      return;
    case 'user_typing': {
      // wsapi/user.go userTyping → app PublishUserTyping: `typing` to the channel, minus the typist.
      const channelId = message.data.channel_id;
      if (typeof channelId !== 'string' || !isValidId(channelId)) return fail(message.seq, 'api.websocket_handler.invalid_param.app_error', 400);
      const parentId = typeof message.data.parent_id === 'string' ? message.data.parent_id : '';
      ctx.hub.publish('typing', {parent_id: parentId, user_id: connection.userId}, {channel_id: channelId, omit_users: {[connection.userId]: true}});
      ctx.hub.respond(connection, {status: 'OK', seq_reply: message.seq});
      return;
    }
    default:
      fail(message.seq, 'api.web_socket_router.bad_action.app_error', 500);
  }
}
