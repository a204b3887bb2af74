// The browser side of /api/v4/websocket, after @mattermost/client's
// WebSocketClient: cookie-authenticated at the upgrade, every event's `seq`
// must be exactly one more than the previous (a gap means missed events:
// reconnect), reconnection with backoff. Also the `webSocketClient` object
// registered components receive as a prop.
import {harnessLog} from '../log';

import type {WebSocketMessage, WebSocketReply} from './types';

type MessageListener = (msg: WebSocketMessage) => void;
type Listener = () => void;

const maxBackoffMs = 10_000;

export class HarnessWebSocketClient {
    private socket: WebSocket | undefined;
    private readonly url: string;
    private readonly createSocket: (url: string) => WebSocket;
    private expectedSeq = 0;
    private sendSeq = 1;
    private failures = 0;
    private connectedBefore = false;
    private closedOnPurpose = false;
    private readonly messageListeners = new Set<MessageListener>();
    private readonly firstConnectListeners = new Set<Listener>();
    private readonly reconnectListeners = new Set<Listener>();
    private readonly closeListeners = new Set<Listener>();
    private readonly replyCallbacks = new Map<number, (reply: WebSocketReply) => void>();
    connectionId = '';

    constructor(url: string, createSocket: (url: string) => WebSocket = (target) => new WebSocket(target)) {
        this.url = url;
        this.createSocket = createSocket;
    }

    initialize(): void {
        this.closedOnPurpose = false;
        this.expectedSeq = 0;
        const socket = this.createSocket(this.url);
        this.socket = socket;
        socket.onopen = () => {
            this.failures = 0;
            const listeners = this.connectedBefore ? this.reconnectListeners : this.firstConnectListeners;
            this.connectedBefore = true;
            listeners.forEach((listener) => listener());
        };
        socket.onmessage = (event: MessageEvent<string>) => this.receive(event.data);
        socket.onclose = () => {
            this.closeListeners.forEach((listener) => listener());
            if (!this.closedOnPurpose) {
                this.failures += 1;
                setTimeout(() => this.initialize(), Math.min(maxBackoffMs, 500 * 2 ** Math.min(this.failures, 5)));
            }
        };
    }

    private receive(raw: string): void {
        let parsed: WebSocketMessage | WebSocketReply;
        try {
            parsed = JSON.parse(raw) as WebSocketMessage | WebSocketReply;
        } catch {
            harnessLog.error('Unparseable WebSocket frame', raw);
            return;
        }
        if ('seq_reply' in parsed) {
            this.replyCallbacks.get(parsed.seq_reply)?.(parsed);
            this.replyCallbacks.delete(parsed.seq_reply);
            return;
        }
        if (parsed.seq !== this.expectedSeq) {
            harnessLog.error(`WebSocket sequence gap: expected ${this.expectedSeq}, got ${parsed.seq} (${parsed.event}); reconnecting as Mattermost does.`);
            this.socket?.close();
            return;
        }
        this.expectedSeq += 1;
        if (parsed.event === 'hello' && typeof parsed.data.connection_id === 'string') {
            this.connectionId = parsed.data.connection_id;
        }
        this.messageListeners.forEach((listener) => listener(parsed as WebSocketMessage));
    }

    close(): void {
        this.closedOnPurpose = true;
        this.socket?.close();
    }

    sendMessage(action: string, data: unknown, responseCallback?: (reply: WebSocketReply) => void): void {
        const seq = this.sendSeq++;
        if (responseCallback) {
            this.replyCallbacks.set(seq, responseCallback);
        }
        if (this.socket?.readyState === WebSocket.OPEN) {
            this.socket.send(JSON.stringify({action, seq, data}));
        } else {
            harnessLog.warn(`WebSocket not open; dropped "${action}"`);
        }
    }

    addMessageListener = (listener: MessageListener) => void this.messageListeners.add(listener);
    removeMessageListener = (listener: MessageListener) => void this.messageListeners.delete(listener);
    addFirstConnectListener = (listener: Listener) => void this.firstConnectListeners.add(listener);
    removeFirstConnectListener = (listener: Listener) => void this.firstConnectListeners.delete(listener);
    addReconnectListener = (listener: Listener) => void this.reconnectListeners.add(listener);
    removeReconnectListener = (listener: Listener) => void this.reconnectListeners.delete(listener);
    addCloseListener = (listener: Listener) => void this.closeListeners.add(listener);
    removeCloseListener = (listener: Listener) => void this.closeListeners.delete(listener);
}

/** ws(s)://<site>/api/v4/websocket */
export function webSocketUrl(siteUrl: string): string {
    return siteUrl.replace(/^http/, 'ws') + '/api/v4/websocket';
}
