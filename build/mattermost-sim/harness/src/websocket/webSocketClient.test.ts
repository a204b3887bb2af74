/** @jest-environment jsdom */
import type {WebSocketMessage} from './types';
import {HarnessWebSocketClient, webSocketUrl} from './webSocketClient';

/** Enough of a browser WebSocket for the client: the test plays the server. */
class FakeSocket {
    static readonly OPEN = 1;
    readyState = 1;
    sent: string[] = [];
    closed = false;
    onopen: (() => void) | null = null;
    onmessage: ((event: {data: string}) => void) | null = null;
    onclose: (() => void) | null = null;
    send(data: string) {
        this.sent.push(data);
    }
    close() {
        this.closed = true;
        this.onclose?.();
    }
    receive(frame: unknown) {
        this.onmessage?.({data: JSON.stringify(frame)});
    }
}

const event = (name: string, seq: number, data: Record<string, unknown> = {}) => ({event: name, data, broadcast: {omit_users: null, user_id: '', channel_id: '', team_id: ''}, seq});

function setup() {
    const sockets: FakeSocket[] = [];
    const client = new HarnessWebSocketClient('ws://localhost/api/v4/websocket', () => {
        const socket = new FakeSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
    });
    const received: WebSocketMessage[] = [];
    client.addMessageListener((msg) => received.push(msg));
    return {client, sockets, received};
}

let consoleError: jest.SpyInstance;
beforeEach(() => {
    jest.useFakeTimers();
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
    jest.useRealTimers();
    consoleError.mockRestore();
});

describe('the harness WebSocket client', () => {
    it('derives the endpoint from the site URL', () => {
        expect(webSocketUrl('https://chat.example.com/mm')).toBe('wss://chat.example.com/mm/api/v4/websocket');
    });

    it('delivers events in sequence and remembers the connection id from hello', () => {
        const {client, sockets, received} = setup();
        client.initialize();
        sockets[0]?.receive(event('hello', 0, {connection_id: 'conn1'}));
        sockets[0]?.receive(event('posted', 1, {post: '{}'}));
        expect(received.map((msg) => msg.event)).toEqual(['hello', 'posted']);
        expect(client.connectionId).toBe('conn1');
    });

    it('treats a sequence gap as missed events: reconnects and tells reconnect listeners', () => {
        const {client, sockets, received} = setup();
        const reconnected = jest.fn();
        client.addReconnectListener(reconnected);
        client.initialize();
        sockets[0]?.onopen?.();
        sockets[0]?.receive(event('hello', 0));
        sockets[0]?.receive(event('posted', 2));
        expect(received).toHaveLength(1);
        expect(sockets[0]?.closed).toBe(true);
        expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('sequence gap'));
        jest.runOnlyPendingTimers();
        sockets[1]?.onopen?.();
        expect(reconnected).toHaveBeenCalledTimes(1);
        sockets[1]?.receive(event('hello', 0));
        expect(received).toHaveLength(2);
    });

    it('numbers client actions and routes replies to their callbacks', () => {
        const {client, sockets} = setup();
        client.initialize();
        const reply = jest.fn();
        client.sendMessage('user_typing', {channel_id: 'c1'}, reply);
        expect(JSON.parse(sockets[0]?.sent[0] ?? '{}')).toEqual({action: 'user_typing', seq: 1, data: {channel_id: 'c1'}});
        sockets[0]?.receive({status: 'OK', seq_reply: 1});
        expect(reply).toHaveBeenCalledWith({status: 'OK', seq_reply: 1});
    });

    it('does not reconnect after close()', () => {
        const {client, sockets} = setup();
        client.initialize();
        client.close();
        jest.runOnlyPendingTimers();
        expect(sockets).toHaveLength(1);
    });
});
