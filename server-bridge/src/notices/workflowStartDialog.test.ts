import type {WorkflowDefinition} from '../contract/workflow';
import type {WorkflowTemplate} from '../domain/workflows/ports';
import type {RunStart} from '../domain/workflows/workflowService';
import {errors} from '../errors';
import {dialogLimitProblems, fakeDialogBot, openAndSubmit} from '../testing/dialogTesting';
import {createHandoffActions, type HandoffActionsDeps} from './handoffActions';
import {createWorkflowStartDialog, type WorkflowStartDialogDeps} from './workflowStartDialog';

// The form `/task workflow start` opens when typed alone (the mobile app's way
// to start a run): what it asks, and what a submission does. The simulator
// run is in build/sandbox/taskCommand.test.ts.

const now = new Date('2026-11-20T00:00:00Z');
const LOCALES = {tanaka: 'ja', chen: 'zh-TW', ivanova: 'ru'};
const usersByName: Record<string, string> = {sato: 'sato-id', li: 'li-id', outsider: 'outsider-id'};

function template(id: string, name: string, steps: WorkflowDefinition['steps']): WorkflowTemplate {
  return {id, name, version: 1, definition: {name, steps} as WorkflowDefinition, createdBy: 'admin', updatedAt: now};
}

const officeAction = template('tpl-oa', 'Office action response', [
  {name: 'Draft response', assignee: {kind: 'role', role: 'attorney'}},
  {name: 'Review', assignee: {kind: 'role', role: 'reviewer'}},
  {name: 'File', assignee: {kind: 'user', userId: 'ivanova'}},
] as WorkflowDefinition['steps']);
const filing = template('tpl-filing', 'Filing', [{name: 'File', assignee: {kind: 'requester'}}] as WorkflowDefinition['steps']);

function setup(overrides: Partial<WorkflowStartDialogDeps> = {}) {
  const started: Array<{templateRef: string; start: RunStart}> = [];
  const bot = fakeDialogBot(LOCALES, 5);
  // The service's own people checks, as workflowService.checkPeople words them.
  const checkRunStart = async (_caller: unknown, templateRef: string, start: RunStart) => {
    const chosen = [officeAction, filing].find((each) => each.id === templateRef);
    if (!chosen) throw errors.notFound(`Workflow template ${templateRef}`);
    const needed = chosen.definition.steps.flatMap((step) => (step.assignee.kind === 'role' ? [step.assignee.role] : []));
    const issues = [
      ...needed.filter((role) => !start.roles[role]).map((role) => ({field: `roles.${role}`, message: 'is required'})),
      ...Object.keys(start.roles)
        .filter((role) => !needed.includes(role))
        .map((role) => ({field: `roles.${role}`, message: 'is not a role of this workflow'})),
      ...Object.entries(start.roles)
        .filter(([, userId]) => userId === 'outsider-id')
        .map(([role]) => ({field: `roles.${role}`, message: 'must be a member of the run’s channel'})),
    ];
    if (issues.length > 0) throw errors.invalidRequest(issues);
    return chosen;
  };
  const deps: WorkflowStartDialogDeps = {
    ...bot.deps,
    workflows: {
      listTemplates: async () => [officeAction, filing],
      checkRunStart,
      startRun: async (caller, templateRef, start) => {
        await checkRunStart(caller, templateRef, start);
        started.push({templateRef, start});
        return {title: start.title ?? (start.caseRef ? `Office action response: ${start.caseRef.id}` : 'Office action response')} as never;
      },
    },
    userIdByUsername: async (username) => usersByName[username],
    ...overrides,
  };
  return {dialog: createWorkflowStartDialog(deps), deps, started, opened: bot.opened, ephemeral: bot.ephemeral};
}

async function openedFor(userId: string, context = setup()) {
  return {...context, ...(await openAndSubmit(context.dialog, context.opened, userId, 'patents'))};
}

const good = {template: 'tpl-oa', case: 'P-2026-0142', case_url: 'https://ip.example/P-2026-0142', roles: 'attorney:@Sato, reviewer:@li', run_channel: true};

