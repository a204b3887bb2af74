import type {RunningSimulator} from '../../../build/mattermost-sim/src/index';
import {addChannelMember, addTeamMember, createChannel} from '../../../build/mattermost-sim/src/services/channels';
import {createAccessToken, createBot, updateUser} from '../../../build/mattermost-sim/src/services/users';
import {call, type Organisation, seedOrganisation, startTestSimulator} from '../../../build/mattermost-sim/src/testKit';
import {createLogger} from '../logging/logger';
import {createChannelAccess} from './channelAccess';
import type {MattermostConnection} from './connection';
import {createUserPreferences} from './userPreferences';
import {createWebSocketListener, type WebSocketListener, websocketUrl} from './websocketListener';
import {until} from '../testing/until';

// The listener against the simulator over a real WebSocket: membership and
// profile changes made through Mattermost's REST API reach the bridge's
// caches at once (the caches here would otherwise hold for a minute), the
// connection waits for setup, follows a new token and survives being dropped.

describe('the Mattermost WebSocket listener', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  let botId: string;
  let settings: MattermostConnection | undefined;
  let listener: WebSocketListener;
  const connection = {get: async () => settings};
  const access = createChannelAccess({connection, ttlMs: 60_000});
  const preferences = createUserPreferences({connection, logger: createLogger('silent'), ttlMs: 60_000});
  const heard: Array<[string, ...unknown[]]> = [];
  let resyncs = 0;
  /** When set, user_updated takes this long: stop must wait for it. */
  let slowUpdateMs = 0;
  let slowUpdateDone = false;

  const botSockets = () => sim.ctx.hub.connectionsOf(botId);
  const heardOf = (event: string) => heard.filter(([name]) => name === event);
  const asAdmin = (method: string, path: string, body?: unknown) => call(sim, method, path, {token: org.admin.token, ...(body === undefined ? {} : {body})});

  beforeAll(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.admin.user.id});
    botId = bot.user_id;
    updateUser(sim.ctx, botId, {roles: 'system_user system_admin'});
    // Channel-scoped events reach channel members only, the bot included.
    addTeamMember(sim.ctx, org.team.id, botId);
    for (const channel of [org.general, org.secret]) addChannelMember(sim.ctx, channel.id, botId, {silent: true});
    listener = createWebSocketListener({
      connection,
      logger: createLogger('silent'),
      pollMs: 25,
      backoff: {baseMs: 20, capMs: 200},
      handlers: {
        membershipChanged(channelId, userId) {
          access.forget(channelId, userId);
          heard.push(['membership', channelId, userId]);
        },
        channelDeleted(channelId) {
          access.forget(channelId);
          heard.push(['channel_deleted', channelId]);
        },
        async userUpdated(userId, change) {
          preferences.forget(userId);
          heard.push(['user_updated', userId, change]);
          if (slowUpdateMs > 0) {
            await new Promise((resolve) => setTimeout(resolve, slowUpdateMs));
            slowUpdateDone = true;
          }
        },
        resync() {
          access.forgetAll();
          preferences.forgetAll();
          resyncs += 1;
        },
      },
    });
    listener.start();
  });
  afterAll(async () => {
    await listener?.stop();
    await sim?.stop();
  });

  it('does not connect before setup has stored a connection, then connects and resyncs', async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(listener.state()).toBe('waiting_for_setup');
    expect(botSockets()).toHaveLength(0);
    settings = {url: sim.url, botUserId: botId, botToken: createAccessToken(sim.ctx, botId, 'bridge').token, commandTokens: []};
    await until(() => resyncs === 1, 'the first hello');
    expect(listener.state()).toBe('connected');
    expect(botSockets()).toHaveLength(1);
  });

  it('forgets a membership the moment Mattermost removes it', async () => {
    expect(await access.isMember(org.bob.user.id, org.general.id)).toBe(true);
    expect((await asAdmin('DELETE', `/api/v4/channels/${org.general.id}/members/${org.bob.user.id}`)).status).toBe(200);
    await until(() => heardOf('membership').length > 0, 'user_removed');
    expect(heardOf('membership')).toEqual([['membership', org.general.id, org.bob.user.id]]);
    expect(await access.isMember(org.bob.user.id, org.general.id)).toBe(false);
  });

  it('reads the removed person’s own form of user_removed (channel in the data, person in the broadcast)', async () => {
    heard.length = 0;
    // The bot hears the channel's form only while it is a member: removing the bot itself sends it the other form.
    const random = createChannel(sim.ctx, {team_id: org.team.id, name: 'random', display_name: 'Random', type: 'O'});
    addChannelMember(sim.ctx, random.id, botId, {silent: true});
    expect((await asAdmin('DELETE', `/api/v4/channels/${random.id}/members/${botId}`)).status).toBe(200);
    await until(() => heardOf('membership').length > 0, 'user_removed to the bot');
    expect(heardOf('membership')).toEqual([['membership', random.id, botId]]);
  });

  it('learns of a new member at once', async () => {
    heard.length = 0;
    expect(await access.isMember(org.carol.user.id, org.general.id)).toBe(false);
    expect((await asAdmin('POST', `/api/v4/channels/${org.general.id}/members`, {user_id: org.carol.user.id})).status).toBe(201);
    await until(() => heardOf('membership').length > 0, 'user_added');
    expect(heardOf('membership')[0]).toEqual(['membership', org.general.id, org.carol.user.id]);
    expect(await access.isMember(org.carol.user.id, org.general.id)).toBe(true);
  });

  it('passes on a deleted (archived) channel', async () => {
    expect((await asAdmin('DELETE', `/api/v4/channels/${org.secret.id}`)).status).toBe(200);
    await until(() => heardOf('channel_deleted').length > 0, 'channel_deleted');
    expect(heardOf('channel_deleted')).toEqual([['channel_deleted', org.secret.id]]);
  });

  it('drops a person’s cached locale when their profile changes, and says when an account is deactivated', async () => {
    heard.length = 0;
    const alice = org.alice.user.id;
    expect(await preferences.locale(alice)).toBe('en');
    expect((await call(sim, 'PUT', `/api/v4/users/${alice}/patch`, {token: org.alice.token, body: {locale: 'ja'}})).status).toBe(200);
    await until(() => heardOf('user_updated').length > 0, 'user_updated');
    expect(heardOf('user_updated')[0]).toEqual(['user_updated', alice, {active: true, deleteAt: 0}]);
    expect(await preferences.locale(alice)).toBe('ja');

    expect((await asAdmin('PUT', `/api/v4/users/${org.carol.user.id}/active`, {active: false})).status).toBe(200);
    await until(() => heardOf('user_updated').some(([, userId]) => userId === org.carol.user.id), 'the deactivation');
    const [, , change] = heardOf('user_updated').find(([, userId]) => userId === org.carol.user.id)!;
    expect(change).toEqual({active: false, deleteAt: expect.any(Number)});
    expect((change as {deleteAt: number}).deleteAt).toBeGreaterThan(0);
  });

  it('reconnects after Mattermost drops the socket, resyncs, and hears events again', async () => {
    heard.length = 0;
    const before = resyncs;
    // Cached before the drop; a change made while disconnected must not survive the resync.
    expect(await access.isMember(org.alice.user.id, org.general.id)).toBe(true);
    for (const socket of botSockets()) socket.socket.terminate();
    await until(() => listener.state() !== 'connected', 'the drop');
    await asAdmin('DELETE', `/api/v4/channels/${org.general.id}/members/${org.alice.user.id}`);
    await until(() => resyncs > before, 'the resync after reconnecting');
    expect(botSockets()).toHaveLength(1);
    expect(await access.isMember(org.alice.user.id, org.general.id)).toBe(false);
    await asAdmin('POST', `/api/v4/channels/${org.general.id}/members`, {user_id: org.alice.user.id});
    await until(() => heardOf('membership').length > 0, 'an event after reconnecting');
  });

  it('reconnects with a new bot token when setup stores one, and stops cleanly once running handlers finish', async () => {
    const before = resyncs;
    const [oldSocket] = botSockets();
    settings = {...settings!, botToken: createAccessToken(sim.ctx, botId, 'bridge again').token};
    await until(() => resyncs > before, 'the reconnect with the new token');
    expect(botSockets()).toHaveLength(1);
    expect(botSockets()[0]).not.toBe(oldSocket);

    // A handler still running when the bridge stops is waited for.
    heard.length = 0;
    slowUpdateMs = 300;
    await call(sim, 'PUT', `/api/v4/users/${org.bob.user.id}/patch`, {token: org.bob.token, body: {nickname: 'bobby'}});
    await until(() => heardOf('user_updated').length > 0, 'the slow user_updated');
    await listener.stop();
    expect(slowUpdateDone).toBe(true);
    expect(listener.state()).toBe('stopped');
    await until(() => botSockets().length === 0, 'the socket to close');
    // Stopped means stopped: no reconnect follows.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(botSockets()).toHaveLength(0);
  });
});

describe('websocketUrl', () => {
  it('swaps the scheme and keeps a subpath SiteURL', () => {
    expect(websocketUrl('https://chat.example.com')).toBe('wss://chat.example.com/api/v4/websocket');
    expect(websocketUrl('http://127.0.0.1:8065/mattermost/')).toBe('ws://127.0.0.1:8065/mattermost/api/v4/websocket');
  });
});
