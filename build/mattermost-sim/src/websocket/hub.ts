import type {WebSocket} from 'ws';
import type {SimStore} from '../store/store';
import {channelMemberIds, teamMemberIds} from '../store/store';

// Mattermost's WebSocket fan-out (server/channels/app/platform/web_hub.go):
// every event carries a broadcast filter; each connection has its own `seq`,
// starting at 0 with `hello` and increasing by exactly one per event.

export interface Broadcast {
  omit_users?: Record<string, boolean> | null;
  user_id?: string;
  channel_id?: string;
  team_id?: string;
}

export interface WebSocketEvent {
  event: string;
  data: Record<string, unknown>;
  broadcast: Required<Pick<Broadcast, 'user_id' | 'channel_id' | 'team_id'>> & {omit_users: Record<string, boolean> | null};
  seq: number;
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
  connectionsOf(userId: string): Connection[];
  closeAll(): void;
}

export function createHub(store: SimStore): Hub {
  const connections = new Set<Connection>();

  const sendTo: Hub['sendTo'] = (connection, event, data, broadcast) => {
    const message: WebSocketEvent = {
      event,
      data,
      broadcast: {
        omit_users: broadcast.omit_users ?? null,
        user_id: broadcast.user_id ?? '',
        channel_id: broadcast.channel_id ?? '',
        team_id: broadcast.team_id ?? '',
      },
      seq: connection.nextSeq,
    };
    connection.nextSeq += 1;
    connection.socket.send(JSON.stringify(message));
  };

  const recipients = (broadcast: Broadcast): Set<string> | 'everyone' => {
    if (broadcast.user_id) return new Set([broadcast.user_id]);
    if (broadcast.channel_id) return new Set(channelMemberIds(store, broadcast.channel_id));
    if (broadcast.team_id) return new Set(teamMemberIds(store, broadcast.team_id));
    return 'everyone';
  };

  return {
    add: (connection) => void connections.add(connection),
    remove: (connection) => void connections.delete(connection),
    sendTo,
    publish(event, data, broadcast) {
      const wanted = recipients(broadcast);
      for (const connection of connections) {
        if (wanted !== 'everyone' && !wanted.has(connection.userId)) continue;
        if (broadcast.omit_users?.[connection.userId]) continue;
        sendTo(connection, event, data, broadcast);
      }
    },
    connectionsOf: (userId) => [...connections].filter((connection) => connection.userId === userId),
    closeAll() {
      for (const connection of connections) connection.socket.terminate();
      connections.clear();
    },
  };
}
