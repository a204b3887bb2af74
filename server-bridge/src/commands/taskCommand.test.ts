import type {Task} from '../domain/tasks/task';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {DEFAULT_USER_SETTINGS} from '../domain/reminders/userSettings';
import {AppError} from '../errors';
import {translatorFor} from '../i18n/translate';
import {parseTaskCommand, SUBCOMMANDS} from './grammar';
import {handleTaskCommand, type TaskCommandDeps} from './taskCommand';

// `/task` as people type it: every subcommand, its usage when the arguments do
// not fit, typos, and replies in the caller's language. The services are
// stand-ins that record calls; the real ones are exercised end to end in
// build/sandbox/taskCommand.test.ts.

const en = translatorFor('en');
const sato = {userId: 'sato-id', guest: false};
const mentions = new Map([['li', 'li-id']]);

function task(key: string): Task {
  return {key, title: 'Draft response', statusName: 'Open', deadlines: [], holderId: 'sato-id', caseRef: null, description: ''} as unknown as Task;
}

function fakeServices(): TaskCommandDeps & {calls: unknown[][]} {
  const calls: unknown[][] = [];
  const record = (name: string) => async (...args: unknown[]) => {
    calls.push([name, ...args.slice(1)]);
    return task(String(args[1]));
  };
  return {
    calls,
    tasks: {
      get: record('get'),
      list: async (...args: unknown[]) => {
        calls.push(['list', args[1]]);
        return {tasks: [task('PAT-1')], nextCursor: null};
      },
      create: async (_caller: unknown, draft: {title: string}) => {
        calls.push(['create', draft]);
        return {...task('PAT-7'), title: draft.title};
      },
      patch: async (...args: unknown[]) => {
        calls.push(['patch', ...args.slice(1)]);
        return task(String(args[1]));
      },
      handOff: record('handOff'),
      accept: record('accept'),
      decline: record('decline'),
      transition: record('transition'),
      addComment: record('addComment') as unknown as TaskCommandDeps['tasks']['addComment'],
      setWatching: record('setWatching'),
    } as TaskCommandDeps['tasks'],
    workflows: {listTemplates: async () => [], startRun: async () => ({title: 'Office action response: P-1'}) as never},
    username: async () => 'sato',
    stats: {
      resolvePeriod: (spec) => ({from: new Date('2026-10-24T15:00:00Z'), to: new Date('2026-11-23T15:00:00Z'), timeZone: 'Asia/Tokyo', name: 'name' in spec ? spec.name : null}),
      personStats: async (_caller, request) => {
        calls.push(['personStats', request.userId, request.name]);
        return {userId: request.userId, period: {...request, timeZone: 'Asia/Tokyo', name: request.name ?? null}, tasksCompleted: 4, stepsCompleted: 3, onTime: [], holding: {averageMs: null, count: 0}, load: {heldOpen: 2, overdue: 1, asOf: new Date()}} as never;
      },
    },
    timeZoneOf: async () => 'Asia/Tokyo',
    calendar: createBusinessCalendar({country: 'JP'}),
    // Friday 2026-11-20, 09:00 in Tokyo.
    now: () => new Date('2026-11-20T00:00:00Z'),
    openNewTaskDialog: async (request) => {
      calls.push(['openNewTaskDialog', request]);
    },
    openWorkflowStartDialog: async (request) => {
      calls.push(['openWorkflowStartDialog', request]);
      return true;
    },
    openSettingsDialog: async (request) => {
      calls.push(['openSettingsDialog', request]);
    },
    session: {
      issue: async (caller) => {
        calls.push(['issueSession', caller]);
        return {token: 'signed.session.token', expiresAt: new Date('2026-11-20T12:00:00Z')};
      },
      bridgeUrl: async () => 'https://baton.example',
    },
    settings: (() => {
      let current = {userId: 'sato-id', updatedAt: null, ...DEFAULT_USER_SETTINGS, mutedDeadlineKinds: [] as string[]};
      return {
        get: async () => current,
        update: async (_caller: unknown, changes: Partial<typeof current>) => {
          calls.push(['updateSettings', changes]);
          current = {...current, ...changes};
          return current;
        },
      };
    })(),
  };
}

