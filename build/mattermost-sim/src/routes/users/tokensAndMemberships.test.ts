import type {RunningSimulator} from '../../index';
import {createBot} from '../../services/users';
import type {Channel, ChannelMember, Team} from '../../store/entities';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../../testKit';

describe('personal access tokens (api4/user.go createUserAccessToken)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('creates a bot token even with EnableUserAccessTokens off (bots are exempt), and it authenticates', async () => {
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.admin.user.id});
    const response = await call<{id: string; token: string; user_id: string; description: string; is_active: boolean}>(sim, 'POST', `/api/v4/users/${bot.user_id}/tokens`, {
      token: org.admin.token,
      body: {description: 'bridge'},
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({id: expect.stringMatching(/^[a-z0-9]{26}$/), token: expect.stringMatching(/^[a-z0-9]{26}$/), user_id: bot.user_id, description: 'bridge', is_active: true});
    const me = await call<{id: string}>(sim, 'GET', '/api/v4/users/me', {token: response.body.token});
    expect(me.body.id).toBe(bot.user_id);
  });

  it('refuses a person a token while EnableUserAccessTokens is off (501), and their tokens stop working', async () => {
    const refused = await call(sim, 'POST', `/api/v4/users/${org.bob.user.id}/tokens`, {token: org.admin.token, body: {description: 'script'}});
    expect(refused.status).toBe(501);
    expect(refused.body).toMatchObject({id: 'app.user_access_token.disabled'});
    sim.ctx.config = {...sim.ctx.config, ServiceSettings: {...sim.ctx.config.ServiceSettings, EnableUserAccessTokens: true}};
    const created = await call<{token: string}>(sim, 'POST', `/api/v4/users/${org.bob.user.id}/tokens`, {token: org.admin.token, body: {description: 'script'}});
    expect((await call(sim, 'GET', '/api/v4/users/me', {token: created.body.token})).status).toBe(200);
    sim.ctx.config = {...sim.ctx.config, ServiceSettings: {...sim.ctx.config.ServiceSettings, EnableUserAccessTokens: false}};
    expect((await call(sim, 'GET', '/api/v4/users/me', {token: created.body.token})).status).toBe(401);
  });

  it('needs create_user_access_token (admins) and a description', async () => {
    const bot = createBot(sim.ctx, {username: 'baton', owner_id: org.alice.user.id});
    const noPermission = await call(sim, 'POST', `/api/v4/users/${bot.user_id}/tokens`, {token: org.alice.token, body: {description: 'x'}});
    expect(noPermission.status).toBe(403);
    const noDescription = await call(sim, 'POST', `/api/v4/users/${bot.user_id}/tokens`, {token: org.admin.token, body: {}});
    expect(noDescription.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing description in request body.'});
  });
});

describe("a user's teams and channels", () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeAll(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterAll(() => sim.stop());

  it('lists the teams of the caller; another user only for admins', async () => {
    const own = await call<Team[]>(sim, 'GET', '/api/v4/users/me/teams', {token: org.alice.token});
    expect(own.body.map((team) => team.name)).toEqual(['acme']);
    expect((await call(sim, 'GET', `/api/v4/users/${org.bob.user.id}/teams`, {token: org.alice.token})).status).toBe(403);
    expect((await call(sim, 'GET', `/api/v4/users/${org.bob.user.id}/teams`, {token: org.admin.token})).status).toBe(200);
  });

  it("lists the user's channels in a team, direct messages included", async () => {
    const channels = await call<Channel[]>(sim, 'GET', `/api/v4/users/me/teams/${org.team.id}/channels`, {token: org.alice.token});
    expect(channels.body.map((channel) => channel.name).sort()).toEqual(['general', 'secret', 'town-square', org.dm.name].sort());
    expect((await call(sim, 'GET', `/api/v4/users/${org.alice.user.id}/teams/${org.team.id}/channels`, {token: org.bob.token})).status).toBe(403);
  });

  it("lists the user's channel memberships in a team", async () => {
    const members = await call<ChannelMember[]>(sim, 'GET', `/api/v4/users/me/teams/${org.team.id}/channels/members`, {token: org.bob.token});
    expect(members.body.map((member) => member.channel_id).sort()).toEqual([org.townSquare.id, org.general.id, org.dm.id].sort());
    expect(members.body.every((member) => member.user_id === org.bob.user.id)).toBe(true);
  });
});
