import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {deactivateUser} from '../mattermost-sim/src/services/users';
import {type RunningSandbox, startSandbox} from './sandbox';
import {type OpenedDialog, recordOpenedDialogs, sandboxClient} from './sandboxClient';

// `/task` end to end over real HTTP: people type commands in the simulator,
// Mattermost calls the bridge, the reply comes back in the person's language.
// Creating tasks (by command and by the form), deadlines, the channel's list,
// its board, search, and the webapp's session handshake (`/task connect`).

interface CommandResponse {
  response_type: string;
  text: string;
  props: Record<string, unknown> | null;
}

describe('/task in Mattermost', () => {
  let sandbox: RunningSandbox;
  let dataDir: string;
  let dialogs: OpenedDialog[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-task-command-'));
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
  const patents = () => client().channelId('patents');
  const asUser = (username: string, path: string, body: unknown) => client().mattermost(username, 'POST', path, body);
  async function execute(username: string, command: string): Promise<CommandResponse> {
    const response = await asUser(username, '/commands/execute', {command, channel_id: patents(), team_id: teamId()});
    expect(response.status).toBe(200);
    return (await response.json()) as CommandResponse;
  }
  const slash = async (username: string, command: string) => (await execute(username, command)).text;
  const api = (token: string, path: string) => fetch(`${sandbox.bridge.url}/api/v1${path}`, {headers: {Authorization: `Bearer ${token}`}});
  /** The admin's session, to read back what the commands did through the REST API. */
  const adminToken = () => client().sessionToken('admin');
  async function taskByKey(key: string): Promise<Record<string, unknown>> {
    const response = await api(await adminToken(), `/tasks/${key}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }
  const createdKey = (reply: string) => /PATENT-\d+/.exec(reply)?.[0] ?? '';

  describe('new', () => {
    it('creates a task in the channel with holder, deadlines, labels and case, and says which', async () => {
      // Smith is in New York (en: month first); +2bd counts business days from his today.
      const reply = await slash('smith', '/task new Prior-art search @li due:+2bd legal:12/1/2027 #search case:P-2026-0200');
      expect(reply).toMatch(/^Created PATENT-\d+: Prior-art search: P-2026-0200$/);
      const task = await taskByKey(createdKey(reply));
      expect(task).toMatchObject({title: 'Prior-art search: P-2026-0200', channelId: patents(), holderId: userId('li'), labels: ['search']});
      const deadlines = task.deadlines as Array<{kind: string; dueAt: string; allDay: boolean; timeZone: string}>;
      expect(deadlines.find((deadline) => deadline.kind === 'legal')).toMatchObject({allDay: true, timeZone: 'America/New_York', dueAt: '2027-12-02T04:59:59.999Z'});
      expect(deadlines.map((deadline) => deadline.kind).sort()).toEqual(['internal', 'legal']);
    });

    it('answers in Japanese and reads Japanese dates', async () => {
      const reply = await slash('tanaka', '/task new 拒絶理由の検討 due:2027年1月20日');
      expect(reply).toMatch(/^PATENT-\d+ を作成しました: 拒絶理由の検討$/);
      const task = await taskByKey(createdKey(reply));
      expect(task.deadlines).toEqual([expect.objectContaining({kind: 'internal', dueAt: '2027-01-20T14:59:59.999Z', timeZone: 'Asia/Tokyo'})]);
    });

    it('answers a date it cannot read with the value and the usage line, and creates nothing', async () => {
      const before = await slash('smith', '/task channel');
      expect(await slash('smith', '/task new Never made due:31/12/2027')).toMatch(/^`31\/12\/2027` is not a date: .* Usage: `\/task new <title>/);
      expect(await slash('tanaka', '/task new 作られない legal:2027/13/01')).toMatch(/^`2027\/13\/01` は日付ではありません。.* 使い方: `\/task new <タイトル>/);
      expect(await slash('smith', '/task channel')).toBe(before);
    });

    it('opens the new-task form when typed alone; a bad date keeps it open, a good submission creates the task', async () => {
      expect(await execute('smith', '/task new')).toMatchObject({response_type: 'ephemeral', text: ''});
      const opened = dialogs.find((each) => each.userId === userId('smith') && each.dialog.dialog.callback_id === 'baton_new_task');
      expect(opened?.dialog.dialog.elements.map((element) => element.name)).toEqual(['title', 'holder', 'internal', 'legal', 'customer', 'labels', 'case', 'description']);
      const submit = (submission: Record<string, string>) =>
        asUser('smith', '/actions/dialogs/submit', {
          url: opened!.dialog.url,
          callback_id: 'baton_new_task',
          state: opened!.dialog.dialog.state,
          user_id: userId('smith'),
          channel_id: patents(),
          team_id: teamId(),
          submission,
          cancelled: false,
        });
      const bad = await submit({title: 'Translate the claims', legal: 'next week'});
      expect(await bad.json()).toEqual({errors: {legal: expect.stringContaining('`next week` is not a date')}});
      expect(await slash('smith', '/task search Translate the claims')).toBe('#### Tasks matching “Translate the claims”\nNothing here.');
      const good = await submit({title: 'Translate the claims', holder: userId('li'), legal: '2027-03-31', labels: 'translation'});
      expect(good.status).toBe(200);
      const found = await slash('smith', '/task search Translate the claims');
      expect(found).toMatch(/\*\*PATENT-\d+\*\* Translate the claims/);
      expect(await taskByKey(createdKey(found))).toMatchObject({holderId: userId('li'), labels: ['translation'], deadlines: [expect.objectContaining({kind: 'legal', dueAt: '2027-04-01T03:59:59.999Z'})]});
    });
  });

  describe('due', () => {
    it('sets, replaces and removes a deadline of a task', async () => {
      const key = createdKey(await slash('smith', '/task new Check the fee schedule'));
      expect(await slash('smith', `/task due ${key} customer 2027-02-01`)).toBe(`${key}: Customer deadline is now 2027-02-01.`);
      expect(await slash('smith', `/task due ${key} customer 2027-02-01T17:00`)).toBe(`${key}: Customer deadline is now 2027-02-01 17:00.`);
      expect((await taskByKey(key)).deadlines).toEqual([expect.objectContaining({kind: 'customer', dueAt: '2027-02-01T22:00:00.000Z', allDay: false})]);
      expect(await slash('ivanova', `/task due ${key} customer none`)).toBe(`${key}: Срок клиента снят.`);
      expect((await taskByKey(key)).deadlines).toEqual([]);
    });

    it('answers a bad date and an unknown task in the caller’s language, changing nothing', async () => {
      const key = createdKey(await slash('tanaka', '/task new 期限の確認'));
      expect(await slash('tanaka', `/task due ${key} legal 来週`)).toMatch(/^`来週` は日付ではありません。.* 使い方: `\/task due/);
      expect(await slash('tanaka', '/task due PATENT-999 legal today')).toBe('何も変更されませんでした: タスク PATENT-999 は見つからないか、閲覧できません。');
      expect(await slash('tanaka', `/task due ${key}`)).toMatch(/^使い方: `\/task due/);
      expect((await taskByKey(key)).deadlines).toEqual([]);
    });
  });

  describe('channel, search and board', () => {
    it('lists the channel’s open tasks', async () => {
      const reply = await slash('smith', '/task channel');
      expect(reply.split('\n')[0]).toBe('#### Open tasks in this channel');
      expect(reply).toContain('Prior-art search: P-2026-0200');
      expect(await slash('tanaka', '/task channel')).toMatch(/^#### このチャンネルの未完了タスク\n/);
    });

    it('finds tasks by words, and says why a search is too short', async () => {
      expect(await slash('smith', '/task search prior-art')).toContain('Prior-art search');
      expect(await slash('smith', '/task search zzzz-nothing')).toBe('#### Tasks matching “zzzz-nothing”\nNothing here.');
      expect(await slash('tanaka', '/task search a')).toBe('検索には 2 文字以上続けて入力してください（例: 検索、ab）。');
    });

    it('sums up the board by status', async () => {
      const board = await slash('smith', '/task board');
      expect(board).toMatch(/^#### This channel’s board\n- \*\*Open\*\*: \d+ tasks\n/);
      expect(board.endsWith('The Baton panel shows the full board.')).toBe(true);
      expect(await slash('ivanova', '/task board')).toMatch(/- \*\*Открыта\*\*: \d+ задач/);
      expect(await slash('smith', '/task board now')).toMatch(/^Usage: `\/task board`/);
    });

    it('lists every new subcommand in help, and not connect', async () => {
      const help = await slash('smith', '/task help');
      for (const subcommand of ['new', 'channel', 'board', 'search', 'due']) expect(help).toContain(`\`/task ${subcommand}`);
      expect(help).not.toContain('connect');
    });
  });

  describe('the workflow-start and settings forms', () => {
    /** The last dialog of this kind opened for the person, and a way to submit it as them. */
    function openedDialog(username: string, callbackId: string) {
      const opened = dialogs.filter((each) => each.userId === userId(username) && each.dialog.dialog.callback_id === callbackId).at(-1);
      expect(opened).toBeDefined();
      const submit = async (submission: Record<string, unknown>) => {
        const response = await asUser(username, '/actions/dialogs/submit', {
          url: opened!.dialog.url,
          callback_id: callbackId,
          state: opened!.dialog.dialog.state,
          user_id: userId(username),
          channel_id: patents(),
          team_id: teamId(),
          submission,
          cancelled: false,
        });
        expect(response.status).toBe(200);
        return (await response.json()) as Record<string, unknown>;
      };
      return {elements: opened!.dialog.dialog.elements, submit};
    }

    it('starts a run from the form `/task workflow start` opens: a bad submission keeps it open, a good one hands the first step over', async () => {
      const created = await client().bridge('admin', 'POST', '/workflows', {
        name: 'Prior-art review',
        steps: [
          {name: 'Search the prior art', assignee: {kind: 'role', role: 'searcher'}},
          {name: 'Assess the findings', assignee: {kind: 'chosen'}},
        ],
      });
      expect(created.status).toBe(201);
      expect(await execute('smith', '/task workflow start')).toMatchObject({response_type: 'ephemeral', text: ''});
      const {elements, submit} = openedDialog('smith', 'baton_workflow_start');
      expect(elements.map((element) => element.name)).toEqual(['template', 'case', 'case_url', 'roles', 'run_channel']);
      const template = elements[0]?.options?.find((option) => option.text === 'Prior-art review')?.value ?? '';
      expect(template).toBe(created.body.id);
      // Kim is not in #patents, and there is nobody called jones: the dialog stays open and nothing starts.
      expect(await submit({template, case: 'P-2027-0001', case_url: 'https://ip.example/P-2027-0001', roles: 'searcher:@guest.kim', run_channel: false})).toEqual({errors: {roles: 'The searcher must be a member of this channel.'}});
      expect(await submit({template, roles: 'searcher:@jones'})).toEqual({errors: {roles: '@jones is not a Mattermost user here.'}});
      expect(await submit({template})).toEqual({errors: {roles: 'This template needs someone for the role searcher.'}});
      expect(await submit({template, case: 'P-2027-0001', case_url: 'not a link', roles: 'searcher:@li'})).toEqual({errors: {case_url: expect.stringContaining('http://')}});
      expect(await slash('li', '/task mine')).not.toContain('Search the prior art');
      expect(await submit({template, case: 'P-2027-0001', case_url: 'https://ip.example/P-2027-0001', roles: 'searcher:@Li', run_channel: false})).toEqual({});
      const [notice] = await client().dmsWhen('li', (posts) => posts.some((post) => post.message.includes('Search the prior art')));
      expect(notice).toBeDefined();
      const step = /\*\*(PATENT-\d+)\*\* Search the prior art/.exec(await slash('li', '/task mine'))?.[1] ?? '';
      expect(await taskByKey(step)).toMatchObject({channelId: patents(), holderId: userId('li'), caseRef: {id: 'P-2027-0001', url: 'https://ip.example/P-2027-0001'}});
      // The same submission again does not start a second run.
      expect(await submit({template, case: 'P-2027-0001', case_url: 'https://ip.example/P-2027-0001', roles: 'searcher:@li'})).toEqual({error: 'This was already done.'});
    });

    it('changes the reminder settings from the form `/task settings` opens', async () => {
      expect(await execute('smith', '/task settings')).toMatchObject({response_type: 'ephemeral', text: ''});
      const {elements, submit} = openedDialog('smith', 'baton_settings');
      expect(elements.map((element) => [element.name, element.default])).toEqual([
        ['digest_time', '09:00'],
        ['digest_enabled', 'true'],
        ['weekly_summary', 'true'],
        ['muted', ''],
        ['require_acceptance', 'false'],
      ]);
      expect(await submit({digest_time: '6:45', digest_enabled: true, weekly_summary: true, muted: ''})).toEqual({errors: {digest_time: 'Write a time from 00:00 to 23:59, e.g. 08:30.'}});
      expect(await submit({digest_time: '06:45', digest_enabled: true, weekly_summary: false, muted: 'customer', require_acceptance: false})).toEqual({});
      const settings = await client().bridge('smith', 'GET', '/me/settings');
      expect(settings.body).toMatchObject({digestTime: '06:45', digestEnabled: true, weeklySummary: false, mutedDeadlineKinds: ['customer'], requireAcceptance: false});
    });
  });

  describe('connect', () => {
    it('answers with the bridge URL and a session token in props, which opens the REST API', async () => {
      const response = await execute('smith', '/task connect');
      expect(response).toMatchObject({response_type: 'ephemeral', text: '', props: {baton_url: sandbox.bridge.url, baton_token: expect.any(String), baton_expires_at: expect.any(String)}});
      const props = response.props as {baton_token: string; baton_expires_at: string};
      expect(new Date(props.baton_expires_at).getTime() - Date.now()).toBeGreaterThan(11 * 3_600_000);
      const tasks = await api(props.baton_token, '/tasks?limit=5');
      expect(tasks.status).toBe(200);
      expect(((await tasks.json()) as {items: unknown[]}).items.length).toBeGreaterThan(0);
    });

    it('refuses an expired token', async () => {
      const token = await client().sessionToken('smith', new Date(Date.now() - 13 * 3_600_000));
      const response = await api(token, '/tasks');
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({id: 'baton.unauthorized', details: {reason: 'expired'}});
    });

    it('refuses the token of a user deactivated in Mattermost since it was issued', async () => {
      // Ivanova has not used the REST API yet, so the bridge has no remembered answer about her.
      const {props} = await execute('ivanova', '/task connect');
      const token = (props as {baton_token: string}).baton_token;
      deactivateUser(ctx(), userId('ivanova'));
      const response = await api(token, '/tasks');
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({id: 'baton.unauthorized', details: {reason: 'deactivated'}});
    });
  });
});
