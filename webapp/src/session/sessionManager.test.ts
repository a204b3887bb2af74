import {createMattermostClient} from '../mattermost/client4';
import {getSessionState} from '../state/selectors';
import type {GlobalStateWithBaton} from '../state/selectors';
import {testEnvironment} from '../testing/environment';
import {createFakeFetch} from '../testing/fakeFetch';
import type {FakeFetch} from '../testing/fakeFetch';
import {bridgeUrl, connectResponse} from '../testing/fixtures';
import {createTestHostStore, testIds, testSiteUrl} from '../testing/hostStore';
import type {HostEntities} from '../testing/hostStore';

import {createSessionManager} from './sessionManager';
import type {SessionManager} from './sessionManager';

const executeUrl = `${testSiteUrl}/api/v4/commands/execute`;
const botUrl = `${testSiteUrl}/api/v4/users/username/baton`;
const directUrl = `${testSiteUrl}/api/v4/channels/direct`;
const minutes = (n: number) => n * 60 * 1000;

const forbidden = {status: 403, json: {id: 'api.context.permissions.app_error', message: 'You do not have the appropriate permissions.', status_code: 403}};

function setup(entities: HostEntities = {}) {
  const fake = createFakeFetch();
  const store = createTestHostStore(entities);
  const environment = testEnvironment(fake);
  const mattermost = createMattermostClient({fetch: fake.fetch, siteUrl: () => testSiteUrl, cookies: environment.cookies});
  const session = createSessionManager({mattermost, store, now: environment.now, timers: environment.timers});
  const state = () => getSessionState(store.getState() as GlobalStateWithBaton);
  return {fake, store, session, state};
}

function commandChannels(fake: FakeFetch): unknown[] {
  return fake.to('/commands/execute').map((request) => (request.body as {channel_id: unknown}).channel_id);
}

/** The DM fallback's two lookups, answered. */
function scriptBotDirectChannel(fake: FakeFetch) {
  fake.on('GET', botUrl, {json: {id: testIds.bot, username: 'baton', is_bot: true}});
  fake.on('POST', directUrl, {status: 201, json: {id: testIds.dm, type: 'D', team_id: ''}});
}

describe('session: connecting', () => {
  let manager: SessionManager | undefined;
  afterEach(() => manager?.dispose());

  it('runs /task connect in the current channel the way Client4 does and keeps what the props say', async () => {
    const {fake, session, state} = setup();
    manager = session;
    const expiresAt = new Date(Date.now() + minutes(720));
    fake.on('POST', executeUrl, {json: connectResponse('token-1', expiresAt)});

    const connected = await session.current();

    expect(connected).toEqual({url: bridgeUrl, token: 'token-1', expiresAt});
    expect(fake.requests).toEqual([{
      url: executeUrl,
      method: 'POST',
      headers: {'X-Requested-With': 'XMLHttpRequest', 'X-CSRF-Token': 'csrf-from-cookie', 'Content-Type': 'application/json'},
      body: {command: '/task connect', channel_id: testIds.channel, team_id: testIds.team, root_id: ''},
      credentials: 'include',
    }]);
    expect(state()).toEqual({status: 'connected', reason: null, detail: null, expiresAt: expiresAt.toISOString()});
  });

  it('says it is connecting while the command runs', async () => {
    const {fake, session, state} = setup();
    manager = session;
    fake.on('POST', executeUrl, {json: connectResponse('token-1', new Date(Date.now() + minutes(60)))});
    const connecting = session.current();
    expect(state().status).toBe('connecting');
    await connecting;
    expect(state().status).toBe('connected');
  });

  it('falls back to the DM with @baton when the current channel refuses the command (403)', async () => {
    const {fake, session, state} = setup();
    manager = session;
    fake.on('POST', executeUrl, (request) => ((request.body as {channel_id: string}).channel_id === testIds.dm
      ? {json: connectResponse('token-dm', new Date(Date.now() + minutes(60)))}
      : forbidden));
    scriptBotDirectChannel(fake);

    const connected = await session.current();

    expect(connected.token).toBe('token-dm');
    expect(commandChannels(fake)).toEqual([testIds.channel, testIds.dm]);
    expect(fake.to('/channels/direct')[0]?.body).toEqual([testIds.user, testIds.bot]);
    expect(fake.to('/channels/direct')[0]?.headers['X-CSRF-Token']).toBe('csrf-from-cookie');
    expect((fake.to('/commands/execute')[1]?.body as {team_id: string}).team_id).toBe(testIds.team);
    expect(state().status).toBe('connected');
  });

  it('goes straight to the DM when no channel is open', async () => {
    const {fake, session} = setup({currentChannelId: ''});
    manager = session;
    fake.on('POST', executeUrl, {json: connectResponse('token-dm', new Date(Date.now() + minutes(60)))});
    scriptBotDirectChannel(fake);
    await session.current();
    expect(commandChannels(fake)).toEqual([testIds.dm]);
  });

  it('does not fall back for refusals other than 403', async () => {
    const {fake, session, state} = setup();
    manager = session;
    fake.on('POST', executeUrl, {status: 500, json: {id: 'api.command.execute_command.failed.app_error', message: 'Command with a trigger of \'task\' failed.', status_code: 500}});
    await expect(session.current()).rejects.toMatchObject({name: 'SessionError', reason: 'mattermost_error'});
    expect(commandChannels(fake)).toEqual([testIds.channel]);
    expect(state()).toMatchObject({status: 'error', reason: 'mattermost_error', detail: 'Command with a trigger of \'task\' failed.'});
  });

  it('is not permitted when the DM refuses too', async () => {
    const {fake, session, state} = setup();
    manager = session;
    fake.on('POST', executeUrl, forbidden);
    scriptBotDirectChannel(fake);
    await expect(session.current()).rejects.toMatchObject({reason: 'not_permitted'});
    expect(state()).toMatchObject({status: 'error', reason: 'not_permitted'});
  });

  it('says so when there is no @baton bot to write to', async () => {
    const {fake, session, state} = setup();
    manager = session;
    fake.on('POST', executeUrl, forbidden);
    fake.on('GET', botUrl, {status: 404, json: {id: 'app.user.missing_account.const', message: 'Unable to find the user.', status_code: 404}});
    await expect(session.current()).rejects.toMatchObject({reason: 'bot_not_found'});
    expect(state()).toMatchObject({status: 'error', reason: 'bot_not_found'});
    expect(fake.to('/channels/direct')).toEqual([]);
  });

  it('reports a network failure as such', async () => {
    const {fake, session, state} = setup();
    manager = session;
    fake.on('POST', executeUrl, {networkError: new TypeError('Failed to fetch')});
    await expect(session.current()).rejects.toMatchObject({reason: 'network'});
    expect(state()).toMatchObject({status: 'error', reason: 'network'});
  });

  it('shares one /task connect between callers that arrive together', async () => {
    const {fake, session} = setup();
    manager = session;
    fake.on('POST', executeUrl, {json: connectResponse('token-1', new Date(Date.now() + minutes(60)))});
    const [first, second] = await Promise.all([session.current(), session.current()]);
    expect(first).toBe(second);
    expect(fake.to('/commands/execute')).toHaveLength(1);
  });
});

