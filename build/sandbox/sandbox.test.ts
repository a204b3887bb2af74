import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CONNECTION_SETTING} from '../../server-bridge/src/mattermost/connection';
import {connectToMattermost} from '../../server-bridge/src/mattermost/setup';
import {findChannelByName, findUserByUsername} from '../mattermost-sim/src/store/store';
import {createSession} from '../mattermost-sim/src/services/users';
import {type RunningSandbox, startSandbox} from './sandbox';

// The sandbox is the first place the bridge meets Mattermost (the simulator)
// over real HTTP: setup over REST, then `/task` from a user's client.

describe('the sandbox', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-sandbox-'));
    sandbox = await startSandbox({dataDir, logLevel: 'silent'});
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dataDir, {recursive: true, force: true});
  });

  const ctx = () => sandbox.simulator.ctx;
  const userToken = (username: string) => createSession(ctx(), findUserByUsername(ctx().store, username)?.id ?? '').token;

  it('connects the bridge: the Baton bot is a system admin and /task points at the bridge', async () => {
    const bot = findUserByUsername(ctx().store, 'baton');
    expect(bot?.is_bot).toBe(true);
    expect(bot?.roles).toContain('system_admin');
    const commands = [...ctx().store.commands.values()].filter((command) => command.trigger === 'task' && command.delete_at === 0);
    expect(commands).toHaveLength(1);
    expect(commands[0]?.url).toBe(`${sandbox.bridge.url}/mattermost/command`);
    expect(await sandbox.bridge.settings.get(CONNECTION_SETTING)).toMatchObject({url: sandbox.simulator.url, commandTokens: [commands[0]?.token]});
  });

  it('runs setup idempotently: a second run reuses the bot and the command', async () => {
    const admin = findUserByUsername(ctx().store, 'admin');
    const again = await connectToMattermost({mattermostUrl: sandbox.simulator.url, adminToken: createSession(ctx(), admin?.id ?? '').token, bridgeUrl: sandbox.bridge.url});
    expect([...ctx().store.users.values()].filter((user) => user.username === 'baton')).toHaveLength(1);
    expect([...ctx().store.commands.values()].filter((command) => command.trigger === 'task' && command.delete_at === 0)).toHaveLength(1);
    await sandbox.bridge.settings.set(CONNECTION_SETTING, again);
  });

  it('answers `/task help` from a Japanese user in Japanese, as an ephemeral post', async () => {
    const team = [...ctx().store.teams.values()][0];
    const channel = findChannelByName(ctx().store, team?.id ?? '', 'patents');
    const response = await fetch(`${sandbox.simulator.url}/api/v4/commands/execute`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${userToken('sato')}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({command: '/task help', channel_id: channel?.id, team_id: team?.id}),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({response_type: 'ephemeral', text: expect.stringContaining('バトンを持っているのは誰か')});
    const sato = findUserByUsername(ctx().store, 'sato');
    const ephemeral = ctx().inspection.ephemerals.filter((entry) => entry.user_id === sato?.id).at(-1);
    expect(ephemeral?.post.message).toContain('バトンを持っているのは誰か');
    expect(ephemeral?.post.channel_id).toBe(channel?.id);
  });
});
