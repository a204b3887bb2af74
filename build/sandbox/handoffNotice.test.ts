import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {type RunningSandbox, startSandbox} from './sandbox';
import {type DirectPost, type OpenedDialog, recordOpenedDialogs, sandboxClient} from './sandboxClient';

// The product's signature, end to end over real HTTP: a handoff through the
// bridge's API becomes a DM from the Baton bot (in the receiver's language),
// and its buttons work the way the mobile app uses them — a click goes from
// Mattermost to the bridge, a dialog opens, its submission changes the task.

describe('handoff notices in Mattermost', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let dialogs: OpenedDialog[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-handoff-'));
    sandbox = await startSandbox({dataDir, logLevel: 'silent'});
    dialogs = recordOpenedDialogs(sandbox);
  });
  afterAll(async () => {
    await sandbox?.stop();
    rmSync(dataDir, {recursive: true, force: true});
  });

  const client = () => sandboxClient(sandbox);
  const ctx = () => client().ctx();
  const userId = (username: string) => client().userId(username);
  const teamId = () => client().teamId();
  const channelId = (name: string) => client().channelId(name);
  const mattermost = (username: string, path: string, body: unknown) => client().mattermost(username, 'POST', path, body);
  const bridge = async (username: string, method: string, path: string, body?: unknown) => (await client().bridge(username, method, path, body)).body;
  const dmsTo = (username: string, count: number) => client().dmsWhen(username, (posts) => posts.length >= count);
  const buttonsOf = (post: DirectPost) => post.props.attachments?.[0]?.actions?.map((action) => action.id) ?? [];

  it('DMs the new holder in their language, with the task, the sender, the deadline, the comment and buttons', async () => {
    const patents = channelId('patents');
    const task = await bridge('tanaka', 'POST', '/tasks', {title: '拒絶理由通知への応答', channelId: patents, caseRef: {id: 'P-2026-0142', url: 'https://ip.example/P-2026-0142'}, deadlines: [{kind: 'legal', due: '2027-01-20'}]});
    await bridge('tanaka', 'POST', `/tasks/${String(task.key)}/handoff`, {toUserId: userId('sato'), comment: '引用文献2の検討をお願いします。'});
    const [notice] = await dmsTo('sato', 1);
    expect(notice?.message).toContain(String(task.key));
    expect(notice?.message).toContain('@tanaka');
    expect(notice?.message).toContain('> 引用文献2の検討をお願いします。');
    expect(notice?.message).toContain('#baton');
    expect(notice?.props.attachments?.[0]?.fields?.[0]?.title).toContain('法定期限');
    expect(buttonsOf(notice!)).toEqual(['accept', 'done', 'handoff', 'decline']);
  });

  it('accepts with the Accept button: the task is in progress and the notice keeps only the buttons that still apply', async () => {
    const [notice] = await dmsTo('sato', 1);
    const click = await mattermost('sato', `/posts/${notice!.id}/actions/accept`, {});
    expect(click.status).toBe(200);
    const task = await bridge('sato', 'GET', `/tasks/${/PATENT-\d+/.exec(notice!.message)?.[0]}`);
    expect(task).toMatchObject({status: {id: 'in_progress'}, holderId: userId('sato'), acceptedAt: expect.any(String)});
    const [updated] = await dmsTo('sato', 1);
    expect(buttonsOf(updated!)).toEqual(['done', 'handoff']);
    expect(updated?.props.attachments?.[0]?.footer).toMatch(/^引き受け済み · /);
    // The same click again changes nothing.
    await mattermost('sato', `/posts/${notice!.id}/actions/accept`, {});
    expect((await bridge('sato', 'GET', `/tasks/${String(task.key)}`)).version).toBe(task.version);
  });

  it('declines through the dialog the Decline button opens: a reason is required, then the baton goes back with it', async () => {
    const patents = channelId('patents');
    const task = await bridge('tanaka', 'POST', '/tasks', {title: 'Translate claims 1–5', channelId: patents});
    await bridge('tanaka', 'POST', `/tasks/${String(task.key)}/handoff`, {toUserId: userId('li')});
    const [notice] = await dmsTo('li', 1);
    await mattermost('li', `/posts/${notice!.id}/actions/decline`, {});
    const opened = dialogs.find((each) => each.userId === userId('li'));
    expect(opened?.dialog.dialog.callback_id).toBe('baton_decline');
    const submit = (reason: string) =>
      mattermost('li', '/actions/dialogs/submit', {
        url: opened!.dialog.url,
        callback_id: 'baton_decline',
        state: opened!.dialog.dialog.state,
        user_id: userId('li'),
        channel_id: channelId('patents'),
        team_id: teamId(),
        submission: {reason},
        cancelled: false,
      });
    const empty = await submit('   ');
    expect(await empty.json()).toEqual({errors: {reason: expect.any(String)}});
    expect((await bridge('li', 'GET', `/tasks/${String(task.key)}`)).holderId).toBe(userId('li'));
    expect((await submit('Not my language pair.')).status).toBe(200);
    expect(await bridge('tanaka', 'GET', `/tasks/${String(task.key)}`)).toMatchObject({holderId: userId('tanaka')});
    const [declinedNotice] = (await dmsTo('tanaka', 1)).filter((post) => post.message.includes(String(task.key)));
    expect(declinedNotice?.message).toContain('Not my language pair.');
  });

  it('refuses a click whose context was tampered with', async () => {
    const [notice] = await dmsTo('sato', 1);
    const stored = ctx().store.posts.get(notice!.id) as unknown as {props: {attachments: Array<{actions: Array<{id: string; integration: {context: {payload: {u: string}}}}>}>}};
    const done = stored.props.attachments[0]!.actions.find((action) => action.id === 'done')!;
    done.integration.context.payload.u = userId('tanaka');
    const response = await fetch(`${sandbox.bridge.url}/mattermost/actions`, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({user_id: userId('tanaka'), post_id: notice!.id, context: done.integration.context})});
    expect(await response.json()).toEqual({ephemeral_text: expect.stringContaining('使用できません')});
  });
});
