/** A server event on /api/v4/websocket (model.WebSocketEvent). */
export interface WebSocketMessage {
    event: string;
    data: Record<string, unknown>;
    broadcast: {omit_users: Record<string, boolean> | null; user_id: string; channel_id: string; team_id: string};
    seq: number;
}

/** A reply to a client action ({status, seq_reply}). */
export interface WebSocketReply {
    status: string;
    seq_reply: number;
    data?: unknown;
    error?: unknown;
}
