import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {until} from '../../server-bridge/src/testing/until';
import {findUserByUsername} from '../mattermost-sim/src/store/store';
import {type RunningSandbox, startSandbox} from './sandbox';
import {sandboxClient} from './sandboxClient';

// Live sync as the running bridge does it, against the simulator over real
// HTTP and WebSocket: the bot listens to Mattermost's events, a deactivated
// holder's open tasks are flagged to their watchers once, the webapp's
// origin may call the API, and a change reaches another person's stream.

describe('live sync in the sandbox', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let client: ReturnType<typeof sandboxClient>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-live-'));
    sandbox = await startSandbox({dataDir, logLevel: 'silent'});
    client = sandboxClient(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dataDir, {recursive: true, force: true});
  });

  it('listens to Mattermost as the bot once setup has stored the connection', async () => {
    const bot = findUserByUsername(sandbox.simulator.ctx.store, 'baton');
    await until(() => sandbox.simulator.ctx.hub.connectionsOf(bot?.id ?? '').length === 1, 'the bot’s WebSocket', 15_000);
  });

  it('tells each watcher, once, that the holder of their open task was deactivated', async () => {
    const created = await client.bridge('sato', 'POST', '/tasks', {title: 'Translate the office action', channelId: client.channelId('patents'), holderId: client.userId('li'), watcherIds: [client.userId('ivanova')]});
    expect(created.status).toBe(201);
    const key = String(created.body.key);
    // Each in their own language (ivanova reads Russian, sato Japanese): the post names the task and its holder.
    const told = (posts: Array<{message: string}>) => posts.filter((post) => post.message.includes(key) && post.message.includes('@li'));
    expect((await client.mattermost('admin', 'PUT', `/users/${client.userId('li')}/active`, {active: false})).status).toBe(200);
    const ivanova = await client.dmsWhen('ivanova', (posts) => told(posts).length > 0);
    expect(told(ivanova)).toHaveLength(1);
    expect(told(await client.dms('sato'))).toHaveLength(1);
    // The same deactivation heard again (a profile edit of the deactivated account) tells nobody twice.
    expect((await client.mattermost('admin', 'PUT', `/users/${client.userId('li')}/patch`, {nickname: 'away'})).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(told(await client.dms('ivanova'))).toHaveLength(1);
  });

  it('lets the Mattermost page’s origin call the API, and nobody else’s', async () => {
    const siteOrigin = new URL(sandbox.simulator.url).origin;
    const headers = async (origin: string) =>
      (await fetch(`${sandbox.bridge.url}/api/v1/tasks`, {method: 'OPTIONS', headers: {origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization'}})).headers;
    expect((await headers(siteOrigin)).get('access-control-allow-origin')).toBe(siteOrigin);
    expect((await headers('https://elsewhere.example')).get('access-control-allow-origin')).toBeNull();
  });

  it('streams a change made by one person to another who may see it', async () => {
    const response = await fetch(`${sandbox.bridge.url}/api/v1/stream`, {headers: {authorization: `Bearer ${await client.sessionToken('tanaka')}`}});
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = '';
    const created = await client.bridge('sato', 'POST', '/tasks', {title: 'Check the priority claim', channelId: client.channelId('patents')});
    while (!text.includes(String(created.body.id))) {
      const {value, done} = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toContain(`event: task.changed\ndata: {"id":"${String(created.body.id)}","key":"${String(created.body.key)}"`);
    await reader.cancel();
  });
});
