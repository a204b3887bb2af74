import type {RunningSimulator} from '../index';
import type {Channel, ChannelMember, Post} from '../store/entities';
import {channelMemberIds} from '../store/store';
import {call, seedOrganisation, SocketProbe, startTestSimulator, type Organisation} from '../testKit';

const postsIn = (sim: RunningSimulator, channelId: string) => [...sim.ctx.store.posts.values()].filter((post) => post.channel_id === channelId);

describe('channels: create and read (api4/channel.go)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('creates open and private channels with the creator as channel admin', async () => {
    const created = await call<Channel>(sim, 'POST', '/api/v4/channels', {token: org.alice.token, body: {team_id: org.team.id, name: 'launch', display_name: 'Launch', type: 'P'}});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({name: 'launch', type: 'P', team_id: org.team.id, creator_id: org.alice.user.id});
    expect(sim.ctx.store.channelMembers.get(`${created.body.id}:${org.alice.user.id}`)?.roles).toBe('channel_user channel_admin');
    const duplicate = await call(sim, 'POST', '/api/v4/channels', {token: org.alice.token, body: {team_id: org.team.id, name: 'launch', display_name: 'Again', type: 'O'}});
    expect(duplicate.body).toMatchObject({id: 'store.sql_channel.save_channel.exists.app_error', status_code: 400});
  });

  it('names the missing field and refuses guests and non-members of the team', async () => {
    const noName = await call(sim, 'POST', '/api/v4/channels', {token: org.alice.token, body: {team_id: org.team.id, name: 'x'}});
    expect(noName.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing display_name in request body.'});
    const guest = await call(sim, 'POST', '/api/v4/channels', {token: org.guest.token, body: {team_id: org.team.id, name: 'g', display_name: 'G'}});
    expect(guest.status).toBe(403);
  });

  it('gets a channel: open ones for the team, private ones only for members (403) or admins', async () => {
    expect((await call(sim, 'GET', `/api/v4/channels/${org.general.id}`, {token: org.carol.token})).status).toBe(200);
    const privateAsBob = await call(sim, 'GET', `/api/v4/channels/${org.secret.id}`, {token: org.bob.token});
    expect(privateAsBob.status).toBe(403);
    expect(privateAsBob.body).toMatchObject({id: 'api.context.permissions.app_error'});
    expect((await call(sim, 'GET', `/api/v4/channels/${org.secret.id}`, {token: org.admin.token})).status).toBe(200);
    // Guests hold no read_public_channel: only channels they are in.
    expect((await call(sim, 'GET', `/api/v4/channels/${org.townSquare.id}`, {token: org.guest.token})).status).toBe(403);
    expect((await call(sim, 'GET', `/api/v4/channels/${org.general.id}`, {token: org.guest.token})).status).toBe(200);
    const unknown = await call(sim, 'GET', `/api/v4/channels/${'q'.repeat(26)}`, {token: org.alice.token});
    expect(unknown.body).toMatchObject({id: 'app.channel.get.existing.app_error', status_code: 404});
  });

  it('gets a channel by team and name; a private one the caller cannot read is a 404', async () => {
    const found = await call<Channel>(sim, 'GET', `/api/v4/teams/${org.team.id}/channels/name/general`, {token: org.bob.token});
    expect(found.body.id).toBe(org.general.id);
    const hidden = await call(sim, 'GET', `/api/v4/teams/${org.team.id}/channels/name/secret`, {token: org.bob.token});
    expect(hidden.body).toMatchObject({id: 'app.channel.get_by_name.missing.app_error', status_code: 404});
    expect((await call<Channel>(sim, 'GET', '/api/v4/teams/name/acme/channels/name/secret', {token: org.alice.token})).body.id).toBe(org.secret.id);
  });

  it('opens direct channels: the caller must be one of the two unless admin; same channel both ways', async () => {
    const dm = await call<Channel>(sim, 'POST', '/api/v4/channels/direct', {token: org.bob.token, body: [org.bob.user.id, org.alice.user.id]});
    expect(dm.status).toBe(201);
    expect(dm.body.id).toBe(org.dm.id);
    const notMine = await call(sim, 'POST', '/api/v4/channels/direct', {token: org.carol.token, body: [org.alice.user.id, org.bob.user.id]});
    expect(notMine.status).toBe(403);
    const asAdmin = await call<Channel>(sim, 'POST', '/api/v4/channels/direct', {token: org.admin.token, body: [org.carol.user.id, org.bob.user.id]});
    expect(asAdmin.body).toMatchObject({type: 'D', name: [org.carol.user.id, org.bob.user.id].sort().join('__')});
    const self = await call<Channel>(sim, 'POST', '/api/v4/channels/direct', {token: org.carol.token, body: [org.carol.user.id]});
    expect(self.body.name).toBe(`${org.carol.user.id}__${org.carol.user.id}`);
    const three = await call(sim, 'POST', '/api/v4/channels/direct', {token: org.carol.token, body: [org.carol.user.id, org.alice.user.id, org.bob.user.id]});
    expect(three.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing user_ids in request body.'});
    const notArray = await call(sim, 'POST', '/api/v4/channels/direct', {token: org.carol.token, body: {users: []}});
    expect(notArray.body).toMatchObject({id: 'api.payload.parse.error', status_code: 400});
  });

  it('opens group channels of 3 to 8 people, adding the caller', async () => {
    const group = await call<Channel>(sim, 'POST', '/api/v4/channels/group', {token: org.alice.token, body: [org.bob.user.id, org.carol.user.id]});
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({type: 'G', display_name: 'alice, bob, carol'});
    expect(channelMemberIds(sim.ctx.store, group.body.id).sort()).toEqual([org.alice.user.id, org.bob.user.id, org.carol.user.id].sort());
    const again = await call<Channel>(sim, 'POST', '/api/v4/channels/group', {token: org.carol.token, body: [org.alice.user.id, org.bob.user.id, org.carol.user.id]});
    expect(again.body.id).toBe(group.body.id);
    const tooSmall = await call(sim, 'POST', '/api/v4/channels/group', {token: org.alice.token, body: [org.bob.user.id]});
    expect(tooSmall.body).toMatchObject({id: 'api.channel.create_group.bad_size.app_error', status_code: 400});
  });
});

