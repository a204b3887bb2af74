import type {RunningSimulator} from '../../index';
import {createUser, deactivateUser} from '../../services/users';
import type {User} from '../../store/entities';
import {call, seedOrganisation, startTestSimulator, type Organisation} from '../../testKit';

// GET /api/v4/users/autocomplete as api4/user.go autocompleteUsers answers it
// (Mattermost 11): model.UserAutocomplete {users, out_of_channel omitempty}.

type Autocomplete = {users: User[]; out_of_channel?: User[]};

const usernames = (users: User[] | undefined) => users?.map((user) => user.username);

describe('GET /api/v4/users/autocomplete', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  const autocomplete = (query: string, token = org.alice.token) => call<Autocomplete>(sim, 'GET', `/api/v4/users/autocomplete?${query}`, {token});

  beforeEach(async () => {
    sim = await startTestSimulator();
    org = seedOrganisation(sim);
  });
  afterEach(() => sim.stop());

  it('lists the team members whose username, first or last name or nickname starts with the name, case-insensitively, by username', async () => {
    createUser(sim.ctx, {username: 'zed', first_name: 'Zed', last_name: 'Bobrov', nickname: 'Boss'});
    const byUsername = await autocomplete(`in_team=${org.team.id}&name=Bo`);
    expect(byUsername.status).toBe(200);
    expect(byUsername.body).toEqual({users: [expect.objectContaining({username: 'bob'})]});
    // zed matches by last name and nickname but is not in the team.
    const everyone = await autocomplete('name=bo');
    expect(usernames(everyone.body.users)).toEqual(['bob', 'zed']);
    const byLastName = await autocomplete(`in_team=${org.team.id}&name=test`);
    expect(usernames(byLastName.body.users)).toEqual(['admin', 'alice', 'bob', 'carol', 'guest']);
  });

  it('trims a leading @ and needs every word to match a field', async () => {
    expect(usernames((await autocomplete(`in_team=${org.team.id}&name=%40car`)).body.users)).toEqual(['carol']);
    expect(usernames((await autocomplete(`in_team=${org.team.id}&name=alice%20tes`)).body.users)).toEqual(['alice']);
    expect((await autocomplete(`in_team=${org.team.id}&name=alice%20nobody`)).body.users).toEqual([]);
  });

  it('with in_channel: channel members in users, other team members in out_of_channel (left out when empty)', async () => {
    const inGeneral = await autocomplete(`in_team=${org.team.id}&in_channel=${org.general.id}&name=`);
    expect(usernames(inGeneral.body.users)).toEqual(['admin', 'alice', 'bob', 'guest']);
    expect(usernames(inGeneral.body.out_of_channel)).toEqual(['carol']);
    const onlyAlice = await autocomplete(`in_team=${org.team.id}&in_channel=${org.general.id}&name=ali`);
    expect(onlyAlice.body).toEqual({users: [expect.objectContaining({username: 'alice'})]});
    expect(onlyAlice.body).not.toHaveProperty('out_of_channel');
  });

  it('answers 500 missing_team_id for in_channel without in_team', async () => {
    const response = await autocomplete(`in_channel=${org.general.id}&name=a`);
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({id: 'api.user.autocomplete_users.missing_team_id.app_error'});
  });

  it('needs read_channel for in_channel and view_team for in_team (403)', async () => {
    // carol is not in the private channel; the check comes before the missing team id.
    const secret = await autocomplete(`in_channel=${org.secret.id}&name=`, org.carol.token);
    expect(secret.status).toBe(403);
    const otherTeam = await call<{id: string}>(sim, 'POST', '/api/v4/teams', {token: org.admin.token, body: {name: 'other', display_name: 'Other', type: 'O'}});
    expect((await autocomplete(`in_team=${otherTeam.body.id}&name=`, org.alice.token)).status).toBe(403);
  });

  it('leaves out deactivated users and never matches or shows emails to others', async () => {
    deactivateUser(sim.ctx, org.bob.user.id);
    expect((await autocomplete(`in_team=${org.team.id}&name=bob`)).body.users).toEqual([]);
    const carol = (await autocomplete(`in_team=${org.team.id}&name=carol@`)).body.users;
    expect(carol).toEqual([]);
    const listed = (await autocomplete(`in_team=${org.team.id}&name=car`)).body.users[0];
    expect(listed).toMatchObject({username: 'carol', first_name: 'carol', last_name: 'Tester'});
    expect(listed).not.toHaveProperty('password');
  });

  it('searches full names only when PrivacySettings.ShowFullName allows it (admins always), and hides them', async () => {
    sim.ctx.config = {...sim.ctx.config, PrivacySettings: {...sim.ctx.config.PrivacySettings, ShowFullName: false}};
    expect((await autocomplete(`in_team=${org.team.id}&name=tester`)).body.users).toEqual([]);
    const carol = (await autocomplete(`in_team=${org.team.id}&name=carol`)).body.users[0];
    expect(carol).toMatchObject({username: 'carol', first_name: '', last_name: ''});
    expect((await autocomplete(`in_team=${org.team.id}&name=tester`, org.admin.token)).body.users).toHaveLength(5);
  });

  it('caps the answer at limit (default 100, at most 1000)', async () => {
    expect(usernames((await autocomplete(`in_team=${org.team.id}&name=&limit=2`)).body.users)).toEqual(['admin', 'alice']);
    expect((await autocomplete(`in_team=${org.team.id}&name=&limit=5000`)).body.users).toHaveLength(5);
  });

  it('needs a session (401)', async () => {
    expect((await call(sim, 'GET', `/api/v4/users/autocomplete?in_team=${org.team.id}&name=a`)).status).toBe(401);
  });
});
