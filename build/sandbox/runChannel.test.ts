import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Channel, Post} from '../mattermost-sim/src/store/entities';
import {channelMemberIds} from '../mattermost-sim/src/store/store';
import {type RunningSandbox, startSandbox} from './sandbox';
import {sandboxClient} from './sandboxClient';

// A workflow run with its own channel, end to end over real HTTP: the run is
// started through the bridge's API, the bridge's delivery worker creates the
// private channel in Mattermost with the run's people, and every baton pass
// and the run's completion are announced there and, with channel notices on,
// in the run's channel.

describe('a workflow run with a run channel', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-run-channel-'));
    sandbox = await startSandbox({dataDir, logLevel: 'silent'});
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dataDir, {recursive: true, force: true});
  });

  const client = () => sandboxClient(sandbox);
  const ctx = () => sandbox.simulator.ctx;
  const userId = (username: string) => client().userId(username);
  const teamId = () => client().teamId();
  const channelId = (name: string) => client().channelId(name);
  /** A bridge call that must succeed; its JSON body. */
  async function bridge(username: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const answer = await client().bridge(username, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }
  async function eventually<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, attempts = 150): Promise<T> {
    for (let attempt = 0; attempt < attempts; attempt += 1) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  const runChannel = (): Channel | undefined => [...ctx().store.channels.values()].find((channel) => channel.name.startsWith('baton-p-2026-0142-'));
  const botLines = (channel: string): Post[] =>
    [...ctx().store.posts.values()].filter((post) => post.channel_id === channel && post.user_id === userId('baton') && post.message.endsWith('#baton')).sort((a, b) => a.create_at - b.create_at);
  const linesSaying = (channel: string, count: number) => eventually(`${count} line(s) in ${channel}`, () => (botLines(channel).length >= count ? botLines(channel) : undefined));

  it('starts once the bridge takes sessions (it asks Mattermost whether the account is active)', async () => {
    const ready = await eventually('the bridge to take sessions', async () => {
      try {
        return await bridge('tanaka', 'GET', '/workflows');
      } catch {
        return undefined;
      }
    }, 300);
    expect(ready).toMatchObject({items: []});
  });

  it('creates the private channel with the run’s people and announces every baton pass and the completion there and in the channel', async () => {
    const patents = channelId('patents');
    await bridge('admin', 'PATCH', `/channels/${patents}/settings`, {notices: {handoffs: true}});
    await bridge('tanaka', 'POST', '/workflows', {
      name: 'Office action response',
      steps: [
        {name: 'Draft response', assignee: {kind: 'role', role: 'attorney'}},
        {name: 'Translate', assignee: {kind: 'chosen'}},
        {name: 'Report to client', assignee: {kind: 'requester'}},
      ],
    });
    const run = await bridge('tanaka', 'POST', '/workflows/office%20action%20response/runs', {
      channelId: patents,
      caseRef: {id: 'P-2026-0142', url: 'https://ip.example/cases/P-2026-0142'},
      roles: {attorney: userId('sato')},
      runChannel: true,
    });
    const steps = run.steps as Array<{taskId: string; taskKey: string}>;

    // The bridge records the channel only once its members are in, so the members are checked after that.
    const recorded = await eventually('the run to record its channel', async () => ((await bridge('sato', 'GET', `/runs/${String(run.id)}`)).runChannel as {channelId: string | null}).channelId ?? undefined);
    const made = runChannel();
    expect(made).toMatchObject({id: recorded, type: 'P', team_id: teamId(), display_name: 'Office action response: P-2026-0142'});
    if (!made) throw new Error('no run channel');
    expect(channelMemberIds(ctx().store, made.id).sort()).toEqual([userId('baton'), userId('sato'), userId('tanaka')].sort());

    // The first step reached sato: one line in the run channel, one in patents (notices on).
    const [first] = await linesSaying(made.id, 1);
    expect(first?.message).toContain(steps[0]?.taskKey);
    expect(first?.message).toContain('the baton passed from @\u2060tanaka to @\u2060sato');
    expect((await linesSaying(patents, 1)).map((post) => post.message)).toContain(first?.message);

    // Sato chooses li for the translation: li joins the run channel when the baton reaches them.
    await bridge('sato', 'POST', `/tasks/${steps[0]?.taskKey}/transition`, {statusId: 'done', nextHolderId: userId('li')});
    const [, second] = await linesSaying(made.id, 2);
    expect(second?.message).toContain('to @\u2060li');
    expect(channelMemberIds(ctx().store, made.id)).toContain(userId('li'));

    await bridge('li', 'POST', `/tasks/${steps[1]?.taskKey}/transition`, {statusId: 'done'});
    await linesSaying(made.id, 3);
    await bridge('tanaka', 'POST', `/tasks/${steps[2]?.taskKey}/transition`, {statusId: 'done'});
    const all = await linesSaying(made.id, 4);
    expect(all.at(-1)?.message).toMatch(/^Workflow complete: \[Office action response: P-2026-0142\]\(.+\)\. The last step was finished by @\u2060tanaka\. #baton$/);
    expect((await linesSaying(patents, 4)).at(-1)?.message).toBe(all.at(-1)?.message);
    // Still exactly one run channel, and every line once.
    expect([...ctx().store.channels.values()].filter((channel) => channel.name.startsWith('baton-'))).toHaveLength(1);
    expect(new Set(all.map((post) => post.message)).size).toBe(4);
  });
});