describe('channels: members and archiving, with their WebSocket events', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('gets members; another member is sanitized; a non-member is 404 (app.channel.get_member.missing.app_error)', async () => {
    const members = await call<ChannelMember[]>(sim, 'GET', `/api/v4/channels/${org.general.id}/members`, {token: org.alice.token});
    expect(members.body.map((member) => member.user_id).sort()).toEqual([org.admin.user.id, org.alice.user.id, org.bob.user.id, org.guest.user.id].sort());
    const own = members.body.find((member) => member.user_id === org.alice.user.id);
    const others = members.body.find((member) => member.user_id === org.bob.user.id);
    expect(own).toHaveProperty('last_viewed_at');
    expect(others).not.toHaveProperty('last_viewed_at');
    const missing = await call(sim, 'GET', `/api/v4/channels/${org.general.id}/members/${org.carol.user.id}`, {token: org.alice.token});
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({id: 'app.channel.get_member.missing.app_error'});
    const unreadable = await call(sim, 'GET', `/api/v4/channels/${org.secret.id}/members/${org.alice.user.id}`, {token: org.bob.token});
    expect(unreadable.status).toBe(403);
  });

  it('adds a member: user_added to the channel and to the new member, and a system_add_to_channel post', async () => {
    const bob = await SocketProbe.connected(sim, org.bob.token);
    const carol = await SocketProbe.connected(sim, org.carol.token);
    try {
      const added = await call<ChannelMember>(sim, 'POST', `/api/v4/channels/${org.general.id}/members`, {token: org.alice.token, body: {user_id: org.carol.user.id}});
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({channel_id: org.general.id, user_id: org.carol.user.id});
      const toChannel = await bob.next((frame) => frame.event === 'user_added');
      expect(toChannel.data).toEqual({user_id: org.carol.user.id, team_id: org.team.id});
      expect(toChannel.broadcast).toMatchObject({channel_id: org.general.id, omit_users: {[org.carol.user.id]: true}});
      const toUser = await carol.next((frame) => frame.event === 'user_added');
      expect(toUser.broadcast).toMatchObject({user_id: org.carol.user.id, channel_id: org.general.id});
      await carol.settle();
      expect(carol.events('user_added')).toHaveLength(1);
      const systemPost = postsIn(sim, org.general.id).find((post) => post.type === 'system_add_to_channel') as Post;
      expect(systemPost).toMatchObject({user_id: org.alice.user.id, props: {addedUserId: org.carol.user.id, addedUsername: 'carol'}});
    } finally {
      bob.close();
      carol.close();
    }
  });

  it('lets a team member join an open channel but not add others to a private one without permission', async () => {
    const join = await call(sim, 'POST', `/api/v4/channels/${org.general.id}/members`, {token: org.carol.token, body: {user_id: org.carol.user.id}});
    expect(join.status).toBe(201);
    expect(postsIn(sim, org.general.id).some((post) => post.type === 'system_join_channel' && post.user_id === org.carol.user.id)).toBe(true);
    const intoPrivate = await call(sim, 'POST', `/api/v4/channels/${org.secret.id}/members`, {token: org.bob.token, body: {user_id: org.bob.user.id}});
    expect(intoPrivate.status).toBe(403);
    const badBody = await call(sim, 'POST', `/api/v4/channels/${org.general.id}/members`, {token: org.alice.token, body: {user_id: 'nope'}});
    expect(badBody.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing user_id or user_ids in request body.'});
  });

  it('removes a member: the channel gets {user_id, remover_id}, the removed user {channel_id, remover_id}', async () => {
    const alice = await SocketProbe.connected(sim, org.alice.token);
    const bob = await SocketProbe.connected(sim, org.bob.token);
    try {
      const removed = await call(sim, 'DELETE', `/api/v4/channels/${org.general.id}/members/${org.bob.user.id}`, {token: org.admin.token});
      expect(removed.body).toEqual({status: 'OK'});
      const toChannel = await alice.next((frame) => frame.event === 'user_removed');
      expect(toChannel.data).toEqual({user_id: org.bob.user.id, remover_id: org.admin.user.id});
      expect(toChannel.broadcast).toMatchObject({channel_id: org.general.id});
      const toRemoved = await bob.next((frame) => frame.event === 'user_removed');
      expect(toRemoved.data).toEqual({channel_id: org.general.id, remover_id: org.admin.user.id});
      expect(toRemoved.broadcast).toMatchObject({user_id: org.bob.user.id});
      await bob.settle();
      expect(bob.events('user_removed')).toHaveLength(1);
      expect(postsIn(sim, org.general.id).some((post) => post.type === 'system_remove_from_channel')).toBe(true);
    } finally {
      alice.close();
      bob.close();
    }
    const again = await call(sim, 'DELETE', `/api/v4/channels/${org.general.id}/members/${org.bob.user.id}`, {token: org.admin.token});
    expect(again.body).toMatchObject({id: 'app.channel.get_member.missing.app_error', status_code: 404});
    const townSquare = await call(sim, 'DELETE', `/api/v4/channels/${org.townSquare.id}/members/${org.bob.user.id}`, {token: org.admin.token});
    expect(townSquare.body).toMatchObject({id: 'api.channel.remove.default.app_error', status_code: 400});
  });

  it('archives a channel: channel_deleted {channel_id, delete_at} to the team (open) or members (private)', async () => {
    const carol = await SocketProbe.connected(sim, org.carol.token);
    const alice = await SocketProbe.connected(sim, org.alice.token);
    try {
      expect((await call(sim, 'DELETE', `/api/v4/channels/${org.general.id}`, {token: org.alice.token})).body).toEqual({status: 'OK'});
      const event = await carol.next((frame) => frame.event === 'channel_deleted');
      expect(event.data).toEqual({channel_id: org.general.id, delete_at: sim.ctx.store.channels.get(org.general.id)?.delete_at});
      expect(event.broadcast).toMatchObject({team_id: org.team.id});
      expect((await call(sim, 'DELETE', `/api/v4/channels/${org.secret.id}`, {token: org.alice.token})).status).toBe(200);
      await alice.next((frame) => frame.event === 'channel_deleted' && frame.data?.channel_id === org.secret.id);
      await carol.settle();
      expect(carol.events('channel_deleted')).toHaveLength(1);
    } finally {
      carol.close();
      alice.close();
    }
    const again = await call(sim, 'DELETE', `/api/v4/channels/${org.general.id}`, {token: org.admin.token});
    expect(again.body).toMatchObject({id: 'api.channel.delete_channel.deleted.app_error', status_code: 400});
    const dm = await call(sim, 'DELETE', `/api/v4/channels/${org.dm.id}`, {token: org.alice.token});
    expect(dm.body).toMatchObject({id: 'api.channel.delete_channel.type.invalid', status_code: 400});
    const posting = await call(sim, 'POST', '/api/v4/posts', {token: org.alice.token, body: {channel_id: org.general.id, message: 'late'}});
    expect(posting.body).toMatchObject({id: 'api.post.create_post.can_not_post_to_deleted.error', status_code: 400});
  });
});