describe('session: props of the answer', () => {
  const later = () => new Date(Date.now() + minutes(60)).toISOString();
  const cases: [string, () => unknown, string][] = [
    ['a baton_url that is not http(s)', () => ({baton_url: 'javascript:alert(1)', baton_token: 't', baton_expires_at: later()}), 'baton_url'],
    ['an ftp baton_url', () => ({baton_url: 'ftp://bridge.example.com', baton_token: 't', baton_expires_at: later()}), 'baton_url'],
    ['an empty token', () => ({baton_url: bridgeUrl, baton_token: '', baton_expires_at: later()}), 'baton_token'],
    ['an expiry that is not a date', () => ({baton_url: bridgeUrl, baton_token: 't', baton_expires_at: 'tomorrow'}), 'baton_expires_at'],
    ['an expiry in the past', () => ({baton_url: bridgeUrl, baton_token: 't', baton_expires_at: new Date(Date.now() - 1000).toISOString()}), 'baton_expires_at'],
    ['no props at all (an older bridge)', () => undefined, 'baton_url, baton_token, baton_expires_at'],
  ];

  it.each(cases)('refuses %s, naming the prop', async (_label, props, detail) => {
    const {fake, session, state} = setup();
    fake.on('POST', executeUrl, {json: {response_type: 'ephemeral', text: '', props: props()}});
    await expect(session.current()).rejects.toMatchObject({reason: 'malformed_response', detail});
    expect(state()).toEqual({status: 'error', reason: 'malformed_response', detail, expiresAt: null});
    session.dispose();
  });

  it('keeps the bridge URL without a trailing slash', async () => {
    const {fake, session} = setup();
    fake.on('POST', executeUrl, {json: connectResponse('t', new Date(Date.now() + minutes(60)), 'https://mm.example.com/baton/')});
    expect((await session.current()).url).toBe('https://mm.example.com/baton');
    session.dispose();
  });
});

