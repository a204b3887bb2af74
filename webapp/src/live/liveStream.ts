// The bridge's live stream (GET /api/v1/stream, Server-Sent Events) read with
// fetch and the bearer session: EventSource cannot send an Authorization
// header, and a token never goes in a URL. Reconnects after errors and when
// nothing (not even a heartbeat, ~25 s) arrived for 60 s, waiting the
// stream's `retry` time doubled per failure with jitter; renews the session
// on 401; tells its owner each time it reopens, since what changed while it
// was away is lost (refetch). Events are checked against the shared contract.
import type {BridgeSession, SessionSource} from '../api/bridgeClient';
import {keysChangedEventSchema, taskChangedEventSchema} from '../api/contract';
import type {KeysChangedEvent, TaskChangedEvent} from '../api/contract';
import type {FetchLike, FetchResponse} from '../api/fetchLike';
import {SessionError} from '../session/sessionError';
import type {Timers} from '../session/sessionManager';

import {createSseParser} from './sseParser';
import type {SseEvent} from './sseParser';

export const STREAM_PATH = '/api/v1/stream';
/** server-bridge/src/http/presenters/streamPresenter.ts STREAM_RETRY_MS, until the stream says otherwise. */
export const DEFAULT_RETRY_MS = 3_000;
/** Heartbeats come every ~25 s: this long without a byte means the connection is dead. */
export const DEAD_AFTER_MS = 60_000;
export const MAX_RETRY_MS = 60_000;

export type LiveStreamEvent =
  | {name: 'task.changed'; data: TaskChangedEvent}
  | {name: 'keys.changed'; data: KeysChangedEvent}
  | {name: 'resync'};

export type LiveStreamDeps = {
  fetch: FetchLike;
  session: SessionSource;
  timers: Timers;
  onEvent(event: LiveStreamEvent): void;
  /** The stream opened again after a break: whatever changed meanwhile must be refetched. */
  onReopened(): void;
  /** 0 ≤ x < 1, for the jitter; Math.random by default. */
  random?: () => number;
  deadAfterMs?: number;
  maxRetryMs?: number;
};

export type LiveStream = {
  /** Opens the stream unless it is open or opening. */
  start(): void;
  /** Closes it and cancels any reconnection. */
  stop(): void;
  isRunning(): boolean;
};

export function createLiveStream(deps: LiveStreamDeps): LiveStream {
  const {fetch, session, timers, onEvent, onReopened, random = Math.random, deadAfterMs = DEAD_AFTER_MS, maxRetryMs = MAX_RETRY_MS} = deps;
  /** Each start gets its own run; a stopped run's late answers are ignored. */
  let run: {controller: AbortController} | null = null;
  let retryMs = DEFAULT_RETRY_MS;
  let failures = 0;
  let opened = 0;
  let reconnectTimer: unknown = null;
  let deadTimer: unknown = null;

  const clear = (handle: unknown) => {
    if (handle !== null) {
      timers.clearTimeout(handle);
    }
  };

  const stopTimers = () => {
    clear(reconnectTimer);
    clear(deadTimer);
    reconnectTimer = null;
    deadTimer = null;
  };

  const open = (bridge: BridgeSession, signal: AbortSignal): Promise<FetchResponse> =>
    fetch(`${bridge.url}${STREAM_PATH}`, {
      method: 'GET',
      headers: {'Accept': 'text/event-stream', 'Authorization': `Bearer ${bridge.token}`},
      credentials: 'omit',
      signal,
    });

  const deliver = ({event, data}: SseEvent) => {
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      return;
    }
    if (event === 'task.changed') {
      const parsed = taskChangedEventSchema.safeParse(value);
      if (parsed.success) {
        onEvent({name: 'task.changed', data: parsed.data});
      }
    } else if (event === 'keys.changed') {
      const parsed = keysChangedEventSchema.safeParse(value);
      if (parsed.success) {
        onEvent({name: 'keys.changed', data: parsed.data});
      }
    } else if (event === 'resync') {
      onEvent({name: 'resync'});
    }
    // Other names: added by a newer bridge; ignored, as the contract says.
  };

  const scheduleReconnect = (current: NonNullable<typeof run>, afterFailure: boolean) => {
    if (run !== current) {
      return;
    }
    if (afterFailure) {
      failures++;
    }
    const base = Math.min(maxRetryMs, retryMs * 2 ** Math.min(Math.max(failures - 1, 0), 16));
    // Half fixed, half random: browsers that lost the bridge together do not come back together.
    const delay = Math.round(base / 2 + (random() * base) / 2);
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = null;
      if (run === current) {
        connect(current).catch(() => undefined);
      }
    }, delay);
  };

  const watchDead = (current: NonNullable<typeof run>, controller: AbortController) => {
    clear(deadTimer);
    deadTimer = timers.setTimeout(() => {
      deadTimer = null;
      if (run === current) {
        controller.abort();
      }
    }, deadAfterMs);
  };

  const read = async (current: NonNullable<typeof run>, body: ReadableStream<Uint8Array>, controller: AbortController) => {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser({
      onEvent: (event) => {
        if (run === current) {
          deliver(event);
        }
      },
      onRetry: (ms) => {
        retryMs = ms;
      },
    });
    const cancel = () => {
      reader.cancel().catch(() => undefined);
    };
    controller.signal.addEventListener('abort', cancel);
    try {
      watchDead(current, controller);
      for (;;) {
        const {done, value} = await reader.read();
        if (run !== current || controller.signal.aborted) {
          throw new Error('stream closed');
        }
        if (done) {
          return;
        }
        watchDead(current, controller);
        // Data arrived: the connection works, so the next break starts the backoff afresh.
        failures = 0;
        parser.feed(decoder.decode(value, {stream: true}));
      }
    } finally {
      controller.signal.removeEventListener('abort', cancel);
      clear(deadTimer);
      deadTimer = null;
    }
  };

  const connect = async (current: NonNullable<typeof run>): Promise<void> => {
    // A fresh controller per attempt: the previous one may have been aborted as dead.
    const controller = new AbortController();
    current.controller = controller;
    try {
      let bridge = await session.current();
      let response = await open(bridge, controller.signal);
      if (response.status === 401) {
        bridge = await session.renew(bridge);
        response = await open(bridge, controller.signal);
        if (response.status === 401) {
          // The session manager shows the failure; the stream starts again once a session is back.
          session.rejected(bridge);
          stopRun(current);
          return;
        }
      }
      if (!response.ok || !response.body) {
        throw new Error(`the live stream answered ${response.status}`);
      }
      if (run !== current) {
        response.body.cancel().catch(() => undefined);
        return;
      }
      opened++;
      if (opened > 1) {
        onReopened();
      }
      await read(current, response.body, controller);
      // The bridge ended the stream (a restart, a slow reader cut off): come back after `retry`.
      scheduleReconnect(current, false);
    } catch (error) {
      if (run !== current) {
        return;
      }
      if (error instanceof SessionError) {
        // No session: nothing to retry with until the user or the session manager gets one.
        stopRun(current);
        return;
      }
      scheduleReconnect(current, true);
    }
  };

  const stopRun = (current: NonNullable<typeof run>) => {
    if (run !== current) {
      return;
    }
    run = null;
    stopTimers();
    current.controller.abort();
  };

  return {
    start() {
      if (run) {
        return;
      }
      const current = {controller: new AbortController()};
      run = current;
      failures = 0;
      connect(current).catch(() => undefined);
    },
    stop() {
      if (run) {
        stopRun(run);
      }
    },
    isRunning: () => run !== null,
  };
}
