import WebSocket from 'ws';
import type {RunningSimulator} from '../index';
import {updateUser} from '../services/users';
import {seedOrganisation, SocketProbe, startTestSimulator, type Organisation} from '../testKit';

describe('the WebSocket endpoint (app/platform/web_conn.go, websocket_router.go, web_hub.go)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  const probes: SocketProbe[] = [];
  const track = (probe: SocketProbe) => {
    probes.push(probe);
    return probe;
  };
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(async () => {
    for (const probe of probes.splice(0)) probe.close();
    await sim.stop();
  });

  describe('authentication', () => {
    it('answers an authentication challenge: hello (seq 0) is queued first, then {status: OK, seq_reply}', async () => {
      const probe = track(await SocketProbe.open(sim));
      probe.send({seq: 1, action: 'authentication_challenge', data: {token: org.alice.token}});
      await probe.next((frame) => frame.status === 'OK');
      expect(probe.frames[0]).toMatchObject({event: 'hello', seq: 0, broadcast: {user_id: org.alice.user.id}});
      expect(probe.frames[0]?.data).toMatchObject({server_version: expect.stringMatching(/^11\.1\.0\./), connection_id: expect.any(String)});
      expect(probe.frames[1]).toEqual({status: 'OK', seq_reply: 1});
    });

    it('closes the socket, without a reply, on a bad challenge token', async () => {
      const probe = track(await SocketProbe.open(sim));
      probe.send({seq: 1, action: 'authentication_challenge', data: {token: 'x'.repeat(26)}});
      await expect(probe.next(() => true)).rejects.toThrow('socket closed');
      expect(probe.frames).toEqual([]);
    });

    it('authenticates at upgrade with a Bearer header or the MMAUTHTOKEN cookie', async () => {
      const byHeader = track(await SocketProbe.open(sim, {Authorization: `Bearer ${org.alice.token}`}));
      expect(await byHeader.next((frame) => frame.event === 'hello')).toMatchObject({seq: 0});
      const byCookie = track(await SocketProbe.open(sim, {Cookie: `MMAUTHTOKEN=${org.bob.token}`}));
      expect(await byCookie.next((frame) => frame.event === 'hello')).toMatchObject({broadcast: {user_id: org.bob.user.id}});
    });

    it('fails the upgrade with 401 for a bad token at upgrade', async () => {
      const socket = new WebSocket(`${sim.url.replace('http', 'ws')}/api/v4/websocket`, {headers: {Authorization: `Bearer ${'x'.repeat(26)}`}});
      const status = await new Promise<number>((resolve) => {
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('error', () => undefined);
      });
      expect(status).toBe(401);
    });

    it('ignores a second challenge and tells an unauthenticated socket nothing', async () => {
      const authed = track(await SocketProbe.connected(sim, org.alice.token));
      authed.send({seq: 1, action: 'authentication_challenge', data: {token: org.alice.token}});
      const anonymous = track(await SocketProbe.open(sim));
      anonymous.send({seq: 1, action: 'ping'});
      sim.ctx.hub.publish('posted', {}, {});
      await authed.settle();
      expect(authed.frames.map((frame) => frame.event ?? frame.status)).toEqual(['hello', 'posted']);
      expect(anonymous.frames).toEqual([]);
    });
  });

  describe('requests', () => {
    it('answers ping with pong, and refuses unknown actions and bad seqs', async () => {
      const probe = track(await SocketProbe.connected(sim, org.alice.token));
      probe.send({seq: 2, action: 'ping'});
      expect(await probe.next((frame) => frame.seq_reply === 2)).toEqual({status: 'OK', seq_reply: 2, data: {text: 'pong', version: '11.1.0', server_time: expect.any(Number), node_id: ''}});
      probe.send({seq: 3, action: 'dance'});
      expect(await probe.next((frame) => frame.seq_reply === 3)).toMatchObject({status: 'FAIL', error: {id: 'api.web_socket_router.bad_action.app_error'}});
      probe.send({seq: 0, action: 'ping'});
      expect(await probe.next((frame) => frame.error?.id === 'api.web_socket_router.bad_seq.app_error')).toMatchObject({status: 'FAIL'});
    });

    it('relays user_typing to the rest of the channel', async () => {
      const alice = track(await SocketProbe.connected(sim, org.alice.token));
      const bob = track(await SocketProbe.connected(sim, org.bob.token));
      alice.send({seq: 2, action: 'user_typing', data: {channel_id: org.general.id, parent_id: ''}});
      expect(await alice.next((frame) => frame.seq_reply === 2)).toEqual({status: 'OK', seq_reply: 2});
      expect((await bob.next((frame) => frame.event === 'typing')).data).toEqual({parent_id: '', user_id: org.alice.user.id});
      expect(alice.events('typing')).toEqual([]);
    });
  });

  describe('sequence numbers', () => {
    it('increase by exactly one per event, separately for each connection', async () => {
      const first = track(await SocketProbe.connected(sim, org.alice.token));
      sim.ctx.hub.publish('one', {}, {user_id: org.alice.user.id});
      await first.next((frame) => frame.event === 'one');
      const second = track(await SocketProbe.connected(sim, org.alice.token));
      for (const name of ['two', 'three']) sim.ctx.hub.publish(name, {}, {user_id: org.alice.user.id});
      // A response does not use up a seq.
      first.send({seq: 9, action: 'ping'});
      await first.next((frame) => frame.seq_reply === 9);
      sim.ctx.hub.publish('four', {}, {user_id: org.alice.user.id});
      await first.next((frame) => frame.event === 'four');
      await second.next((frame) => frame.event === 'four');
      expect(first.frames.filter((frame) => frame.event).map((frame) => [frame.event, frame.seq])).toEqual([['hello', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4]]);
      expect(second.frames.map((frame) => [frame.event, frame.seq])).toEqual([['hello', 0], ['two', 1], ['three', 2], ['four', 3]]);
    });
  });

  describe('broadcast filters (web_conn.go ShouldSendEvent)', () => {
    const received = async (probes: Record<string, SocketProbe>, event: string) => {
      await Promise.all(Object.values(probes).map((probe) => probe.settle(80)));
      return Object.entries(probes)
        .filter(([, probe]) => probe.events(event).length > 0)
        .map(([name]) => name)
        .sort();
    };
    let sockets: Record<string, SocketProbe>;
    beforeEach(async () => {
      sockets = {};
      for (const name of ['admin', 'alice', 'bob', 'carol', 'guest'] as const) sockets[name] = track(await SocketProbe.connected(sim, org[name].token));
    });

    it('sends a user-addressed event to that user only, whatever omit_users says', async () => {
      sim.ctx.hub.publish('e', {}, {user_id: org.bob.user.id, omit_users: {[org.bob.user.id]: true}, channel_id: org.secret.id});
      expect(await received(sockets, 'e')).toEqual(['bob']);
    });

    it('sends a channel event to its members, minus omitted users', async () => {
      sim.ctx.hub.publish('e', {}, {channel_id: org.general.id, omit_users: {[org.alice.user.id]: true}});
      expect(await received(sockets, 'e')).toEqual(['admin', 'bob', 'guest']);
    });

    it('sends a team event to the team and a broadcast to everyone', async () => {
      sim.ctx.hub.publish('team', {}, {team_id: org.team.id});
      expect(await received(sockets, 'team')).toEqual(['admin', 'alice', 'bob', 'carol', 'guest']);
      sim.ctx.hub.publish('other-team', {}, {team_id: 'o'.repeat(26)});
      expect(await received(sockets, 'other-team')).toEqual([]);
    });

    it('keeps sanitized copies from admins and sensitive copies from everyone else', async () => {
      sim.ctx.hub.publish('sanitized', {}, {contains_sanitized_data: true});
      sim.ctx.hub.publish('sensitive', {}, {contains_sensitive_data: true});
      expect(await received(sockets, 'sanitized')).toEqual(['alice', 'bob', 'carol', 'guest']);
      expect(await received(sockets, 'sensitive')).toEqual(['admin']);
      expect(sockets.admin?.events('sensitive')[0]?.broadcast).toEqual({omit_users: null, user_id: '', channel_id: '', team_id: '', connection_id: '', omit_connection_id: '', contains_sensitive_data: true});
    });

    it('sends user_updated once to each connection: the user unsanitized, admins in full, others sanitized; guests only for people they can see', async () => {
      sim.ctx.store.users.set(org.bob.user.id, {...org.bob.user, notify_props: {desktop: 'all'}});
      updateUser(sim.ctx, org.bob.user.id, {nickname: 'Bobby'});
      expect(await received(sockets, 'user_updated')).toEqual(['admin', 'alice', 'bob', 'carol', 'guest']);
      for (const probe of Object.values(sockets)) expect(probe.events('user_updated')).toHaveLength(1);
      const user = (name: string) => sockets[name]?.events('user_updated')[0]?.data?.user as {nickname: string; notify_props: Record<string, string>};
      expect(user('bob')).toMatchObject({nickname: 'Bobby', notify_props: {desktop: 'all'}});
      expect(user('alice')).toMatchObject({nickname: 'Bobby', notify_props: {}});
      expect(user('admin').nickname).toBe('Bobby');
      // The guest shares #general with bob; carol shares nothing with the guest.
      updateUser(sim.ctx, org.carol.user.id, {nickname: 'Caz'});
      await sockets.alice?.next((frame) => frame.event === 'user_updated' && (frame.data?.user as {nickname?: string}).nickname === 'Caz');
      expect(sockets.guest?.events('user_updated')).toHaveLength(1);
    });
  });
});
