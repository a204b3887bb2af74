import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {faultScale} from '../../server-bridge/src/testing/faultScale';
import {type RunningSandbox, startSandbox} from './sandbox';
import {sandboxClient} from './sandboxClient';

// Reliable delivery through a one-minute Mattermost outage, with the bridge as
// it ships (its own retry backoff, 1 s doubling to 60 s): handoffs made while
// every /api/v4 call answers 503 are committed at once and their DMs arrive
// after Mattermost recovers — none lost, none twice. make test hands off 60
// tasks; make test-faults (BATON_FAULTS=full) the 1,000. The outage
// lasts at least 60 s and until every handoff is committed (it is cleared by
// hand, not by a timer, so a busy machine cannot end it early).

const OUTAGE_MS = 60_000;
const RECEIVERS = ['sato', 'li', 'ivanova', 'smith'];
const HANDOFFS = faultScale(60, 1000);
/**
 * Requests sent at once. One: with 8 at once on the embedded engine, some
 * requests did not answer for over 300 s and the bridge would not stop (seen
 * in this test, 2026-11-23; a suspected wait on PGlite's single connection,
 * not yet diagnosed). Raise this once that is found.
 */
const IN_FLIGHT = 1;

describe('a 60 s Mattermost outage during handoffs', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let client: ReturnType<typeof sandboxClient>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-outage-'));
    sandbox = await startSandbox({dataDir, logLevel: 'silent'});
    client = sandboxClient(sandbox);
  }, 180_000);
  afterAll(async () => {
    if (sandbox) await fetch(`${sandbox.simulator.url}/__sim/faults`, {method: 'DELETE'}).catch(() => undefined);
    await sandbox?.stop();
    rmSync(dataDir, {recursive: true, force: true});
  }, 120_000);

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
    /** Runs `each` over 0 … count-1, IN_FLIGHT at a time. */
    const inParallel = async (count: number, each: (index: number) => Promise<void>) => {
      let next = 0;
      const worker = async () => {
        for (let index = next++; index < count; index = next++) await each(index);
      };
      await Promise.all(Array.from({length: IN_FLIGHT}, worker));
    };
    const keys: string[] = new Array<string>(HANDOFFS);
    await inParallel(HANDOFFS, async (i) => {
      keys[i] = await create(`Outage handoff ${i + 1}`);
    });

    const fault = await fetch(`${sandbox.simulator.url}/__sim/faults`, {method: 'POST', body: JSON.stringify({status: 503})});
    expect(fault.status).toBe(201);
    const outageStartedAt = Date.now();
    const expected = new Map<string, string[]>(RECEIVERS.map((receiver) => [receiver, []]));
    await inParallel(HANDOFFS, async (i) => {
      const key = keys[i]!;
      const receiver = RECEIVERS[i % RECEIVERS.length]!;
      const handoff = await client.bridge('tanaka', 'POST', `/tasks/${key}/handoff`, {toUserId: client.userId(receiver), comment: `Outage ${i + 1}`});
      expect({key, status: handoff.status, holderId: handoff.body.holderId}).toEqual({key, status: 200, holderId: client.userId(receiver)});
      expected.get(receiver)!.push(key);
    });
    // Every state change was committed while Mattermost was down, and nothing reached it.
    const during = await Promise.all(RECEIVERS.map((receiver) => client.dms(receiver)));
    expect(during.flat().filter((post) => keys.some((key) => post.message.includes(key)))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, outageStartedAt + OUTAGE_MS - Date.now())));
    expect((await fetch(`${sandbox.simulator.url}/__sim/faults`, {method: 'DELETE'})).ok).toBe(true);
    const outageEndedAt = Date.now();

    // After: each receiver has exactly one DM per task handed to them, and
    // none about the others' tasks. The last retry before recovery may have
    // been scheduled up to the 60 s cap; then the backlog drains.
    const deliveredBy = outageEndedAt + 75_000 + HANDOFFS * 200;
    const taskKeysIn = (message: string) => new Set(message.match(/\b[A-Z][A-Z0-9]*-\d+\b/g) ?? []);
    for (const receiver of RECEIVERS) {
      const mine = expected.get(receiver)!;
      const posts = await client.dmsWhen(receiver, (all) => mine.every((key) => all.some((post) => taskKeysIn(post.message).has(key))), Math.max(1_000, deliveredBy - Date.now()));
      for (const key of keys) {
        const copies = posts.filter((post) => taskKeysIn(post.message).has(key)).length;
        expect({key, copies}).toEqual({key, copies: mine.includes(key) ? 1 : 0});
      }
    }
  }, faultScale(240_000, 900_000));
});