describe('the workflow-start dialog', () => {
  it('opens at the bridge’s dialog URL in the caller’s language, with the templates to choose and the roles each needs', async () => {
    const {opened} = await openedFor('tanaka');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({triggerId: 'trigger-1', url: 'https://baton.example/mattermost/dialogs', dialog: {callback_id: 'baton_workflow_start', title: 'ワークフロー開始'}});
    const elements = opened[0]?.dialog.elements ?? [];
    expect(elements.map((element) => element.name)).toEqual(['template', 'case', 'case_url', 'roles', 'run_channel']);
    expect(elements[0]).toEqual({
      display_name: 'テンプレート',
      name: 'template',
      type: 'select',
      options: [
        {text: 'Office action response', value: 'tpl-oa'},
        {text: 'Filing', value: 'tpl-filing'},
      ],
    });
    expect(elements.find((element) => element.name === 'run_channel')).toMatchObject({type: 'bool', optional: true, display_name: '非公開チャンネル'});
    expect(opened[0]?.dialog.introduction_text).toBe('各テンプレートに必要な役割（`役割:@ユーザー名` の形で入力）:\n- **Office action response**: `attorney`, `reviewer`\n- **Filing**: 役割なし');
  });

  it('fits Mattermost’s limits in every language (title and labels 24 bytes, help 150)', async () => {
    for (const userId of ['smith', 'tanaka', 'chen', 'ivanova']) {
      const {opened} = await openedFor(userId);
      expect([userId, dialogLimitProblems(opened[0]!.dialog)]).toEqual([userId, []]);
    }
  });

  it('opens nothing when there is no template to choose', async () => {
    const context = setup({workflows: {...setup().deps.workflows, listTemplates: async () => []}});
    expect(await context.dialog.open({triggerId: 'trigger-1', userId: 'smith', channelId: 'patents'})).toBe(false);
    expect(context.opened).toEqual([]);
  });

  it('starts the run in the channel it was opened in, with the case, the roles and the run channel, and tells the caller', async () => {
    const {submit, started, ephemeral} = await openedFor('smith');
    expect(await submit(good)).toEqual({});
    expect(started).toEqual([
      {templateRef: 'tpl-oa', start: {channelId: 'patents', roles: {attorney: 'sato-id', reviewer: 'li-id'}, deadlines: [], runChannel: true, caseRef: {id: 'P-2026-0142', url: 'https://ip.example/P-2026-0142'}}},
    ]);
    expect(ephemeral).toEqual([{channelId: 'patents', message: 'Started Office action response: P-2026-0142; the first holder has the baton.'}]);
  });

  it('puts a case without a link into the run’s title, as the command does', async () => {
    const {submit, started} = await openedFor('smith');
    expect(await submit({template: 'tpl-oa', case: 'P-7', roles: 'attorney:@sato reviewer:@li'})).toEqual({});
    expect(started[0]?.start).toEqual({channelId: 'patents', roles: {attorney: 'sato-id', reviewer: 'li-id'}, deadlines: [], runChannel: false, title: 'Office action response: P-7'});
  });

  it('keeps the dialog open with the message under the field that is wrong, starting nothing', async () => {
    const {submit, started} = await openedFor('tanaka');
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{...good, template: ''}, {template: 'テンプレートを選んでください。'}],
      [{...good, template: 'tpl-deleted'}, {template: 'このワークフローのテンプレートは存在しません（削除された可能性があります）。'}],
      [{...good, case_url: 'ftp://ip.example/1'}, {case_url: '2000 文字以内の http:// または https:// のリンクを入力してください。'}],
      [{...good, case: ''}, {case_url: '案件リンクには案件 ID が必要です。'}],
      [{...good, case: 'x'.repeat(101)}, {case: '案件 ID は 1～100 文字にしてください。'}],
      [{...good, roles: 'attorney=sato'}, {roles: expect.stringMatching(/^`attorney=sato` は役割の指定ではありません。/)}],
      [{...good, roles: 'attorney:@sato reviewer:@nobody'}, {roles: '@nobody はこの Mattermost のユーザーではありません。'}],
      [{...good, roles: 'attorney:@sato'}, {roles: 'このテンプレートには役割 reviewer の担当者が必要です。'}],
      [{...good, roles: 'attorney:@sato reviewer:@li partner:@li'}, {roles: 'partner はこのテンプレートの役割ではありません（役割: attorney, reviewer）。'}],
      [{...good, roles: 'attorney:@outsider reviewer:@li'}, {roles: '役割 attorney の担当者はこのチャンネルのメンバーである必要があります。'}],
    ];
    for (const [submission, fieldErrors] of cases) expect(await submit(submission)).toEqual({errors: fieldErrors});
    expect(started).toEqual([]);
    // None of these used the dialog up: a corrected submission still works.
    expect(await submit(good)).toEqual({});
    expect(started).toHaveLength(1);
  });

  it('starts one run per dialog, for the person it was opened for only', async () => {
    const {submit, started} = await openedFor('smith');
    expect(await submit(good, 'tanaka')).toEqual({error: 'このボタンは通知の宛先の方専用です。'});
    expect(await submit(good)).toEqual({});
    expect(await submit(good)).toEqual({error: 'This was already done.'});
    expect(started).toHaveLength(1);
  });

  it('refuses a state it did not sign, a deactivated account and a cancelled dialog', async () => {
    const context = await openedFor('smith');
    const forged = JSON.parse(context.state) as {payload: {c: string}};
    forged.payload.c = 'partners-only';
    expect(await context.dialog.submit({userId: 'smith', channelId: 'patents', state: JSON.stringify(forged), submission: good, cancelled: false})).toEqual({error: expect.stringContaining('no longer works')});
    expect(await context.dialog.submit({userId: 'smith', channelId: 'patents', state: context.state, submission: good, cancelled: true})).toEqual({});
    const gone = await openedFor('gone');
    expect(await gone.submit(good)).toEqual({error: 'This Mattermost account is deactivated.'});
    expect([...context.started, ...gone.started]).toEqual([]);
  });

  it('receives its submissions through the notices’ dialog handler', async () => {
    const context = await openedFor('smith');
    const handoffActions = createHandoffActions({...(context.deps as unknown as HandoffActionsDeps), dialogs: [context.dialog]});
    expect(await handoffActions.submit({userId: 'smith', channelId: 'patents', state: context.state, submission: good, cancelled: false})).toEqual({});
    expect(context.started).toHaveLength(1);
  });
});
