import {Client4 as HarnessClient4} from '../../../build/mattermost-sim/harness/src/client/client4';
import {adaptToWindowFetch, createFakeFetch, wireShape} from '../testing/fakeFetch';
import {testIds} from '../testing/hostStore';

import {createMattermostClient, MattermostError, MattermostNetworkError} from './client4';
import {readCookie} from './cookies';

const siteUrl = 'https://chat.example.com/mm';
const cookies = 'MMUSERID=uuuu; MMCSRF=csrf%3Dtoken; other=x';

function setup() {
  const fake = createFakeFetch();
  return {fake, client: createMattermostClient({fetch: fake.fetch, siteUrl: () => `${siteUrl}/`, cookies: () => cookies})};
}

describe('Mattermost client', () => {
  it('executes a command as Client4 does: cookie session, X-Requested-With, CSRF from MMCSRF', async () => {
    const {fake, client} = setup();
    fake.on('POST', `${siteUrl}/api/v4/commands/execute`, {json: {response_type: 'ephemeral', text: '', props: {a: 1}}});

    await expect(client.executeCommand('/task connect', {channel_id: testIds.channel, team_id: testIds.team})).resolves.toEqual({a: 1});

    expect(fake.requests.map(wireShape)).toEqual([{
      url: `${siteUrl}/api/v4/commands/execute`,
      method: 'POST',
      headers: {'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': 'csrf=token', 'Content-Type': 'application/json'},
      body: {command: '/task connect', channel_id: testIds.channel, team_id: testIds.team, root_id: ''},
      credentials: 'include',
    }]);
  });

  it('sends the same request as the harness’s Client4 (build/mattermost-sim/harness)', async () => {
    const fake = createFakeFetch();
    fake.on('POST', `${siteUrl}/api/v4/commands/execute`, {json: {props: {}}});
    const ours = createMattermostClient({fetch: fake.fetch, siteUrl: () => siteUrl, cookies: () => cookies});
    await ours.executeCommand('/task connect', {channel_id: testIds.channel, team_id: testIds.team});

    document.cookie = 'MMCSRF=csrf%3Dtoken';
    try {
      const harness = new HarnessClient4(siteUrl, adaptToWindowFetch(fake.fetch));
      await harness.executeCommand('/task connect', {channel_id: testIds.channel, team_id: testIds.team, root_id: ''});
    } finally {
      document.cookie = 'MMCSRF=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    }

    const [mine, theirs] = fake.requests.map(wireShape);
    expect(mine).toEqual(theirs);
  });

  it('sends no CSRF header on a GET', async () => {
    const {fake, client} = setup();
    fake.on('GET', `${siteUrl}/api/v4/users/username/baton`, {json: {id: testIds.bot, username: 'baton'}});
    await expect(client.getUserIdByUsername('baton')).resolves.toBe(testIds.bot);
    expect(fake.requests[0]?.headers).toEqual({'X-Requested-With': 'XMLHttpRequest'});
  });

  it('opens the direct channel of two users', async () => {
    const {fake, client} = setup();
    fake.on('POST', `${siteUrl}/api/v4/channels/direct`, {status: 201, json: {id: testIds.dm, type: 'D'}});
    await expect(client.getDirectChannelId(testIds.user, testIds.bot)).resolves.toBe(testIds.dm);
    expect(fake.requests[0]?.body).toEqual([testIds.user, testIds.bot]);
  });

  it('autocompletes users in a team and channel: channel members first, then the rest of the team, as plain profiles', async () => {
    const {fake, client} = setup();
    const url = `${siteUrl}/api/v4/users/autocomplete?in_team=${testIds.team}&in_channel=${testIds.channel}&name=%40al&limit=20`;
    fake.on('GET', url, {json: {
      users: [{id: testIds.user, username: 'alice', first_name: 'Alice', last_name: 'Abe', nickname: '', email: ''}],
      out_of_channel: [{id: testIds.bot, username: 'albert'}],
    }});
    await expect(client.autocompleteUsers({teamId: testIds.team, channelId: testIds.channel, name: '@al', limit: 20})).resolves.toEqual([
      {id: testIds.user, username: 'alice', firstName: 'Alice', lastName: 'Abe', nickname: ''},
      {id: testIds.bot, username: 'albert', firstName: '', lastName: '', nickname: ''},
    ]);
    expect(fake.requests.map(wireShape)).toEqual([{url, method: 'GET', headers: {'X-Requested-With': 'XMLHttpRequest'}, body: undefined, credentials: 'include'}]);
  });

  it('autocompletes in a team alone (no in_channel, out_of_channel absent) and refuses a wrong shape', async () => {
    const {fake, client} = setup();
    fake.on('GET', `${siteUrl}/api/v4/users/autocomplete?in_team=${testIds.team}&name=b`, {json: {users: [{id: testIds.bot, username: 'baton'}]}});
    await expect(client.autocompleteUsers({teamId: testIds.team, name: 'b'})).resolves.toEqual([{id: testIds.bot, username: 'baton', firstName: '', lastName: '', nickname: ''}]);
    fake.on('GET', `${siteUrl}/api/v4/users/autocomplete?in_team=${testIds.team}&name=c`, {json: [{id: testIds.bot}]});
    await expect(client.autocompleteUsers({teamId: testIds.team, name: 'c'})).rejects.toBeInstanceOf(MattermostError);
  });

  it('reads profiles by ids as the harness’s Client4.getProfilesByIds does, keeping every field for the host store', async () => {
    const fake = createFakeFetch();
    const profiles = [{id: testIds.user, username: 'alice', first_name: 'Alice', timezone: {useAutomaticTimezone: 'true', automaticTimezone: 'Asia/Tokyo'}}];
    fake.on('POST', `${siteUrl}/api/v4/users/ids`, {json: profiles});
    const ours = createMattermostClient({fetch: fake.fetch, siteUrl: () => siteUrl, cookies: () => cookies});
    await expect(ours.getProfilesByIds([testIds.user, testIds.bot])).resolves.toEqual(profiles);

    document.cookie = 'MMCSRF=csrf%3Dtoken';
    try {
      await new HarnessClient4(siteUrl, adaptToWindowFetch(fake.fetch)).getProfilesByIds([testIds.user, testIds.bot]);
    } finally {
      document.cookie = 'MMCSRF=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    }
    const [mine, theirs] = fake.requests.map(wireShape);
    expect(mine).toEqual(theirs);
    expect(mine).toMatchObject({method: 'POST', body: [testIds.user, testIds.bot], headers: {'X-CSRF-Token': 'csrf=token'}});

    fake.on('POST', `${siteUrl}/api/v4/users/ids`, {json: [{id: testIds.user}]});
    await expect(ours.getProfilesByIds([testIds.user])).rejects.toBeInstanceOf(MattermostError);
  });

  it('turns Mattermost’s error body into a MattermostError', async () => {
    const {fake, client} = setup();
    fake.on('POST', `${siteUrl}/api/v4/commands/execute`, {status: 403, json: {id: 'api.context.permissions.app_error', message: 'You do not have the appropriate permissions.', status_code: 403}});
    const error = await client.executeCommand('/task connect', {channel_id: testIds.channel, team_id: testIds.team}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MattermostError);
    expect(error).toMatchObject({status: 403, id: 'api.context.permissions.app_error', message: 'You do not have the appropriate permissions.'});
  });

  it('refuses an answer of the wrong shape and reports an unreachable server distinctly', async () => {
    const {fake, client} = setup();
    fake.on('GET', `${siteUrl}/api/v4/users/username/baton`, {json: {username: 'baton'}});
    fake.on('POST', `${siteUrl}/api/v4/channels/direct`, {networkError: new TypeError('Failed to fetch')});
    await expect(client.getUserIdByUsername('baton')).rejects.toBeInstanceOf(MattermostError);
    await expect(client.getDirectChannelId(testIds.user, testIds.bot)).rejects.toBeInstanceOf(MattermostNetworkError);
  });
});

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie(cookies, 'MMCSRF')).toBe('csrf=token');
    expect(readCookie(cookies, 'MMAUTHTOKEN')).toBeUndefined();
    expect(readCookie('', 'MMCSRF')).toBeUndefined();
  });
});
