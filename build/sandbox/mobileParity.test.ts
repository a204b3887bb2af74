import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {type RunningSandbox, startSandbox} from './sandbox';
import {type DirectPost, sandboxClient} from './sandboxClient';

// Mobile parity: webapp plugins never render in the Mattermost mobile app, so
// a whole workflow must run on what it does show — slash commands, the bot's
// DM buttons and dialogs. A 3-step run goes from start to finish here without
// the webapp (the template is configured once through the API beforehand).

describe('a workflow on the mobile app’s means only', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-mobile-'));
    sandbox = await startSandbox({dataDir, logLevel: 'silent'});
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dataDir, {recursive: true, force: true});
  });

  const client = () => sandboxClient(sandbox);
  const userId = (username: string) => client().userId(username);
  const asUser = (username: string, path: string, body: unknown) => client().mattermost(username, 'POST', path, body);
  const slash = async (username: string, command: string) => (await client().slash(username, command)).text ?? '';
  const noticeFor = async (username: string, taskKey: string): Promise<DirectPost> =>
    (await client().dmsWhen(username, (posts) => posts.some((post) => post.message.includes(taskKey)))).find((post) => post.message.includes(taskKey))!;

  it('starts with a command, moves on with buttons and commands, and tells the requester when it is done', async () => {
    const token = await client().sessionToken('admin');
    const template = await fetch(`${sandbox.bridge.url}/api/v1/workflows`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${token}`, 'Content-Type': 'application/json'},
      body: JSON.stringify({
        name: 'Office action response',
        steps: [
          {name: 'Draft response', assignee: {kind: 'role', role: 'attorney'}, deadlines: [{kind: 'internal', from: 'step_start', businessDays: 3}]},
          {name: 'Review', assignee: {kind: 'chosen'}},
          {name: 'File with the JPO', assignee: {kind: 'user', userId: userId('ivanova')}},
        ],
      }),
    });
    expect(template.status).toBe(201);

    // 1. The docketing clerk starts the run from the channel.
    expect(await slash('tanaka', '/task workflow start Office action response case:P-2026-0142 attorney:@sato')).toContain('Office action response: P-2026-0142');
    const mine = await slash('sato', '/task mine');
    const draftKey = /\*\*(PATENT-\d+)\*\* Draft response/.exec(mine)?.[1] ?? '';
    expect(draftKey).not.toBe('');

    // 2. The attorney accepts with the DM's button, then finishes with a command naming the reviewer.
    const draftNotice = await noticeFor('sato', draftKey);
    expect((await asUser('sato', `/posts/${draftNotice.id}/actions/accept`, {})).status).toBe(200);
    expect(await slash('sato', `/task done ${draftKey} @li Draft attached; claim 3 amended.`)).toContain(draftKey);

    // 3. The reviewer gets the next step, with the comment, and finishes it with the Done button.
    const reviewKey = /\*\*(PATENT-\d+)\*\* Review/.exec(await slash('li', '/task mine'))?.[1] ?? '';
    const reviewNotice = await noticeFor('li', reviewKey);
    expect(reviewNotice.message).toContain('Draft attached; claim 3 amended.');
    expect((await asUser('li', `/posts/${reviewNotice.id}/actions/done`, {})).status).toBe(200);

    // 4. The partner files it: the last step, then the run is complete.
    const filingKey = /\*\*(PATENT-\d+)\*\* File with the JPO/.exec(await slash('ivanova', '/task mine'))?.[1] ?? '';
    await noticeFor('ivanova', filingKey);
    expect(await slash('ivanova', `/task done ${filingKey}`)).toContain(filingKey);
    const completed = (await client().dmsWhen('tanaka', (posts) => posts.some((post) => post.message.includes('P-2026-0142')))).find((post) => post.message.includes('P-2026-0142'));
    expect(completed?.message).toContain('ワークフロー完了');
    expect(await slash('sato', '/task mine')).not.toContain(draftKey);
    // Reminders are set from the phone too, and stats read there.
    expect(await slash('sato', '/task settings digest 08:30')).toContain('08:30');
    expect(await slash('sato', '/task stats this_month')).toContain('####');
  });
});
