/** @jest-environment node */
import type {BridgeSession, SessionSource} from '../api/bridgeClient';
import type {FetchInit, FetchResponse} from '../api/fetchLike';
import {SessionError} from '../session/sessionError';

import {createLiveStream} from './liveStream';
import type {LiveStreamEvent} from './liveStream';

// The stream client against a scripted fetch whose bodies are real
// ReadableStreams the test writes into, with jest's fake timers driving the
// backoff and the dead-connection watch.

const bridge = 'https://bridge.example.com';
const sessionOf = (token: string): BridgeSession => ({url: bridge, token, expiresAt: new Date('2030-01-01T00:00:00Z')});

type OpenStream = {init: FetchInit; url: string; push(text: string): void; end(): void; cancelled: boolean};

function scriptedFetch() {
  const opened: OpenStream[] = [];
  const replies: Array<'stream' | number | Error> = [];
  const fetch = jest.fn(async (url: string, init: FetchInit): Promise<FetchResponse> => {
    const reply = replies.shift() ?? 'stream';
    if (reply instanceof Error) {
      throw reply;
    }
    const base = {statusText: '', headers: {get: () => null}, text: async () => ''};
    if (typeof reply === 'number') {
      return {...base, ok: false, status: reply, body: null};
    }
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const stream: OpenStream = {
      init,
      url,
      cancelled: false,
      push: (text) => controller.enqueue(new TextEncoder().encode(text)),
      end: () => controller.close(),
    };
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
      cancel: () => {
        stream.cancelled = true;
      },
    });
    init.signal?.addEventListener('abort', () => {
      try {
        controller.error(new Error('aborted'));
      } catch {
        // Already closed.
      }
    });
    opened.push(stream);
    return {...base, ok: true, status: 200, body};
  });
  return {fetch, opened, replies};
}

function fakeSession(): SessionSource & {current: jest.Mock; renew: jest.Mock; rejected: jest.Mock} {
  let token = 'token-1';
  return {
    current: jest.fn(async () => sessionOf(token)),
    renew: jest.fn(async () => {
      token = `${token}+`;
      return sessionOf(token);
    }),
    rejected: jest.fn(),
  };
}

function setup() {
  const scripted = scriptedFetch();
  const session = fakeSession();
  const events: LiveStreamEvent[] = [];
  const onReopened = jest.fn();
  const stream = createLiveStream({
    fetch: scripted.fetch,
    session,
    timers: {setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)},
    onEvent: (event) => events.push(event),
    onReopened,
    random: () => 0.5,
  });
  return {...scripted, session, events, onReopened, stream};
}

