import type {Task} from '../domain/tasks/task';
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
    expect(parseTaskCommand('workflow start Office action response case:P-1 attorney:@Sato')).toEqual({kind: 'workflow_start', template: 'Office action response', caseId: 'P-1', roles: {attorney: 'sato'}});
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
