import type {RunningSimulator} from '../../index';
import {deactivateUser} from '../../services/users';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../../testKit';

// GET /api/v4/channels/{id}/stats as Mattermost 11 answers it
// (api4/channel.go getChannelStats, model.ChannelStats).

describe('channels: stats (api4/channel.go getChannelStats)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('counts active members and guests, for anyone who may read the channel', async () => {
    const stats = await call(sim, 'GET', `/api/v4/channels/${org.general.id}/stats`, {token: org.alice.token});
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({channel_id: org.general.id, member_count: 4, guest_count: 1, pinnedpost_count: 0, has_new_pinned_posts: false, files_count: 0});
    expect((await call(sim, 'GET', `/api/v4/channels/${org.townSquare.id}/stats?exclude_files_count=true`, {token: org.admin.token})).body).toMatchObject({member_count: 4, guest_count: 0, files_count: -1});
    // A deactivated member no longer counts.
    deactivateUser(sim.ctx, org.guest.user.id);
    expect((await call(sim, 'GET', `/api/v4/channels/${org.general.id}/stats`, {token: org.alice.token})).body).toMatchObject({member_count: 3, guest_count: 0});
  });

  it('refuses those who may not read the channel, and names a malformed id', async () => {
    const hidden = await call(sim, 'GET', `/api/v4/channels/${org.secret.id}/stats`, {token: org.bob.token});
    expect(hidden.status).toBe(403);
    expect(hidden.body).toMatchObject({id: 'api.context.permissions.app_error'});
    expect((await call(sim, 'GET', `/api/v4/channels/${org.secret.id}/stats`, {token: org.admin.token})).body).toMatchObject({member_count: 2, guest_count: 0});
    expect((await call(sim, 'GET', '/api/v4/channels/not-an-id/stats', {token: org.alice.token})).body).toMatchObject({id: 'api.context.invalid_url_param.app_error', status_code: 400});
  });
});
