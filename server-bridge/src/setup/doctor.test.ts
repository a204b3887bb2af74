import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {applyConfigPatch, type SimConfig} from '../../../build/mattermost-sim/src/config';
import type {RunningSimulator} from '../../../build/mattermost-sim/src/index';
import {addTeamMember, createTeam} from '../../../build/mattermost-sim/src/services/channels';
import {installPlugin} from '../../../build/mattermost-sim/src/services/plugins';
import {call, type Organisation, seedOrganisation, startTestSimulator} from '../../../build/mattermost-sim/src/testKit';
import {startBridge, type RunningBridge} from '../app';
import {loadConfig} from '../config/config';
import {createLogger} from '../logging/logger';
import {CONNECTION_SETTING, type MattermostConnection} from '../mattermost/connection';
import {setUpMattermost} from '../mattermost/setup';
import {openDatabase} from '../storage/database';
import {createSettingsRepository} from '../storage/settingsRepository';
import {type CheckId, type CheckLine, doctorPassed, formatDoctorLines, runDoctor, type DoctorDeps} from './doctor';
import {readBotIcon, readPluginIdentity} from './shippedFiles';

// `doctor` against the simulator and a running bridge over real HTTP: all
// green after setup, then each line broken on purpose, one at a time.

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const {port} = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('baton-bridge doctor', () => {
  let sim: RunningSimulator;
  let org: Organisation;
  let bridge: RunningBridge;
  let dataDir: string;
  let connection: MattermostConnection;
  let healthyConfig: SimConfig;
  const plugin = readPluginIdentity();

  beforeAll(async () => {
    sim = await startTestSimulator({ServiceSettings: {EnableBotAccountCreation: true, AllowedUntrustedInternalConnections: '127.0.0.1'}});
    org = seedOrganisation(sim);
    const beta = createTeam(sim.ctx, {name: 'beta', display_name: 'Beta'});
    addTeamMember(sim.ctx, beta.id, org.admin.user.id, true);
    dataDir = mkdtempSync(join(tmpdir(), 'baton-doctor-'));
    const bundleFile = join(dataDir, 'main.js');
    writeFileSync(bundleFile, 'window.registerPlugin("baton", {});');
    installPlugin(sim.ctx, {manifest: {id: plugin.id, name: 'Baton', version: plugin.version, webapp: {bundle_path: 'webapp/dist/main.js'}}, bundleFile});
    // As an operator does it: setup stores the connection, then the bridge starts on the public URL's port.
    const port = await freePort();
    const config = loadConfig({env: {BATON_PORT: String(port), BATON_DATA_DIR: join(dataDir, 'data'), BATON_LOG_LEVEL: 'silent'}, readFile: () => ''});
    connection = (await setUpMattermost({mattermostUrl: sim.url, adminToken: org.admin.token, bridgeUrl: `http://127.0.0.1:${port}`, botIcon: readBotIcon()})).connection;
    const database = await openDatabase(config.storage);
    await createSettingsRepository(database.db).set(CONNECTION_SETTING, connection);
    await database.close();
    bridge = await startBridge(config, createLogger('silent'));
    healthyConfig = sim.ctx.config;
  });
  afterEach(() => {
    sim.ctx.config = healthyConfig;
    sim.ctx.serverVersion = '11.1.0';
  });
  afterAll(async () => {
    await bridge?.stop();
    await sim?.stop();
    rmSync(dataDir, {recursive: true, force: true});
  });

  const doctor = (extra: Partial<DoctorDeps> = {}) => runDoctor({connection, plugin, ...extra});
  const line = (lines: CheckLine[], id: CheckId) => lines.find((entry) => entry.id === id);
  const failing = (lines: CheckLine[]) => lines.filter((entry) => entry.status === 'fail').map((entry) => entry.id);
  const botId = () => connection.botUserId;
  const acmeCommand = () => [...sim.ctx.store.commands.values()].find((command) => command.team_id === org.team.id && command.trigger === 'task');

  it('is all green on a correct setup, one line per check, and passes', async () => {
    const lines = await doctor();
    expect(line(lines, 'roundTrip')?.text).toBe(`Mattermost reached the bridge: /task help on team acme came back from ${bridge.url}`);
    expect(lines.map((entry) => [entry.id, entry.status])).toEqual([
      ['reachable', 'ok'],
      ['version', 'ok'],
      ['clock', 'ok'],
      ['bot', 'ok'],
      ['siteUrl', 'ok'],
      ['untrusted', 'ok'],
      ['commands', 'ok'],
      ['roundTrip', 'ok'],
      ['plugin', 'ok'],
    ]);
    expect(doctorPassed(lines)).toBe(true);
    expect(formatDoctorLines(lines)).toContain(`✓ plugin: plugin ${plugin.id} ${plugin.version} is installed and enabled`);
    expect(formatDoctorLines(lines).join('\n')).not.toContain(connection.botToken);
  });

  it('says to run setup when no connection is stored', async () => {
    const lines = await runDoctor({connection: undefined, plugin});
    expect(formatDoctorLines(lines)).toEqual(['✗ setup: no Mattermost connection is stored', '    fix: run `baton-bridge setup --mattermost-url … --admin-token … --public-url …`.']);
    expect(doctorPassed(lines)).toBe(false);
  });

  it('fails "Mattermost reachable" when Mattermost is down, and checks nothing else', async () => {
    const lines = await doctor({connection: {...connection, url: `http://127.0.0.1:${await freePort()}`}});

    expect(line(lines, 'reachable')).toMatchObject({status: 'fail', text: expect.stringContaining('ECONNREFUSED'), fix: expect.stringContaining('start Mattermost')});
    expect(lines.filter((entry) => entry.id !== 'reachable').every((entry) => entry.status === 'skipped')).toBe(true);
    expect(doctorPassed(lines)).toBe(false);
  });

  it('fails the version line on a Mattermost older than 11.1', async () => {
    sim.ctx.serverVersion = '10.11.4';
    const lines = await doctor();
    expect(failing(lines)).toEqual(['version']);
    expect(line(lines, 'version')).toMatchObject({text: 'Mattermost 10.11.4 is older than 11.1', fix: expect.stringContaining('upgrade Mattermost to 11.1')});
  });

  it("warns (without failing) when this machine's clock is more than 60 s off Mattermost's Date header", async () => {
    const lines = await doctor({now: () => Date.now() + 5 * 60_000});
    expect(line(lines, 'clock')).toMatchObject({status: 'warn', text: expect.stringMatching(/^this machine's clock is 30\d s ahead of Mattermost's$/), fix: expect.stringContaining('NTP')});
    expect(doctorPassed(lines)).toBe(true);
    expect(line(await doctor({now: () => Date.now() + 30_000}), 'clock')?.status).toBe('ok');
  });

  it('fails the SiteURL line when SiteURL is empty', async () => {
    // Mattermost refuses to clear a SiteURL over the API, so the test edits the config directly.
    sim.ctx.config = applyConfigPatch(sim.ctx.config, {ServiceSettings: {SiteURL: ''}});
    const lines = await doctor();
    expect(line(lines, 'siteUrl')).toMatchObject({status: 'fail', text: expect.stringContaining('SiteURL is not set'), fix: expect.stringContaining('Site URL')});
    // Mattermost itself refuses custom commands without it.
    expect(line(lines, 'roundTrip')?.text).toContain('SiteURL must be configured');
  });

  it('fails the AllowedUntrustedInternalConnections line when it does not cover the loopback bridge', async () => {
    const patched = await call(sim, 'PUT', '/api/v4/config/patch', {token: org.admin.token, body: {ServiceSettings: {AllowedUntrustedInternalConnections: '10.0.0.0/8'}}});
    expect(patched.status).toBe(200);
    const lines = await doctor();
    expect(line(lines, 'untrusted')).toMatchObject({
      status: 'fail',
      text: 'the bridge host 127.0.0.1 is private or loopback (127.0.0.1) and AllowedUntrustedInternalConnections ("10.0.0.0/8") does not cover it: Mattermost will refuse to call the bridge',
      fix: 'add 127.0.0.1 to System Console › Environment › Developer › Allow untrusted internal connections to (ServiceSettings.AllowedUntrustedInternalConnections).',
    });
    // And indeed Mattermost does not call it.
    expect(line(lines, 'roundTrip')?.text).toContain('address forbidden');
  });

  it('fails the bot line when the bot lost its system_admin role', async () => {
    await call(sim, 'PUT', `/api/v4/users/${botId()}/roles`, {token: org.admin.token, body: {roles: 'system_user'}});
    try {
      const lines = await doctor();
      expect(failing(lines)).toEqual(['bot']);
      expect(line(lines, 'bot')).toMatchObject({text: expect.stringContaining('lacks the system_admin role'), fix: expect.stringContaining('run `baton-bridge setup` again')});
    } finally {
      await call(sim, 'PUT', `/api/v4/users/${botId()}/roles`, {token: org.admin.token, body: {roles: 'system_user system_admin'}});
    }
  });

  it("fails the bot line when Mattermost refuses the bot's token", async () => {
    const lines = await doctor({connection: {...connection, botToken: 'revoked-token'}});
    expect(failing(lines)).toEqual(['bot']);
    expect(line(lines, 'bot')?.text).toContain("refuses the bot's access token");
  });

  it('fails the commands line when /task on a team points elsewhere (the round trip still works through another team)', async () => {
    const original = acmeCommand();
    await call(sim, 'PUT', `/api/v4/commands/${original?.id}`, {token: org.admin.token, body: {...original, url: 'https://elsewhere.example.com/hook'}});
    try {
      const lines = await doctor();
      expect(failing(lines)).toEqual(['commands']);
      expect(line(lines, 'commands')).toMatchObject({
        text: `/task on team acme points at https://elsewhere.example.com/hook (expected ${bridge.url}/mattermost/command)`,
        fix: expect.stringContaining('run `baton-bridge setup` again'),
      });
      expect(line(lines, 'roundTrip')?.text).toContain('team beta');
    } finally {
      await call(sim, 'PUT', `/api/v4/commands/${original?.id}`, {token: org.admin.token, body: original});
    }
  });

  describe('the round trip through Mattermost', () => {
    let stranger: Server;
    let strangerUrl: string;
    beforeAll(async () => {
      stranger = createServer((_request, response) => {
        response.setHeader('Content-Type', 'application/json');
        response.end(JSON.stringify({response_type: 'ephemeral', text: 'Some other service'}));
      });
      await new Promise<void>((resolve) => stranger.listen(0, '127.0.0.1', resolve));
      strangerUrl = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((resolve) => stranger.close(resolve)));

    /** Points every /task at `url` (and the stored connection with it), so only the round trip can tell. */
    async function withCommandsAt(url: string, check: (lines: CheckLine[]) => void): Promise<void> {
      const originals = [...sim.ctx.store.commands.values()].filter((command) => command.trigger === 'task').map((command) => ({...command}));
      for (const command of originals) sim.ctx.store.commands.set(command.id, {...command, url: `${url}/mattermost/command`});
      try {
        check(await doctor({connection: {...connection, bridgeUrl: url}}));
      } finally {
        for (const command of originals) sim.ctx.store.commands.set(command.id, command);
      }
    }

    it('fails when nothing answers at the public URL', async () => {
      const url = `http://127.0.0.1:${await freePort()}`;
      await withCommandsAt(url, (lines) => {
        expect(failing(lines)).toEqual(['roundTrip']);
        expect(line(lines, 'roundTrip')).toMatchObject({
          text: expect.stringContaining(`Mattermost could not get an answer from ${url}/mattermost/command: Mattermost answered 500`),
          fix: expect.stringContaining('start `baton-bridge serve`'),
        });
      });
    });

    it('fails when something other than this bridge answers', async () => {
      await withCommandsAt(strangerUrl, (lines) => {
        expect(failing(lines)).toEqual(['roundTrip']);
        expect(line(lines, 'roundTrip')?.text).toBe('/task help was answered, but not by Baton: "Some other service"');
      });
    });
  });

  it('fails the plugin line when the plugin is disabled, not installed, or another version', async () => {
    await call(sim, 'POST', `/api/v4/plugins/${plugin.id}/disable`, {token: org.admin.token});
    const disabled = await doctor();
    await call(sim, 'POST', `/api/v4/plugins/${plugin.id}/enable`, {token: org.admin.token});
    expect(failing(disabled)).toEqual(['plugin']);
    expect(line(disabled, 'plugin')).toMatchObject({text: `the plugin ${plugin.id} is installed but disabled`, fix: expect.stringContaining('Plugin Management')});

    const other = await doctor({plugin: {id: plugin.id, version: '99.0.0'}});
    expect(line(other, 'plugin')).toMatchObject({status: 'fail', text: `the plugin ${plugin.id} ${plugin.version} is enabled, but this bridge is 99.0.0`, fix: expect.stringContaining(`dist/${plugin.id}-99.0.0.tar.gz`)});

    const missing = await doctor({plugin: {id: 'com.example.other', version: '1.0.0'}});
    expect(line(missing, 'plugin')?.text).toBe('the plugin com.example.other is not installed');

    sim.ctx.config = applyConfigPatch(sim.ctx.config, {PluginSettings: {Enable: false}});
    expect(line(await doctor(), 'plugin')).toMatchObject({status: 'fail', text: 'plugins are disabled on this server'});
  });
});
