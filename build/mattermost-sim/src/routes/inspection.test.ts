import type {RunningSimulator} from '../index';
import {createPost, sendEphemeral} from '../services/posts';
import type {Post} from '../store/entities';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../testKit';

describe('the /__sim/ inspection API (not part of Mattermost)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    let clock = 1_000;
    sim = await startTestSimulator();
    sim.ctx.now = () => (clock += 10);
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it("lists the DMs a user received, oldest first, without their own posts and with integrations stripped", async () => {
    createPost(sim.ctx, {channel_id: org.dm.id, user_id: org.bob.user.id, message: 'one', props: {attachments: [{actions: [{id: 'a', integration: {url: 'http://x'}}]}]}});
    createPost(sim.ctx, {channel_id: org.dm.id, user_id: org.alice.user.id, message: 'mine'});
    createPost(sim.ctx, {channel_id: org.dm.id, user_id: org.bob.user.id, message: 'two'});
    createPost(sim.ctx, {channel_id: org.general.id, user_id: org.bob.user.id, message: 'not a dm'});
    const dms = await call<Post[]>(sim, 'GET', '/__sim/dms?user=alice');
    expect(dms.body.map((post) => post.message)).toEqual(['one', 'two']);
    expect(JSON.stringify(dms.body)).not.toContain('integration');
    expect((await call(sim, 'GET', '/__sim/dms?user=nobody')).status).toBe(404);
    expect((await call(sim, 'GET', '/__sim/dms')).status).toBe(400);
  });

  it('lists ephemerals and integration requests, and resets both', async () => {
    sendEphemeral(sim.ctx, org.alice.user.id, {channel_id: org.dm.id, message: 'only you'});
    sim.ctx.inspection.integrationRequests.push({kind: 'command', url: 'http://127.0.0.1:1/x', status: 200, at: 1});
    expect((await call<Post[]>(sim, 'GET', '/__sim/ephemerals?user=alice')).body.map((post) => post.message)).toEqual(['only you']);
    expect((await call<Post[]>(sim, 'GET', '/__sim/ephemerals?user=bob')).body).toEqual([]);
    expect((await call<unknown[]>(sim, 'GET', '/__sim/integration-requests')).body).toHaveLength(1);
    expect((await call(sim, 'POST', '/__sim/reset-inspection')).body).toEqual({status: 'OK'});
    expect((await call<Post[]>(sim, 'GET', '/__sim/ephemerals?user=alice')).body).toEqual([]);
    expect((await call<unknown[]>(sim, 'GET', '/__sim/integration-requests')).body).toEqual([]);
  });
});