describe('session: renewal and failure', () => {
  beforeEach(() => jest.useFakeTimers({now: new Date('2025-03-31T08:00:00Z')}));
  afterEach(() => jest.useRealTimers());

  it('renews five minutes before the session expires, without going through "connecting"', async () => {
    const {fake, store, session, state} = setup();
    const firstExpiry = new Date(Date.now() + minutes(60));
    const secondExpiry = new Date(Date.now() + minutes(120));
    fake.on('POST', executeUrl, {json: connectResponse('token-1', firstExpiry)}, {json: connectResponse('token-2', secondExpiry)});
    await session.current();

    const statuses: string[] = [];
    const unsubscribe = store.subscribe(() => statuses.push(state().status));
    await jest.advanceTimersByTimeAsync(minutes(54));
    expect(fake.to('/commands/execute')).toHaveLength(1);
    expect((await session.current()).token).toBe('token-1');

    await jest.advanceTimersByTimeAsync(minutes(1));
    expect(fake.to('/commands/execute')).toHaveLength(2);
    expect((await session.current()).token).toBe('token-2');
    expect(state()).toMatchObject({status: 'connected', expiresAt: secondExpiry.toISOString()});
    expect(statuses).not.toContain('connecting');
    unsubscribe();
    session.dispose();
  });

  it('renews on first use when the timer was held back (a sleeping laptop)', async () => {
    const {fake, session} = setup();
    fake.on('POST', executeUrl, {json: connectResponse('token-1', new Date(Date.now() + minutes(60)))}, {json: connectResponse('token-2', new Date(Date.now() + minutes(180)))});
    await session.current();
    // The clock moves on but the timer has not fired yet.
    jest.setSystemTime(Date.now() + minutes(58));
    expect((await session.current()).token).toBe('token-2');
    session.dispose();
  });

  it('renews when the bridge refuses the token, once for callers that arrive together', async () => {
    const {fake, session} = setup();
    fake.on('POST', executeUrl, {json: connectResponse('token-1', new Date(Date.now() + minutes(60)))}, {json: connectResponse('token-2', new Date(Date.now() + minutes(60)))});
    const stale = await session.current();
    const [a, b] = await Promise.all([session.renew(stale), session.renew(stale)]);
    expect([a.token, b.token]).toEqual(['token-2', 'token-2']);
    // A late caller with the old token gets the new session, not a third connect.
    expect((await session.renew(stale)).token).toBe('token-2');
    expect(fake.to('/commands/execute')).toHaveLength(2);
    session.dispose();
  });

  it('stays in the error state until retried, then connects', async () => {
    const {fake, session, state} = setup();
    fake.on('POST', executeUrl, {networkError: new TypeError('Failed to fetch')}, {json: connectResponse('token-1', new Date(Date.now() + minutes(60)))});
    await expect(session.current()).rejects.toMatchObject({reason: 'network'});
    await expect(session.current()).rejects.toMatchObject({reason: 'network'});
    session.start();
    expect(fake.to('/commands/execute')).toHaveLength(1);

    session.retry();
    expect(state().status).toBe('connecting');
    expect((await session.current()).token).toBe('token-1');
    expect(state().status).toBe('connected');
    session.dispose();
  });

  it('gives up with "unauthorized" when the bridge refuses a fresh session', async () => {
    const {fake, session, state} = setup();
    fake.on('POST', executeUrl, {json: connectResponse('token-1', new Date(Date.now() + minutes(60)))});
    const fresh = await session.current();
    session.rejected(fresh);
    expect(state()).toEqual({status: 'error', reason: 'unauthorized', detail: null, expiresAt: null});
    await expect(session.current()).rejects.toMatchObject({reason: 'unauthorized'});
    session.dispose();
  });

  it('stops renewing once disposed', async () => {
    const {fake, session, state} = setup();
    fake.on('POST', executeUrl, {json: connectResponse('token-1', new Date(Date.now() + minutes(60)))});
    await session.current();
    session.dispose();
    await jest.advanceTimersByTimeAsync(minutes(120));
    expect(fake.to('/commands/execute')).toHaveLength(1);
    expect(state().status).toBe('idle');
  });
});

describe('session: where the token goes', () => {
  it('is never in redux state, web storage, a URL or the console', async () => {
    const consoleSpies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => jest.spyOn(console, method).mockImplementation(() => undefined));
    try {
      const {fake, store, session} = setup();
      const token = 'secret-token-7f3a';
      fake.on('POST', executeUrl, {json: connectResponse(token, new Date(Date.now() + minutes(60)))}, {status: 500, json: {message: 'boom', status_code: 500}});
      const connected = await session.current();
      expect(connected.token).toBe(token);
      await expect(session.renew(connected)).rejects.toMatchObject({reason: 'mattermost_error'});

      expect(JSON.stringify(store.getState())).not.toContain(token);
      expect(localStorage.length).toBe(0);
      expect(sessionStorage.length).toBe(0);
      expect(document.cookie).not.toContain(token);
      expect(fake.requests.filter((request) => request.url.includes(token))).toEqual([]);
      for (const spy of consoleSpies) {
        expect(spy).not.toHaveBeenCalled();
      }
      session.dispose();
    } finally {
      consoleSpies.forEach((spy) => spy.mockRestore());
    }
  });
});
