import {BridgeError} from '../api/bridgeErrors';
import type {Task} from '../api/contract';
import {sessionClosed, sessionConnected, sessionConnecting, sessionFailed} from '../session/sessionSlice';
import {taskFixture} from '../testing/fixtures';
import {createTestHostStore, testIds} from '../testing/hostStore';

import type {LiveStream, LiveStreamEvent} from './liveStream';
import {createLiveUpdates} from './liveUpdates';

// The glue between the stream and the features: follows the session, fetches
// changed tasks, and turns gone tasks, key renames, resyncs and reopenings
// into the listener calls.

function setup(getTask: (id: string) => Promise<Task>) {
  const store = createTestHostStore();
  const running = {value: false};
  let handlers!: {onEvent(event: LiveStreamEvent): void; onReopened(): void};
  const stream: LiveStream = {
    start: () => {
      running.value = true;
    },
    stop: () => {
      running.value = false;
    },
    isRunning: () => running.value,
  };
  const live = createLiveUpdates({store, api: {getTask}, createStream: (given) => {
    handlers = given;
    return stream;
  }});
  const heard: string[] = [];
  live.subscribe({
    onTaskChanged: (task, event) => heard.push(`changed:${task.key}:v${event.version}`),
    onTaskRemoved: (id) => heard.push(`removed:${id}`),
    onResync: () => heard.push('resync'),
  });
  return {store, live, running, heard, emit: (event: LiveStreamEvent) => handlers.onEvent(event), reopened: () => handlers.onReopened()};
}

const changedEvent = (id: string) => ({name: 'task.changed' as const, data: {id, key: 'PAT-12', channelId: null, version: 4, kinds: ['handed_off']}});
const bridgeError = (status: number) => new BridgeError({status, id: 'baton.not_found.task', message: 'gone', field: null, details: {}, requestId: null});

describe('live updates', () => {
  it('runs the stream while the session is connected, through renewals, and stops it otherwise', () => {
    const {store, live, running} = setup(async () => taskFixture());
    live.start();
    expect(running.value).toBe(false);
    store.dispatch(sessionConnecting());
    expect(running.value).toBe(false);
    store.dispatch(sessionConnected(new Date(Date.now() + 3_600_000)));
    expect(running.value).toBe(true);
    store.dispatch(sessionConnecting());
    expect(running.value).toBe(true);
    store.dispatch(sessionFailed('network', null));
    expect(running.value).toBe(false);
    store.dispatch(sessionConnected(new Date(Date.now() + 3_600_000)));
    expect(running.value).toBe(true);
    store.dispatch(sessionClosed());
    expect(running.value).toBe(false);
    store.dispatch(sessionConnected(new Date(Date.now() + 3_600_000)));
    live.stop();
    expect(running.value).toBe(false);
    store.dispatch(sessionConnected(new Date(Date.now() + 3_600_000)));
    expect(running.value).toBe(false);
  });

  it('fetches a changed task and hands it over; a task gone or hidden (404, 403) is removed; other failures say nothing', async () => {
    const answers: Record<string, () => Promise<Task>> = {
      'task-1': async () => taskFixture(),
      'task-2': async () => Promise.reject(bridgeError(404)),
      'task-3': async () => Promise.reject(bridgeError(403)),
      'task-4': async () => Promise.reject(bridgeError(502)),
    };
    const {emit, heard} = setup((id) => answers[id]?.() ?? Promise.reject(new Error(id)));
    for (const id of Object.keys(answers)) {
      emit(changedEvent(id));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(heard).toEqual(['changed:PAT-12:v4', 'removed:task-2', 'removed:task-3']);
  });

  it('tells the profile loader who a changed task names before handing it over', async () => {
    const profiles = {ensure: jest.fn()};
    let handlers!: {onEvent(event: LiveStreamEvent): void};
    const live = createLiveUpdates({store: createTestHostStore(), api: {getTask: async () => taskFixture({holderId: 'h'.repeat(26), watcherIds: ['w'.repeat(26)]})}, profiles, createStream: (given) => {
      handlers = given;
      return {start: () => undefined, stop: () => undefined, isRunning: () => false};
    }});
    const heard: string[] = [];
    live.subscribe({onTaskChanged: (task) => heard.push(task.key)});
    handlers.onEvent(changedEvent('task-1'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(profiles.ensure).toHaveBeenCalledWith(['h'.repeat(26), testIds.user, 'w'.repeat(26)]);
    expect(heard).toEqual(['PAT-12']);
  });

  it('asks for a resync on `resync`, on `keys.changed` and whenever the stream reopens', () => {
    const {emit, reopened, heard, live} = setup(async () => taskFixture());
    emit({name: 'resync'});
    emit({name: 'keys.changed', data: {channelId: null}});
    reopened();
    expect(heard).toEqual(['resync', 'resync', 'resync']);
    // A listener that throws does not keep the others from hearing.
    live.subscribe({onResync: () => {
      throw new Error('broken feature');
    }});
    const unsubscribe = live.subscribe({onResync: () => heard.push('second')});
    emit({name: 'resync'});
    unsubscribe();
    emit({name: 'resync'});
    expect(heard).toEqual(['resync', 'resync', 'resync', 'resync', 'second', 'resync']);
  });
});
