import {getUserProfiles} from '../mattermost/hostState';
import {createFakeFetch} from '../testing/fakeFetch';
import {createTestHostStore, testSiteUrl} from '../testing/hostStore';
import {createMattermostClient} from '../mattermost/client4';
import {taskFixture} from '../testing/fixtures';

import {createProfileLoader, peopleOfTask} from './profileLoader';

const idsUrl = `${testSiteUrl}/api/v4/users/ids`;
const alice = 'aaaaaaaaaaaaaaaaaaaaaaaaaa';
const bob = 'bbbbbbbbbbbbbbbbbbbbbbbbbb';
const carol = 'cccccccccccccccccccccccccc';
const known = 'kkkkkkkkkkkkkkkkkkkkkkkkkk';

function setup() {
  jest.useFakeTimers();
  const fake = createFakeFetch();
  const store = createTestHostStore({profiles: {[known]: {id: known, username: 'known'}}});
  const mattermost = createMattermostClient({fetch: fake.fetch, siteUrl: () => testSiteUrl, cookies: () => 'MMCSRF=csrf'});
  const timers = {setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms), clearTimeout: (handle: unknown) => clearTimeout(handle as number)};
  const loader = createProfileLoader({store, mattermost, timers});
  const flush = async () => {
    jest.advanceTimersByTime(50);
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
    }
  };
  return {fake, store, loader, flush};
}

afterEach(() => jest.useRealTimers());

describe('loading the profiles tasks name', () => {
  it('asks once, after a short pause, for every id the host has not loaded, and puts the answer into the host store', async () => {
    const {fake, store, loader, flush} = setup();
    fake.on('POST', idsUrl, {json: [{id: alice, username: 'alice', locale: 'ja'}, {id: bob, username: 'bob'}]});

    loader.ensure([alice, known, null, bob]);
    loader.ensure([bob, alice, undefined]);
    expect(fake.requests).toHaveLength(0);
    await flush();

    expect(fake.to('/users/ids').map((request) => request.body)).toEqual([[alice, bob]]);
    expect(getUserProfiles(store.getState())).toMatchObject({[alice]: {username: 'alice', locale: 'ja'}, [bob]: {username: 'bob'}, [known]: {username: 'known'}});
  });

  it('does not ask again for ids already asked for, answered or not (a hidden user costs one request)', async () => {
    const {fake, loader, flush} = setup();
    fake.on('POST', idsUrl, {json: [{id: alice, username: 'alice'}]}, {json: []});

    loader.ensure([alice, bob]);
    await flush();
    loader.ensure([alice, bob, carol]);
    await flush();
    loader.ensure([alice, bob, carol]);
    await flush();

    expect(fake.to('/users/ids').map((request) => request.body)).toEqual([[alice, bob], [carol]]);
  });

  it('gives up quietly when Mattermost refuses, and ignores what is not a user id', async () => {
    const {fake, store, loader, flush} = setup();
    fake.on('POST', idsUrl, {status: 500, json: {id: 'app_error', message: 'boom', status_code: 500}});

    loader.ensure([alice, 'not-an-id', '']);
    await flush();
    loader.ensure([alice]);
    await flush();

    expect(fake.to('/users/ids').map((request) => request.body)).toEqual([[alice]]);
    expect(Object.keys(getUserProfiles(store.getState()) ?? {})).toEqual([known]);
  });

  it('names everyone a task names: holder, who handed it, creator and watchers', () => {
    expect(peopleOfTask(taskFixture({holderId: alice, handedById: null, creatorId: bob, watcherIds: [carol]}))).toEqual([alice, bob, carol]);
  });
});