const opening = 'retry: 3000\n\n';
const changed = {id: 'task-1', key: 'PAT-1', channelId: null, version: 4, kinds: ['handed_off']};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('the live stream client', () => {
  it('opens GET /api/v1/stream with the bearer session in a header, never in the URL, and delivers checked events', async () => {
    const {stream, opened, events} = setup();
    stream.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(opened).toHaveLength(1);
    expect(opened[0]?.url).toBe(`${bridge}/api/v1/stream`);
    expect(opened[0]?.init).toMatchObject({method: 'GET', credentials: 'omit', headers: {Authorization: 'Bearer token-1', Accept: 'text/event-stream'}});
    opened[0]?.push(`${opening}: heartbeat\n\nevent: task.changed\ndata: ${JSON.stringify(changed)}\n\nevent: keys.changed\ndata: {"channelId":null}\n\n`);
    opened[0]?.push('event: something.new\ndata: {}\n\nevent: task.changed\ndata: {"id":""}\n\nevent: task.changed\ndata: not json\n\nevent: resync\ndata: {}\n\n');
    await jest.advanceTimersByTimeAsync(0);
    expect(events).toEqual([{name: 'task.changed', data: changed}, {name: 'keys.changed', data: {channelId: null}}, {name: 'resync'}]);
    stream.stop();
  });

  it('reconnects after failures with a growing, jittered delay, and says so when it reopens', async () => {
    const {stream, opened, replies, fetch, onReopened} = setup();
    replies.push(new TypeError('Failed to fetch'), 502, new TypeError('Failed to fetch'));
    stream.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    // 3 s base, doubled per failure; with random() = 0.5 the wait is 3/4 of it.
    await jest.advanceTimersByTimeAsync(2_249);
    expect(fetch).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(4_499);
    expect(fetch).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(3);
    await jest.advanceTimersByTimeAsync(9_000);
    expect(fetch).toHaveBeenCalledTimes(4);
    // The first successful open is not a reopening; there was nothing before it to miss.
    expect(opened).toHaveLength(1);
    expect(onReopened).not.toHaveBeenCalled();
    opened[0]?.push(opening);
    opened[0]?.end();
    await jest.advanceTimersByTimeAsync(0);
    // A clean end waits the stream's retry time only (failures were reset by the data).
    await jest.advanceTimersByTimeAsync(2_250);
    expect(opened).toHaveLength(2);
    expect(onReopened).toHaveBeenCalledTimes(1);
    stream.stop();
  });

  it('caps the delay and honours the retry time the stream asks for', async () => {
    const {stream, opened, replies, fetch} = setup();
    stream.start();
    await jest.advanceTimersByTimeAsync(0);
    opened[0]?.push('retry: 1000\n\n');
    opened[0]?.end();
    replies.push(...Array.from({length: 10}, () => 503));
    await jest.advanceTimersByTimeAsync(750);
    expect(fetch).toHaveBeenCalledTimes(2);
    // 1, 2, 4, … s, capped at 60 s: after many failures the wait stays at 45–60 s.
    await jest.advanceTimersByTimeAsync(1_000 * 0.75 * (1 + 2 + 4 + 8 + 16 + 32) + 45_000 * 2);
    const calls = fetch.mock.calls.length;
    await jest.advanceTimersByTimeAsync(44_999);
    expect(fetch).toHaveBeenCalledTimes(calls);
    await jest.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(calls + 1);
    stream.stop();
  });

  it('renews the session on 401 and opens again with the new token', async () => {
    const {stream, opened, replies, session} = setup();
    replies.push(401);
    stream.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(session.renew).toHaveBeenCalledWith(sessionOf('token-1'));
    expect(opened).toHaveLength(1);
    expect(opened[0]?.init.headers.Authorization).toBe('Bearer token-1+');
    stream.stop();
  });

  it('gives up when even a renewed session is refused, and when there is no session at all', async () => {
    const {stream, fetch, replies, session} = setup();
    replies.push(401, 401);
    stream.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(session.rejected).toHaveBeenCalledWith(sessionOf('token-1+'));
    expect(stream.isRunning()).toBe(false);
    await jest.advanceTimersByTimeAsync(600_000);
    expect(fetch).toHaveBeenCalledTimes(2);

    session.current.mockRejectedValueOnce(new SessionError('network'));
    stream.start();
    await jest.advanceTimersByTimeAsync(600_000);
    expect(stream.isRunning()).toBe(false);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('treats 60 s without a byte as a dead connection: aborts, reconnects, and reports the reopening', async () => {
    const {stream, opened, onReopened} = setup();
    stream.start();
    await jest.advanceTimersByTimeAsync(0);
    opened[0]?.push(opening);
    await jest.advanceTimersByTimeAsync(30_000);
    // A heartbeat keeps it alive.
    opened[0]?.push(': heartbeat\n\n');
    await jest.advanceTimersByTimeAsync(59_999);
    expect(opened).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(opened[0]?.init.signal?.aborted).toBe(true);
    await jest.advanceTimersByTimeAsync(2_250);
    expect(opened).toHaveLength(2);
    expect(onReopened).toHaveBeenCalledTimes(1);
    stream.stop();
  });

  it('stops for good: closes the open stream and cancels a pending reconnection', async () => {
    const {stream, opened, replies, fetch, events} = setup();
    stream.start();
    await jest.advanceTimersByTimeAsync(0);
    stream.stop();
    await jest.advanceTimersByTimeAsync(0);
    expect(opened[0]?.init.signal?.aborted).toBe(true);
    expect(stream.isRunning()).toBe(false);

    replies.push(503);
    stream.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(2);
    stream.stop();
    await jest.advanceTimersByTimeAsync(600_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(events).toEqual([]);
  });
});