const run = (text: string, deps = fakeServices(), t = en) => handleTaskCommand({text, caller: sato, mentions, t, channelId: 'patents-id'}, deps);

describe('/task', () => {
  it('answers an empty command and `help` with every subcommand’s usage', async () => {
    for (const text of ['', '  ', 'help', 'HELP  extra']) {
      const reply = (await run(text)).text;
      for (const subcommand of SUBCOMMANDS) expect(reply).toContain(`\`/task ${subcommand}`);
    }
  });

  it('answers in the caller’s language', async () => {
    expect((await run('help', fakeServices(), translatorFor('ja'))).text).toContain('バトンを持っているのは誰か');
    expect((await run('help', fakeServices(), translatorFor('zh-TW'))).text).toContain('接力棒在誰手上');
    expect((await run('help', fakeServices(), translatorFor('ru'))).text).toContain('у кого эстафета');
  });

  it('answers a typo with the usage line and the closest subcommand', async () => {
    expect((await run('hlep')).text).toBe('Unknown subcommand `hlep`. Did you mean `/task help`? Usage: `/task help`');
    expect(parseTaskCommand('acept PAT-1')).toEqual({kind: 'unknown', subcommand: 'acept', suggestion: 'accept'});
    expect(parseTaskCommand('frobnicate')).toEqual({kind: 'unknown', subcommand: 'frobnicate'});
  });

  it('parses each subcommand, keeping comments as typed', () => {
    expect(parseTaskCommand('pass pat-12 @Li please check\nclaim 3')).toEqual({kind: 'pass', key: 'PAT-12', to: 'li', comment: 'please check\nclaim 3'});
    expect(parseTaskCommand('done PAT-3 @li looks good')).toEqual({kind: 'done', key: 'PAT-3', next: 'li', comment: 'looks good'});
    expect(parseTaskCommand('done PAT-3')).toEqual({kind: 'done', key: 'PAT-3', next: null, comment: ''});
    expect(parseTaskCommand('decline PAT-3 on leave')).toEqual({kind: 'decline', key: 'PAT-3', reason: 'on leave'});
    expect(parseTaskCommand('workflow list')).toEqual({kind: 'workflow_list'});
    expect(parseTaskCommand('workflow start Office action response case:P-1 attorney:@Sato')).toEqual({kind: 'workflow_start', template: 'Office action response', caseId: 'P-1', roles: {attorney: 'sato'}, runChannel: false});
    expect(parseTaskCommand('workflow start Office action response channel:new case:P-1')).toMatchObject({template: 'Office action response', caseId: 'P-1', runChannel: true});
    expect(parseTaskCommand('mine')).toEqual({kind: 'mine'});
  });

  it('answers wrong arguments with that subcommand’s usage, and changes nothing', async () => {
    const deps = fakeServices();
    for (const [text, usage] of [
      ['pass PAT-1', '`/task pass <KEY> @user [comment]`'],
      ['pass PAT-1 li', '`/task pass <KEY> @user [comment]`'],
      ['decline PAT-1', '`/task decline <KEY> <reason>`'],
      ['show nonsense', '`/task show <KEY>`'],
      ['mine please', '`/task mine`'],
      ['workflow stop', '`/task workflow list`'],
    ] as const) {
      const reply = (await run(text, deps)).text;
      expect(reply.startsWith(`Usage: ${usage} — `)).toBe(true);
    }
    expect(deps.calls).toEqual([]);
  });

  it('carries out a handoff to a mentioned person, and refuses a name Mattermost did not resolve', async () => {
    const deps = fakeServices();
    expect((await run('pass PAT-1 @li over to you', deps)).text).toBe('You handed PAT-1 to @li.');
    expect(deps.calls).toEqual([['handOff', 'PAT-1', {toUserId: 'li-id', comment: 'over to you'}]]);
    expect((await run('pass PAT-1 @nobody', deps)).text).toBe('Nothing was changed: @nobody is not a Mattermost user here.');
    expect(deps.calls).toHaveLength(1);
  });

  it('lists what the caller holds and what waits on others', async () => {
    const deps = fakeServices();
    expect((await run('mine', deps)).text).toBe('#### Your baton\n- **PAT-1** Draft response · Open');
    await run('waiting', deps);
    expect(deps.calls.map((call) => (call[1] as {filters: unknown}).filters)).toEqual([
      {holderId: 'sato-id', statusCategory: 'open'},
      {handedById: 'sato-id', accepted: false, statusCategory: 'open'},
    ]);
  });

  it('words each listed deadline like the notices do: legal first, in the caller’s language and zone, with how far away it is', async () => {
    const deps = fakeServices();
    const deadlines = [
      {kind: 'internal', dueAt: new Date('2026-11-24T05:00:00Z'), allDay: false, timeZone: 'Asia/Tokyo'},
      // End of Monday 2026-11-30 in Tokyo: six business days after Friday the 20th (23 Nov is a holiday).
      {kind: 'legal', dueAt: new Date('2026-11-30T14:59:59.999Z'), allDay: true, timeZone: 'Asia/Tokyo'},
    ];
    deps.tasks.list = async () => ({tasks: [{...task('PAT-1'), deadlines}], nextCursor: null});
    expect((await run('mine', deps)).text).toBe(
      '#### Your baton\n- **PAT-1** Draft response · Open · Legal deadline Mon, Nov 30, 2026 (in 5 business days), Internal deadline Tue, Nov 24, 2026, 2:00 PM (in 1 business day)',
    );
    const ja = (await handleTaskCommand({text: 'mine', caller: sato, mentions, t: translatorFor('ja'), locale: 'ja', channelId: 'patents-id'}, deps)).text;
    expect(ja).toContain('2026年11月30日');
    expect(ja).not.toContain('legal');
  });

  it('shows a person’s stats for a named period, the caller’s by default', async () => {
    const deps = fakeServices();
    expect((await run('stats', deps)).text).toContain('4');
    await run('stats @li this_month', deps);
    expect(deps.calls).toEqual([
      ['personStats', 'sato-id', 'last_30_days'],
      ['personStats', 'li-id', 'this_month'],
    ]);
    expect((await run('stats yesterday', deps)).text.startsWith('Usage: `/task stats')).toBe(true);
  });

  it('shows and changes the caller’s reminder settings', async () => {
    const deps = fakeServices();
    expect((await run('settings', deps)).text).toContain('Daily digest at 09:00 on business days: on');
    expect((await run('settings digest 08:30', deps)).text).toContain('Daily digest at 08:30');
    expect((await run('settings mute internal', deps)).text).toContain('No reminders for: internal');
    await run('settings weekly off', deps);
    await run('settings unmute internal', deps);
    expect(deps.calls).toEqual([['updateSettings', {digestTime: '08:30'}], ['updateSettings', {mutedDeadlineKinds: ['internal']}], ['updateSettings', {weeklySummary: false}], ['updateSettings', {mutedDeadlineKinds: []}]]);
    for (const wrong of ['settings digest 25:00', 'settings weekly maybe', 'settings mute', 'settings colour blue']) {
      expect((await run(wrong, deps)).text.startsWith('Usage: `/task settings')).toBe(true);
    }
    expect(deps.calls).toHaveLength(4);
  });

  it('says what went wrong when the service refuses', async () => {
    const deps = fakeServices();
    deps.tasks.accept = async () => {
      throw new AppError(403, 'baton.forbidden.accept', 'Only the holder of a task can accept it.');
    };
    expect((await run('accept PAT-1', deps)).text).toBe('Nothing was changed: Only the holder of a task can accept it.');
  });
});

