import {fakeChannelAccess} from '../../testing/fakeChannelAccess';
import type {ChannelAccess} from '../tasks/ports';
import {createInProcessFeed} from './inProcessFeed';
import {type LiveEvent, createLiveUpdates} from './liveUpdates';
import type {ChangeMessage, LiveTask} from './ports';

// Who hears which change, in what order, and what happens when membership
// cannot be checked. (The stream over HTTP: http/routes/stream.test.ts.)

const task = (overrides: Partial<LiveTask>): LiveTask => ({id: 't1', key: 'PAT-1', channelId: 'patents', version: 1, creatorId: 'sato', holderId: null, watcherIds: [], ...overrides});
const changed = (overrides: Partial<LiveTask>): ChangeMessage => ({type: 'task.changed', task: task(overrides), kinds: ['created']});
const access = fakeChannelAccess({channels: {patents: {name: 'patents', members: ['sato', 'tanaka']}}});

function subscriber(live: ReturnType<typeof createLiveUpdates>, userId: string, guest = false) {
  const events: LiveEvent[] = [];
  const stop = live.subscribe({userId, guest}, (event) => events.push(event));
  return {events, stop};
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('live updates', () => {
  it('delivers in the order published even when an earlier check is slower', async () => {
    const feed = createInProcessFeed();
    let slowFirst = true;
    const slow: ChannelAccess = {
      ...access,
      async isMember(userId, channelId) {
        if (slowFirst) {
          slowFirst = false;
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        return access.isMember(userId, channelId);
      },
    };
    const tanaka = subscriber(createLiveUpdates({feed, access: slow}), 'tanaka');
    await feed.publish([changed({id: 'a', key: 'PAT-1'}), changed({id: 'b', key: 'PAT-2'})]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(tanaka.events.map((event) => event.name === 'task.changed' && event.data.id)).toEqual(['a', 'b']);
  });

  it('tells keys of a channel to its members, and personal keys to their owner only', async () => {
    const feed = createInProcessFeed();
    const live = createLiveUpdates({feed, access});
    const [sato, tanaka, outsider] = [subscriber(live, 'sato'), subscriber(live, 'tanaka'), subscriber(live, 'outsider')];
    await feed.publish([
      {type: 'keys.changed', channelId: 'patents', ownerId: null},
      {type: 'keys.changed', channelId: null, ownerId: 'sato'},
    ]);
    await flush();
    expect(sato.events).toEqual([
      {name: 'keys.changed', data: {channelId: 'patents'}},
      {name: 'keys.changed', data: {channelId: null}},
    ]);
    expect(tanaka.events).toEqual([{name: 'keys.changed', data: {channelId: 'patents'}}]);
    expect(outsider.events).toEqual([]);
  });

  it('says only "resync" when membership cannot be checked, and nothing after unsubscribing', async () => {
    const feed = createInProcessFeed();
    let failing = true;
    const flaky: ChannelAccess = {...access, isMember: async (userId, channelId) => (failing ? Promise.reject(new Error('Mattermost is down')) : access.isMember(userId, channelId))};
    const tanaka = subscriber(createLiveUpdates({feed, access: flaky}), 'tanaka');
    await feed.publish([changed({})]);
    await flush();
    expect(tanaka.events).toEqual([{name: 'resync', data: {}}]);
    failing = false;
    tanaka.stop();
    await feed.publish([changed({version: 2})]);
    await flush();
    expect(tanaka.events).toHaveLength(1);
  });

  it('ends every subscription of a deactivated person, and only theirs', async () => {
    const feed = createInProcessFeed();
    const live = createLiveUpdates({feed, access});
    const ended: string[] = [];
    const tanaka = {events: [] as LiveEvent[]};
    live.subscribe({userId: 'tanaka', guest: false}, (event) => tanaka.events.push(event), () => ended.push('tanaka 1'));
    live.subscribe({userId: 'tanaka', guest: false}, () => undefined, () => ended.push('tanaka 2'));
    const sato = subscriber(live, 'sato');
    live.endAll('tanaka');
    expect(ended).toEqual(['tanaka 1', 'tanaka 2']);
    await feed.publish([changed({})]);
    await flush();
    expect(tanaka.events).toEqual([]);
    expect(sato.events).toHaveLength(1);
  });

  it('keeps delivering to others when one subscriber throws', async () => {
    const feed = createInProcessFeed();
    const live = createLiveUpdates({feed, access});
    live.subscribe({userId: 'sato', guest: false}, () => {
      throw new Error('a broken stream');
    });
    const tanaka = subscriber(live, 'tanaka');
    feed.subscribe(() => {
      throw new Error('a broken listener');
    });
    await feed.publish([changed({id: 'a'}), changed({id: 'b'})]);
    await flush();
    expect(tanaka.events).toHaveLength(2);
  });

  it('tells every subscriber to refetch when the feed says changes may have been missed', async () => {
    const feed = createInProcessFeed();
    const live = createLiveUpdates({feed, access});
    const tanaka = subscriber(live, 'tanaka');
    const outsider = subscriber(live, 'ivanova', true);
    await feed.publish([{type: 'resync'}]);
    await flush();
    expect(tanaka.events).toEqual([{name: 'resync', data: {}}]);
    expect(outsider.events).toEqual([{name: 'resync', data: {}}]);
  });
});
