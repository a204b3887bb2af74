import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {type RunningSandbox, startSandbox} from './sandbox';
import {sandboxClient} from './sandboxClient';

// Reliable delivery through a one-minute Mattermost outage, with the bridge as
// it ships (its own retry backoff, 1 s doubling to 60 s): handoffs made while
// every /api/v4 call answers 503 are committed at once and their DMs arrive
// after Mattermost recovers — none lost, none twice.

const OUTAGE_MS = 60_000;
const RECEIVERS = ['sato', 'li', 'ivanova', 'smith'];
const HANDOFFS = 60;

describe('a 60 s Mattermost outage during handoffs', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let client: ReturnType<typeof sandboxClient>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-outage-'));
    sandbox = await startSandbox({dataDir, logLevel: 'silent'});
    client = sandboxClient(sandbox);
  });
  afterAll(async () => {
    await fetch(`${sandbox.simulator.url}/__sim/faults`, {method: 'DELETE'}).catch(() => undefined);
    await sandbox?.stop();
    rmSync(dataDir, {recursive: true, force: true});
  });

  it('delivers every handoff DM exactly once after Mattermost comes back', async () => {
    const patents = client.channelId('patents');
    const create = async (title: string) => {
      const created = await client.bridge('tanaka', 'POST', '/tasks', {title, channelId: patents});
      expect(created.status).toBe(201);
      return String(created.body.key);
    };
    // Before the outage: one handoff to each receiver, so the bridge has met
    // everyone (handing off needs channel membership; while Mattermost is
    // down the bridge answers from what it last learnt).
    await client.bridgeListening();
    for (const receiver of RECEIVERS) {
      const key = await create(`Warm-up for ${receiver}`);
      expect((await client.bridge('tanaka', 'POST', `/tasks/${key}/handoff`, {toUserId: client.userId(receiver)})).status).toBe(200);
      await client.dmsWhen(receiver, (posts) => posts.some((post) => post.message.includes(key)));
    }
    const keys: string[] = [];
    for (let i = 0; i < HANDOFFS; i += 1) keys.push(await create(`Outage handoff ${i + 1}`));

    const fault = await fetch(`${sandbox.simulator.url}/__sim/faults`, {method: 'POST', body: JSON.stringify({status: 503, durationMs: OUTAGE_MS})});
    expect(fault.status).toBe(201);
    const outageEndsAt = Date.now() + OUTAGE_MS;
    const expected = new Map<string, string[]>(RECEIVERS.map((receiver) => [receiver, []]));
    for (const [i, key] of keys.entries()) {
      const receiver = RECEIVERS[i % RECEIVERS.length]!;
      const handoff = await client.bridge('tanaka', 'POST', `/tasks/${key}/handoff`, {toUserId: client.userId(receiver), comment: `Outage ${i + 1}`});
      expect(handoff.status).toBe(200);
      expect(handoff.body.holderId).toBe(client.userId(receiver));
      expected.get(receiver)!.push(key);
    }
    // Every state change was committed while Mattermost was down.
    expect(Date.now()).toBeLessThan(outageEndsAt);
    const during = await Promise.all(RECEIVERS.map((receiver) => client.dms(receiver)));
    expect(during.flat().filter((post) => keys.some((key) => post.message.includes(key)))).toEqual([]);

    // After: each receiver has exactly one DM per task handed to them, and
    // none about the others' tasks. The last retry before recovery may have
    // been scheduled up to the 60 s cap.
    const deliveredBy = outageEndsAt + 75_000;
    const taskKeysIn = (message: string) => new Set(message.match(/\b[A-Z][A-Z0-9]*-\d+\b/g) ?? []);
    for (const receiver of RECEIVERS) {
      const mine = expected.get(receiver)!;
      const posts = await client.dmsWhen(receiver, (all) => mine.every((key) => all.some((post) => taskKeysIn(post.message).has(key))), Math.max(1_000, deliveredBy - Date.now()));
      for (const key of keys) {
        const copies = posts.filter((post) => taskKeysIn(post.message).has(key)).length;
        expect({key, copies}).toEqual({key, copies: mine.includes(key) ? 1 : 0});
      }
    }
    const faults = (await (await fetch(`${sandbox.simulator.url}/__sim/faults`)).json()) as Array<{hits: number}>;
    expect(faults).toEqual([]);
  }, 200_000);
});