describe('/task new, channel, search, board, due and connect', () => {
  const runAs = (text: string, deps: ReturnType<typeof fakeServices>, options: {locale?: string; triggerId?: string} = {}) =>
    handleTaskCommand({text, caller: sato, mentions, t: translatorFor(options.locale ?? 'en'), channelId: 'patents-id', ...options}, deps);
  // 24:00 in Tokyo is 15:00 UTC; an all-day deadline is due the millisecond before.
  const endOfDayInTokyo = (date: string) => new Date(new Date(`${date}T15:00:00Z`).getTime() - 1);

  it('creates a task in this channel, with the holder, deadlines read in the caller’s zone, labels and the case', async () => {
    const deps = fakeServices();
    const reply = await runAs('new Draft response @li due:2026-12-01 legal:+2bd #OA #oa case:P-2026-0142', deps);
    expect(reply.text).toBe('Created PAT-7: Draft response: P-2026-0142');
    expect(deps.calls).toEqual([
      [
        'create',
        {
          title: 'Draft response: P-2026-0142',
          channelId: 'patents-id',
          holderId: 'li-id',
          deadlines: [
            {kind: 'internal', timeZone: 'Asia/Tokyo', dueAt: endOfDayInTokyo('2026-12-01'), allDay: true},
            // Friday + 2 business days: Monday 23 November is a holiday in Japan.
            {kind: 'legal', timeZone: 'Asia/Tokyo', dueAt: endOfDayInTokyo('2026-11-25'), allDay: true},
          ],
          labels: ['OA'],
        },
      ],
    ]);
  });

  it('reads dates the way the caller’s language writes them, and answers in it', async () => {
    const deps = fakeServices();
    expect((await runAs('new 意見書の作成 due:2026年12月1日', deps, {locale: 'ja'})).text).toBe('PAT-7 を作成しました: 意見書の作成');
    expect((deps.calls[0]?.[1] as {deadlines: unknown[]}).deadlines).toEqual([{kind: 'internal', timeZone: 'Asia/Tokyo', dueAt: endOfDayInTokyo('2026-12-01'), allDay: true}]);
  });

  it('answers a date it cannot read with the value and the usage line, and creates nothing', async () => {
    const deps = fakeServices();
    expect((await runAs('new Draft due:31/12/2026', deps)).text).toBe(
      '`31/12/2026` is not a date: use e.g. 2026-12-01, 12/1/2026, today, tomorrow, +3d, +2w or +2bd (business days). Usage: `/task new <title> [@holder] [due:<date>] [legal:<date>] [customer:<date>] [#label] [case:<id>]` — a task in this channel (alone: a form)',
    );
    // Day-first with dots is Russian; in Japanese it is not a date.
    expect((await runAs('new 期限 legal:01.12.2026', deps, {locale: 'ja'})).text).toMatch(/^`01\.12\.2026` は日付ではありません。.* 使い方: `\/task new/);
    expect((await runAs(`new ${'x'.repeat(201)}`, deps)).text).toMatch(/^The title must be 1–200 characters\. Usage: `\/task new/);
    expect((await runAs('new Draft @nobody', deps)).text).toBe('Nothing was changed: @nobody is not a Mattermost user here.');
    expect(deps.calls).toEqual([]);
  });

  it('opens the new-task form when typed alone, with the command’s trigger', async () => {
    const deps = fakeServices();
    expect(await runAs('new', deps, {triggerId: 'trigger-1'})).toEqual({text: ''});
    expect(deps.calls).toEqual([['openNewTaskDialog', {triggerId: 'trigger-1', userId: 'sato-id', channelId: 'patents-id'}]]);
    expect((await runAs('new', fakeServices())).text).toBe('The form could not be opened here; type `/task new <title>` instead.');
  });

  it('opens the workflow-start form when `workflow start` is typed alone, and says so when there is no template', async () => {
    expect(parseTaskCommand('workflow  START ')).toEqual({kind: 'workflow_start_dialog'});
    const deps = fakeServices();
    expect(await runAs('workflow start', deps, {triggerId: 'trigger-2'})).toEqual({text: ''});
    expect(deps.calls).toEqual([['openWorkflowStartDialog', {triggerId: 'trigger-2', userId: 'sato-id', channelId: 'patents-id'}]]);
    deps.openWorkflowStartDialog = async () => false;
    expect((await runAs('workflow start', deps, {triggerId: 'trigger-3', locale: 'ja'})).text).toBe('ワークフローのテンプレートはまだありません。');
    expect((await runAs('workflow start', fakeServices())).text).toBe('The form could not be opened here; type `/task workflow start <template> …` instead.');
  });

  it('opens the settings form when `settings` is typed alone from a client, and keeps the summary and the one-setting changes otherwise', async () => {
    const deps = fakeServices();
    expect(await runAs('settings', deps, {triggerId: 'trigger-4'})).toEqual({text: ''});
    expect(deps.calls).toEqual([['openSettingsDialog', {triggerId: 'trigger-4', userId: 'sato-id', channelId: 'patents-id'}]]);
    expect((await runAs('settings digest 07:45', deps, {triggerId: 'trigger-5'})).text).toContain('Daily digest at 07:45');
    const summary = (await runAs('settings', deps)).text;
    expect(summary).toContain('Handoffs to you wait until you accept them: off');
    expect(summary.endsWith('`/task settings mute internal`.')).toBe(true);
    expect(deps.calls).toHaveLength(2);
  });

  it('lists the open tasks of this channel, and searches what the caller may see', async () => {
    const deps = fakeServices();
    expect((await runAs('channel', deps)).text).toBe('#### Open tasks in this channel\n- **PAT-1** Draft response · Open');
    expect((await runAs('search claim 3', deps)).text).toBe('#### Tasks matching “claim 3”\n- **PAT-1** Draft response · Open');
    expect(deps.calls.map((call) => (call[1] as {filters: unknown}).filters)).toEqual([{channelId: 'patents-id', statusCategory: 'open'}, {q: 'claim 3'}]);
  });

  it('says in the caller’s language why a search finds nothing to look for', async () => {
    const deps = fakeServices();
    deps.tasks.list = async () => {
      throw new AppError(400, 'baton.bad_request.search_single_characters_only', 'A search needs at least two letters or digits in a row.');
    };
    expect((await runAs('search a', deps, {locale: 'ja'})).text).toBe('検索には 2 文字以上続けて入力してください（例: 検索、ab）。');
  });

  it('sums up the channel’s open tasks by status, built-in statuses first, with how many are overdue', async () => {
    const deps = fakeServices();
    const overdue = [{kind: 'legal', dueAt: new Date('2026-11-19T14:59:59.999Z'), allDay: true, timeZone: 'Asia/Tokyo'}];
    const later = [{kind: 'legal', dueAt: new Date('2026-12-19T14:59:59.999Z'), allDay: true, timeZone: 'Asia/Tokyo'}];
    const open = (key: string, statusId: string, statusName: string, deadlines: unknown[] = []) => ({...task(key), statusId, statusName, deadlines}) as unknown as Task;
    const pages = [
      {tasks: [open('PAT-1', 'review', 'Client review'), open('PAT-2', 'in_progress', 'In progress', overdue), open('PAT-3', 'open', 'Open', later)], nextCursor: 'page-2'},
      {tasks: [open('PAT-4', 'in_progress', 'In progress', overdue), open('PAT-5', 'in_progress', 'In progress')], nextCursor: null},
    ];
    deps.tasks.list = async (_caller, request) => {
      deps.calls.push(['list', request]);
      return pages[request.cursor ? 1 : 0] as {tasks: Task[]; nextCursor: string | null};
    };
    expect((await runAs('board', deps)).text).toBe(
      ['#### This channel’s board', '- **Open**: 1 task', '- **In progress**: 3 tasks (2 overdue)', '- **Client review**: 1 task', 'The Baton panel shows the full board.'].join('\n'),
    );
    expect(deps.calls.map((call) => (call[1] as {filters: unknown; cursor?: string}).cursor ?? null)).toEqual([null, 'page-2']);
    expect((await runAs('board', deps, {locale: 'ru'})).text).toContain('- **В работе**: 3 задачи (просрочено: 2)');
    deps.tasks.list = async () => ({tasks: [], nextCursor: null});
    expect((await runAs('board', deps, {locale: 'ja'})).text).toBe('#### このチャンネルのボード\nこのチャンネルに未完了のタスクはありません。');
  });

  it('sets a deadline of a task from a typed date, and removes one with none', async () => {
    const deps = fakeServices();
    expect((await runAs('due PAT-1 legal tomorrow', deps)).text).toBe('PAT-1: Legal deadline is now 2026-11-21.');
    expect((await runAs('due PAT-1 filing 2026-12-01T17:00', deps)).text).toBe('PAT-1: Filing deadline is now 2026-12-01 17:00.');
    expect((await runAs('due PAT-1 customer none', deps, {locale: 'ru'})).text).toBe('PAT-1: Срок клиента снят.');
    expect(deps.calls).toEqual([
      ['patch', 'PAT-1', undefined, {deadlines: {legal: {timeZone: 'Asia/Tokyo', dueAt: endOfDayInTokyo('2026-11-21'), allDay: true}}}],
      ['patch', 'PAT-1', undefined, {deadlines: {filing: {timeZone: 'Asia/Tokyo', dueAt: new Date('2026-12-01T08:00:00Z'), allDay: false}}}],
      ['patch', 'PAT-1', undefined, {deadlines: {customer: null}}],
    ]);
  });

  it('answers a bad date for a deadline with the value and the usage line, and changes nothing', async () => {
    const deps = fakeServices();
    expect((await runAs('due PAT-1 legal someday', deps, {locale: 'zh-TW'})).text).toMatch(/^`someday` 不是日期。.* 用法： `\/task due <編號>/);
    expect(deps.calls).toEqual([]);
  });

  it('says in the caller’s language that a task does not exist, naming it', async () => {
    const deps = fakeServices();
    deps.tasks.patch = async () => {
      throw new AppError(404, 'baton.not_found.task', 'No task PAT-99 that you can see.');
    };
    expect((await runAs('due PAT-99 legal today', deps, {locale: 'ja'})).text).toBe('何も変更されませんでした: タスク PAT-99 は見つからないか、閲覧できません。');
    // A read changes nothing either way, so it says only what went wrong.
    deps.tasks.get = async () => {
      throw new AppError(404, 'baton.not_found.task', 'No task PAT-99 that you can see.');
    };
    expect((await runAs('show PAT-99', deps, {locale: 'ja'})).text).toBe('タスク PAT-99 は見つからないか、閲覧できません。');
  });

  it('hands the webapp a session for the caller in the reply’s props, posting nothing', async () => {
    const deps = fakeServices();
    expect(await runAs('connect', deps)).toEqual({
      text: '',
      props: {baton_url: 'https://baton.example', baton_token: 'signed.session.token', baton_expires_at: '2026-11-20T12:00:00.000Z'},
    });
    expect(deps.calls).toEqual([['issueSession', sato]]);
    expect((await runAs('help', deps)).text).not.toContain('connect');
  });

  it('issues no session until setup has recorded where the bridge is', async () => {
    const deps = fakeServices();
    deps.session.bridgeUrl = async () => undefined;
    expect((await runAs('connect', deps, {locale: 'ja'})).text).toBe('何も変更されませんでした: Baton の設定が完了していません。管理者が `baton-bridge setup` を再実行する必要があります。');
    expect(deps.calls).toEqual([]);
  });
});
