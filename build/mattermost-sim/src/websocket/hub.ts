import type {WebSocket} from 'ws';
import {canSeeUser, hasPermission} from '../services/permissions';
import type {SimStore} from '../store/store';
import {channelMemberIds, teamMemberIds} from '../store/store';

// Mattermost's WebSocket fan-out (server/channels/app/platform/web_hub.go and
// web_conn.go ShouldSendEvent): every event carries a broadcast filter; each
// connection has its own `seq`, starting at 0 with `hello` and increasing by
// exactly one per event (responses to client requests carry `seq_reply`
// instead and do not advance it).

export interface Broadcast {
  omit_users?: Record<string, boolean> | null;
  user_id?: string;
  channel_id?: string;
  team_id?: string;
  connection_id?: string;
  omit_connection_id?: string;
  /** Only for connections of non-admins (the sanitized copy of an event). */
  contains_sanitized_data?: boolean;
  /** Only for connections of admins (the full copy of an event). */
  contains_sensitive_data?: boolean;
}

/** model.WebsocketBroadcast as serialized (the two contains_* flags are omitempty). */
export interface SerializedBroadcast {
  omit_users: Record<string, boolean> | null;
  user_id: string;
  channel_id: string;
  team_id: string;
  connection_id: string;
  omit_connection_id: string;
  contains_sanitized_data?: true;
  contains_sensitive_data?: true;
}

export interface WebSocketEvent {
  event: string;
  data: Record<string, unknown>;
  broadcast: SerializedBroadcast;
  seq: number;
}

/** model.WebSocketResponse: the answer to a client request (seq_reply is omitempty). */
export interface WebSocketResponse {
  status: 'OK' | 'FAIL';
  seq_reply?: number;
  data?: Record<string, unknown>;
  error?: {id: string; message: string; detailed_error: string; request_id: string; status_code: number};
}

export interface Connection {
  id: string;
  userId: string;
  socket: WebSocket;
  nextSeq: number;
}

export interface Hub {
  add(connection: Connection): void;
  remove(connection: Connection): void;
  publish(event: string, data: Record<string, unknown>, broadcast: Broadcast): void;
  /** Sends to one connection only (hello). */
  sendTo(connection: Connection, event: string, data: Record<string, unknown>, broadcast: Broadcast): void;
  /** Replies to a client request on one connection; does not use a `seq`. */
  respond(connection: Connection, response: WebSocketResponse): void;
  connectionsOf(userId: string): Connection[];
  closeAll(): void;
}

function serializeBroadcast(broadcast: Broadcast): SerializedBroadcast {
  return {
    omit_users: broadcast.omit_users ?? null,
    user_id: broadcast.user_id ?? '',
    channel_id: broadcast.channel_id ?? '',
    team_id: broadcast.team_id ?? '',
    connection_id: broadcast.connection_id ?? '',
    omit_connection_id: broadcast.omit_connection_id ?? '',
    ...(broadcast.contains_sanitized_data ? {contains_sanitized_data: true as const} : {}),
    ...(broadcast.contains_sensitive_data ? {contains_sensitive_data: true as const} : {}),
  };
}

export function createHub(store: SimStore): Hub {
  const connections = new Set<Connection>();

  const sendTo: Hub['sendTo'] = (connection, event, data, broadcast) => {
    const message: WebSocketEvent = {event, data, broadcast: serializeBroadcast(broadcast), seq: connection.nextSeq};
    connection.nextSeq += 1;
    connection.socket.send(JSON.stringify(message));
  };

  /** web_conn.go ShouldSendEvent, in its order of checks. */
  const shouldSend = (connection: Connection, event: string, data: Record<string, unknown>, broadcast: Broadcast): boolean => {
    const user = store.users.get(connection.userId);
    if (!user) return false;
    const isAdmin = hasPermission(user, 'manage_system');
    if (broadcast.contains_sanitized_data && isAdmin) return false;
    if (broadcast.contains_sensitive_data && !isAdmin) return false;
    if (broadcast.connection_id) return connection.id === broadcast.connection_id;
    if (broadcast.omit_connection_id && connection.id === broadcast.omit_connection_id) return false;
    // A user-addressed event ignores omit_users, channel and team.
    if (broadcast.user_id) return connection.userId === broadcast.user_id;
    if (broadcast.omit_users?.[connection.userId]) return false;
    if (broadcast.channel_id) return channelMemberIds(store, broadcast.channel_id).includes(connection.userId);
    if (broadcast.team_id) return teamMemberIds(store, broadcast.team_id).includes(connection.userId);
    // Guests only hear about users they can see (ShouldSendEventToGuest).
    if (user.roles.split(' ').includes('system_guest') && event === 'user_updated') {
      const updated = data.user as {id?: unknown} | undefined;
      return typeof updated?.id === 'string' && canSeeUser({store}, user, updated.id);
    }
    return true;
  };

  return {
    add: (connection) => void connections.add(connection),
    remove: (connection) => void connections.delete(connection),
    sendTo,
    respond(connection, response) {
      connection.socket.send(JSON.stringify(response));
    },
    publish(event, data, broadcast) {
      for (const connection of connections) {
        if (shouldSend(connection, event, data, broadcast)) sendTo(connection, event, data, broadcast);
      }
    },
    connectionsOf: (userId) => [...connections].filter((connection) => connection.userId === userId),
    closeAll() {
      for (const connection of connections) connection.socket.terminate();
      connections.clear();
    },
  };
}
