import type {RunningSimulator} from '../../../build/mattermost-sim/src/index';
import {addTeamMember, createTeam} from '../../../build/mattermost-sim/src/services/channels';
import {createUser} from '../../../build/mattermost-sim/src/services/users';
import {findUserByUsername} from '../../../build/mattermost-sim/src/store/store';
import type {Team} from '../../../build/mattermost-sim/src/store/entities';
import {call, type Organisation, seedOrganisation, startTestSimulator} from '../../../build/mattermost-sim/src/testKit';
import {readBotIcon} from '../setup/shippedFiles';
import {SetupError, setUpMattermost, type SetupOptions} from './setup';

// `setup` against the Mattermost simulator over real HTTP: what it creates on
// a fresh server, that a second run changes nothing, and what it refuses.

const BRIDGE = 'https://baton.example.com';

describe('setUpMattermost', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  let beta: Team;
  const icon = readBotIcon();

  beforeEach(async () => {
    sim = await startTestSimulator({ServiceSettings: {EnableBotAccountCreation: true}});
    org = seedOrganisation(sim);
    beta = createTeam(sim.ctx, {name: 'beta', display_name: 'Beta'});
    addTeamMember(sim.ctx, beta.id, org.admin.user.id, true);
  });
  afterEach(() => sim.stop());

  const options = (extra: Partial<SetupOptions> = {}): SetupOptions => ({mattermostUrl: sim.url, adminToken: org.admin.token, bridgeUrl: BRIDGE, botIcon: icon, ...extra});
  const bot = () => findUserByUsername(sim.ctx.store, 'baton');
  const tokenRows = () => [...sim.ctx.store.accessTokens.values()].filter((token) => token.user_id === bot()?.id);
  const taskCommands = () => [...sim.ctx.store.commands.values()].filter((command) => command.trigger === 'task' && command.delete_at === 0);

  it('on a fresh server: creates the bot with its icon and the system_admin role, a token, and /task on every team', async () => {
    const result = await setUpMattermost(options());

    expect(bot()).toMatchObject({is_bot: true, first_name: 'Baton', bot_description: 'Tells you when the baton reaches you: tasks, handoffs, deadlines.'});
    expect(bot()?.roles.split(' ')).toEqual(expect.arrayContaining(['system_user', 'system_admin']));
    expect(sim.ctx.store.botIcons.get(bot()?.id ?? '')?.equals(icon)).toBe(true);
    expect(tokenRows()).toHaveLength(1);
    expect(taskCommands().map((command) => [command.team_id, command.url]).sort()).toEqual([
      [beta.id, `${BRIDGE}/mattermost/command`],
      [org.team.id, `${BRIDGE}/mattermost/command`],
    ].sort());
    expect(taskCommands()[0]).toMatchObject({method: 'P', auto_complete: true, auto_complete_desc: expect.stringContaining('Baton'), auto_complete_hint: expect.stringContaining('help')});
    expect(result.connection).toEqual({
      url: sim.url,
      botUserId: bot()?.id,
      botToken: tokenRows()[0]?.token,
      commandTokens: expect.arrayContaining(taskCommands().map((command) => command.token)),
      bridgeUrl: BRIDGE,
      siteUrl: sim.url,
    });
    expect(result.teams.sort()).toEqual(['acme', 'beta']);
    expect(result.changes).toEqual(expect.arrayContaining(['created the bot @baton', "set the bot's icon", 'created the bot access token', 'created /task on team acme', 'created /task on team beta']));
  });

  it('run twice changes nothing: same bot, same token, one token row, the same commands untouched', async () => {
    const first = await setUpMattermost(options());
    const commandsBefore = taskCommands().map((command) => ({...command}));
    const botBefore = {...sim.ctx.store.bots.get(first.connection.botUserId)};

    const second = await setUpMattermost(options({previous: first.connection}));

    expect(second.connection).toEqual(first.connection);
    expect(second.changes).toEqual([]);
    expect(tokenRows()).toHaveLength(1);
    expect(taskCommands()).toEqual(commandsBefore);
    expect(sim.ctx.store.bots.get(first.connection.botUserId)).toEqual(botBefore);
    expect([...sim.ctx.store.users.values()].filter((user) => user.username === 'baton')).toHaveLength(1);
  });

  it('creates a new token only when the stored one no longer works', async () => {
    const first = await setUpMattermost(options());
    for (const token of tokenRows()) sim.ctx.store.accessTokens.set(token.id, {...token, is_active: false});

    const second = await setUpMattermost(options({previous: first.connection}));

    expect(second.connection.botToken).not.toBe(first.connection.botToken);
    expect(second.changes).toEqual(['created a new bot access token (the stored one no longer works)']);
    expect(tokenRows().filter((token) => token.is_active)).toHaveLength(1);
  });

  it('repairs what was changed by hand: a disabled bot, its lost role, a command pointing elsewhere', async () => {
    const first = await setUpMattermost(options());
    const botId = first.connection.botUserId;
    await call(sim, 'PUT', `/api/v4/users/${botId}/roles`, {token: org.admin.token, body: {roles: 'system_user'}});
    await call(sim, 'POST', `/api/v4/bots/${botId}/disable`, {token: org.admin.token});
    const acmeCommand = taskCommands().find((command) => command.team_id === org.team.id);
    await call(sim, 'PUT', `/api/v4/commands/${acmeCommand?.id}`, {token: org.admin.token, body: {...acmeCommand, url: 'https://old.example.com/hook'}});

    const second = await setUpMattermost(options({previous: first.connection}));

    expect(bot()).toMatchObject({delete_at: 0, roles: expect.stringContaining('system_admin')});
    expect(taskCommands().find((command) => command.team_id === org.team.id)?.url).toBe(`${BRIDGE}/mattermost/command`);
    expect(second.changes).toEqual(
      expect.arrayContaining(['enabled the deactivated bot @baton', 'gave the bot the system_admin role', 'updated /task on team acme (it pointed at https://old.example.com/hook)']),
    );
    expect(second.changes.some((change) => change.includes('beta'))).toBe(false);
  });

  it('--team limits /task to the named teams and records them', async () => {
    const result = await setUpMattermost(options({teams: ['beta']}));
    expect(taskCommands().map((command) => command.team_id)).toEqual([beta.id]);
    expect(result.connection.onlyTeamIds).toEqual([beta.id]);
    expect(result.teams).toEqual(['beta']);
  });

  it('refuses an unknown --team, naming the flag and the teams there are', async () => {
    await expect(setUpMattermost(options({teams: ['gamma']}))).rejects.toThrow(new SetupError('--team: no team named gamma; teams on this server: acme, beta'));
    expect(taskCommands()).toEqual([]);
  });

  it("refuses a non-admin's token with a clear message, creating nothing", async () => {
    await expect(setUpMattermost(options({adminToken: org.alice.token}))).rejects.toThrow(
      new SetupError("--admin-token belongs to @alice, who is not a system admin; setup needs a system admin's personal access token."),
    );
    expect(bot()).toBeUndefined();
  });

  it('refuses a token Mattermost does not accept', async () => {
    await expect(setUpMattermost(options({adminToken: 'not-a-token'}))).rejects.toThrow(/--admin-token is not accepted by Mattermost \(401\)/);
  });

  it('says how to allow bot accounts when Mattermost forbids them', async () => {
    sim.ctx.config = {...sim.ctx.config, ServiceSettings: {...sim.ctx.config.ServiceSettings, EnableBotAccountCreation: false}};
    await expect(setUpMattermost(options())).rejects.toThrow(/Enable Bot Account Creation/);
  });

  it('refuses to take over a person called @baton', async () => {
    createUser(sim.ctx, {username: 'baton', password: 'Password1!'});
    await expect(setUpMattermost(options())).rejects.toThrow(/@baton belongs to a person, not a bot/);
  });
});
