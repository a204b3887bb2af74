import type {RunningSimulator} from '../index';
import type {Channel, Team, TeamMember} from '../store/entities';
import {channelMemberIds, findChannelByName} from '../store/store';
import {call, seedOrganisation, SocketProbe, startTestSimulator, type Organisation} from '../testKit';

describe('teams (api4/team.go)', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('lets any user create a team (create_team), with its default channels and the creator as team admin', async () => {
    const created = await call<Team>(sim, 'POST', '/api/v4/teams', {token: org.alice.token, body: {name: 'research', display_name: 'Research', type: 'O'}});
    expect(created.status).toBe(201);
    const member = sim.ctx.store.teamMembers.get(`${created.body.id}:${org.alice.user.id}`);
    expect(member?.roles).toBe('team_user team_admin');
    const townSquare = findChannelByName(sim.ctx.store, created.body.id, 'town-square') as Channel;
    expect(channelMemberIds(sim.ctx.store, townSquare.id)).toEqual([org.alice.user.id]);
    expect(findChannelByName(sim.ctx.store, created.body.id, 'off-topic')).toBeDefined();
    const guest = await call(sim, 'POST', '/api/v4/teams', {token: org.guest.token, body: {name: 'guests', display_name: 'Guests'}});
    expect(guest.body).toMatchObject({id: 'api.team.is_team_creation_allowed.disabled.app_error', status_code: 403});
  });

  it('validates the team like model.Team.IsValid and refuses a taken name', async () => {
    const taken = await call(sim, 'POST', '/api/v4/teams', {token: org.alice.token, body: {name: 'acme', display_name: 'Acme 2'}});
    expect(taken.body).toMatchObject({id: 'app.team.save.existing.app_error', status_code: 400});
    const badName = await call(sim, 'POST', '/api/v4/teams', {token: org.alice.token, body: {name: 'Not Valid', display_name: 'X'}});
    expect(badName.body).toMatchObject({id: 'model.team.is_valid.characters.app_error', status_code: 400});
  });

  it('lists open teams to users and every team to admins; guests may not list', async () => {
    sim.ctx.store.teams.set('p'.repeat(26), {...org.team, id: 'p'.repeat(26), name: 'hidden', allow_open_invite: false, type: 'I'});
    const asUser = await call<Team[]>(sim, 'GET', '/api/v4/teams', {token: org.alice.token});
    expect(asUser.body.map((team) => team.name)).toEqual(['acme']);
    const asAdmin = await call<Team[]>(sim, 'GET', '/api/v4/teams?per_page=200', {token: org.admin.token});
    expect(asAdmin.body.map((team) => team.name).sort()).toEqual(['acme', 'hidden']);
    const asGuest = await call(sim, 'GET', '/api/v4/teams', {token: org.guest.token});
    expect(asGuest.body).toMatchObject({id: 'api.team.get_all_teams.insufficient_permissions', status_code: 403});
  });

  it('gets a team by id and by name; 404 when unknown', async () => {
    expect((await call<Team>(sim, 'GET', `/api/v4/teams/${org.team.id}`, {token: org.alice.token})).body.name).toBe('acme');
    expect((await call<Team>(sim, 'GET', '/api/v4/teams/name/acme', {token: org.alice.token})).body.id).toBe(org.team.id);
    const unknown = await call(sim, 'GET', `/api/v4/teams/${'z'.repeat(26)}`, {token: org.alice.token});
    expect(unknown.body).toMatchObject({id: 'app.team.get.find.app_error', status_code: 404});
    const unknownName = await call(sim, 'GET', '/api/v4/teams/name/nope', {token: org.alice.token});
    expect(unknownName.body).toMatchObject({id: 'app.team.get_by_name.missing.app_error', status_code: 404});
  });

  it('lists members and gets one member; a non-member of an invite-only team is refused', async () => {
    const members = await call<TeamMember[]>(sim, 'GET', `/api/v4/teams/${org.team.id}/members`, {token: org.alice.token});
    expect(members.body).toHaveLength(5);
    const one = await call<TeamMember>(sim, 'GET', `/api/v4/teams/${org.team.id}/members/${org.bob.user.id}`, {token: org.alice.token});
    expect(one.body).toMatchObject({team_id: org.team.id, user_id: org.bob.user.id, roles: 'team_user'});
    const outsider = await call(sim, 'POST', '/api/v4/teams', {token: org.bob.token, body: {name: 'bobs', display_name: 'Bobs', type: 'I'}});
    const bobsTeam = outsider.body as unknown as Team;
    expect((await call(sim, 'GET', `/api/v4/teams/${bobsTeam.id}/members`, {token: org.alice.token})).status).toBe(403);
    expect((await call(sim, 'GET', `/api/v4/teams/${bobsTeam.id}`, {token: org.alice.token})).status).toBe(403);
  });

  it('adds a member: they join the default channels and hear added_to_team', async () => {
    const created = await call<Team>(sim, 'POST', '/api/v4/teams', {token: org.alice.token, body: {name: 'research', display_name: 'Research'}});
    const bob = await SocketProbe.connected(sim, org.bob.token);
    try {
      const added = await call<TeamMember>(sim, 'POST', `/api/v4/teams/${created.body.id}/members`, {token: org.alice.token, body: {team_id: created.body.id, user_id: org.bob.user.id}});
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({team_id: created.body.id, user_id: org.bob.user.id, roles: 'team_user'});
      const event = await bob.next((frame) => frame.event === 'added_to_team');
      expect(event.data).toEqual({team_id: created.body.id, user_id: org.bob.user.id});
      const townSquare = findChannelByName(sim.ctx.store, created.body.id, 'town-square') as Channel;
      expect(channelMemberIds(sim.ctx.store, townSquare.id)).toContain(org.bob.user.id);
    } finally {
      bob.close();
    }
    const mismatched = await call(sim, 'POST', `/api/v4/teams/${created.body.id}/members`, {token: org.alice.token, body: {team_id: org.team.id, user_id: org.carol.user.id}});
    expect(mismatched.body).toMatchObject({id: 'api.context.invalid_body_param.app_error', message: 'Invalid or missing team_id in request body.'});
  });
});
