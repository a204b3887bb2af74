// actions/websocket_actions: registerPluginWebSocketEvent keeps ONE handler
// per (plugin, event) — a second registration replaces the first — and every
// incoming message is offered to each plugin's handler for msg.event.
// Reconnect handlers run after the socket reconnects.
import {harnessLog} from '../log';

import type {WebSocketMessage} from './types';

export type PluginEventHandler = (msg: WebSocketMessage) => void;

export class PluginEventHandlers {
    private readonly handlers: Record<string, Record<string, PluginEventHandler>> = {};
    private readonly reconnectHandlers: Record<string, () => void> = {};

    register(pluginId: string, event: string, handler: PluginEventHandler): void {
        (this.handlers[pluginId] ??= {})[event] = handler;
    }

    unregister(pluginId: string, event: string): void {
        const events = this.handlers[pluginId];
        if (events) {
            delete events[event];
        }
    }

    unregisterAll(pluginId: string): void {
        delete this.handlers[pluginId];
    }

    registerReconnect(pluginId: string, handler: () => void): void {
        this.reconnectHandlers[pluginId] = handler;
    }

    unregisterReconnect(pluginId: string): void {
        delete this.reconnectHandlers[pluginId];
    }

    handle(msg: WebSocketMessage): void {
        for (const [pluginId, events] of Object.entries(this.handlers)) {
            const handler = events[msg.event];
            if (typeof handler === 'function') {
                try {
                    handler(msg);
                } catch (error) {
                    harnessLog.error(`WebSocket handler of plugin "${pluginId}" for "${msg.event}" threw`, error);
                }
            }
        }
    }

    reconnected(): void {
        for (const handler of Object.values(this.reconnectHandlers)) {
            if (typeof handler === 'function') {
                handler();
            }
        }
    }
}
