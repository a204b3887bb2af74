import fc from 'fast-check';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {DEFAULT_USER_SETTINGS} from '../domain/reminders/userSettings';
import type {Task} from '../domain/tasks/task';
import {AppError} from '../errors';
import {type Locale, catalogs, translatorFor} from '../i18n/translate';
import {fuzzRuns} from '../testing/fuzzRuns';
import {type ParsedCommand, parseTaskCommand, SUBCOMMANDS} from './grammar';
import {handleTaskCommand, type TaskCommandDeps, usageOf} from './taskCommand';

// The `/task` language under generated input (issue 9): whatever people type —
// any Unicode, real subcommands with arguments that do not fit, very long
// lines — the parser answers with a known kind and never throws, the handler
// always replies (services that refuse included), and a line that does not
// fit is answered with the usage. Well-formed lines parse back to their parts.
// make test runs a fast sample; BATON_FUZZ_RUNS=10000 the full run.

const RUNS = fuzzRuns(1000);
const KINDS = new Set<ParsedCommand['kind']>([
  'help', 'mine', 'waiting', 'new', 'new_dialog', 'channel', 'board', 'connect', 'due', 'search', 'show', 'accept', 'watch', 'unwatch', 'pass', 'decline', 'done', 'comment',
  'workflow_list', 'workflow_start', 'workflow_start_dialog', 'stats', 'settings', 'admin_tokens_create', 'admin_tokens_list', 'admin_tokens_revoke', 'admin_usage', 'usage', 'unknown',
]);
/** These open a dialog for the person (when the command has a trigger) and post nothing. */
const SILENT_WITH_DIALOG = new Set<ParsedCommand['kind']>(['new_dialog', 'workflow_start_dialog', 'settings']);
const LOCALES = Object.keys(catalogs) as Locale[];

/** Words people type: every subcommand and its options, mentions, keys, dates, and arbitrary text (CJK, Cyrillic, emoji, RTL, controls). */
const strangeText = fc.oneof(
  fc.string({unit: 'grapheme', maxLength: 40}),
  fc.string({unit: 'binary', maxLength: 40}),
  fc.constantFrom('特許', 'срок', '🚀🔥', 'مرحبا', '\u202Eevil', '\u0000', '\t\n', '%00', '../..', 'x'.repeat(5000)),
);
const word = fc.oneof(
  fc.constantFrom(...SUBCOMMANDS, 'connect', 'admin', 'tokens', 'create', 'list', 'revoke', 'start', 'digest', 'weekly', 'mute', 'unmute', 'on', 'off', 'none', 'clear', 'channel:new'),
  fc.constantFrom('PAT-1', 'pat-12', 'X-0', 'ABCDEFGHIJK-1', '@li', '@', '@Sato', 'due:tomorrow', 'legal:2027-01-20', 'case:P-1', 'case:', '#urgent', 'attorney:@sato', 'scopes:tasks:read', 'channels:~x', '09:30', '24:00', 'last_week'),
  strangeText,
);
const line = fc.array(word, {maxLength: 12}).chain((words) => fc.constantFrom(' ', '  ', '\n', '\t').map((gap) => words.join(gap)));
const anyLine = fc.oneof(line, strangeText);

function task(key: string): Task {
  return {key, title: 'Draft response', statusName: 'Open', deadlines: [], holderId: 'sato-id', caseRef: null, description: ''} as unknown as Task;
}

/** Stand-in services (as in taskCommand.test.ts) that answer, or all refuse with a deliberate error when `refuse` is given. */
function fakeServices(refuse?: AppError): TaskCommandDeps {
  const answer = <T>(value: T) => async () => {
    if (refuse) throw refuse;
    return value;
  };
  return {
    tasks: {
      get: answer(task('PAT-1')),
      list: answer({tasks: [task('PAT-1')], nextCursor: null}),
      create: answer(task('PAT-7')),
      patch: answer(task('PAT-1')),
      handOff: answer(task('PAT-1')),
      accept: answer(task('PAT-1')),
      decline: answer(task('PAT-1')),
      transition: answer(task('PAT-1')),
      addComment: answer({}),
      setWatching: answer(task('PAT-1')),
    } as unknown as TaskCommandDeps['tasks'],
    workflows: {listTemplates: answer([]), startRun: answer({title: 'Office action response: P-1'})} as unknown as TaskCommandDeps['workflows'],
    username: async () => 'sato',
    stats: {
      resolvePeriod: (spec) => ({from: new Date('2026-10-24T15:00:00Z'), to: new Date('2026-11-23T15:00:00Z'), timeZone: 'Asia/Tokyo', name: 'name' in spec ? spec.name : null}),
      personStats: answer({userId: 'sato-id', period: {from: new Date(), to: new Date(), timeZone: 'Asia/Tokyo', name: null}, tasksCompleted: 0, stepsCompleted: 0, onTime: [], holding: {averageMs: null, count: 0}, load: {heldOpen: 0, overdue: 0, asOf: new Date()}}) as never,
    },
    timeZoneOf: async () => 'Asia/Tokyo',
    calendar: createBusinessCalendar({country: 'JP'}),
    now: () => new Date('2026-11-20T00:00:00Z'),
    openNewTaskDialog: answer(undefined),
    openWorkflowStartDialog: answer(true),
    openSettingsDialog: answer(undefined),
    session: {issue: answer({token: 'signed.session.token', expiresAt: new Date('2026-11-20T12:00:00Z')}), bridgeUrl: async () => 'https://baton.example'},
    settings: {get: answer({userId: 'sato-id', updatedAt: null, ...DEFAULT_USER_SETTINGS, mutedDeadlineKinds: []}), update: answer({userId: 'sato-id', updatedAt: null, ...DEFAULT_USER_SETTINGS, mutedDeadlineKinds: []})} as unknown as TaskCommandDeps['settings'],
  };
}

const refusals = fc.constantFrom(
  undefined,
  new AppError(404, 'baton.not_found.task', 'No such task.'),
  new AppError(409, 'baton.conflict.version', 'The task changed.'),
  new AppError(403, 'baton.forbidden', 'Not allowed.'),
  new AppError(400, 'baton.bad_request.validation', 'title: must be 1–200 characters'),
);

describe('/task under generated input', () => {
  it('parses any line to a known kind without throwing', () => {
    fc.assert(
      fc.property(anyLine, (text) => {
        expect(KINDS.has(parseTaskCommand(text).kind)).toBe(true);
      }),
      {numRuns: RUNS},
    );
  });

  it('always replies, in any locale, even when the services refuse; a line that does not fit gets the usage', async () => {
    await fc.assert(
      fc.asyncProperty(anyLine, fc.constantFrom(...LOCALES), refusals, fc.boolean(), async (text, locale, refuse, withTrigger) => {
        const t = translatorFor(locale);
        const reply = await handleTaskCommand(
          {text, caller: {userId: 'sato-id', guest: false}, mentions: new Map([['li', 'li-id'], ['sato', 'sato-id']]), t, channelId: 'patents-id', locale, ...(withTrigger ? {triggerId: 'trigger'} : {})},
          fakeServices(refuse),
        );
        expect(typeof reply.text).toBe('string');
        const parsed = parseTaskCommand(text);
        if (parsed.kind === 'usage') expect(reply.text).toContain(usageOf(parsed.subcommand, t));
        if (parsed.kind === 'unknown') expect(reply.text).toContain(t('command.usage'));
        if (parsed.kind === 'admin_usage') expect(reply.text).toBe(t('command.admin.usage'));
        // Something is always said (a refusal too, in the person's words), except when a dialog opens instead.
        if (!(withTrigger && SILENT_WITH_DIALOG.has(parsed.kind)) && parsed.kind !== 'connect') expect(reply.text).not.toBe('');
        // `connect` answers the webapp with data, not text.
        if (parsed.kind === 'connect' && !refuse) expect(reply.props).toBeDefined();
      }),
      {numRuns: RUNS},
    );
  });

  const key = fc.tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,9}$/), fc.integer({min: 1, max: 999_999_999})).map(([prefix, number]) => `${prefix}-${number}`);
  /** A word without spaces that the parser does not read as an option of its own. */
  const plainWord = fc.stringMatching(/^[^\s@#:]{1,20}$/);
  const username = fc.stringMatching(/^[a-z0-9._-]{1,64}$/);

  it('reads `due <KEY> <kind> <date|none>` back to its parts', () => {
    fc.assert(
      fc.property(key, fc.stringMatching(/^[a-z][a-z0-9_]{0,31}$/), fc.oneof(plainWord, fc.constantFrom('none', 'CLEAR')), (taskKey, kind, date) => {
        const removes = ['none', 'clear'].includes(date.toLowerCase());
        expect(parseTaskCommand(`due ${taskKey} ${kind.toUpperCase()} ${date}`)).toEqual({kind: 'due', key: taskKey.toUpperCase(), deadlineKind: kind, date: removes ? null : date});
      }),
      {numRuns: RUNS},
    );
  });

  it('reads `pass`, `comment` and `decline` back, keeping the text as typed', () => {
    const text = fc.array(plainWord, {minLength: 1, maxLength: 6}).map((words) => words.join(' '));
    fc.assert(
      fc.property(key, username, text, (taskKey, to, comment) => {
        expect(parseTaskCommand(`pass ${taskKey} @${to} ${comment}`)).toEqual({kind: 'pass', key: taskKey.toUpperCase(), to, comment});
        expect(parseTaskCommand(`comment ${taskKey}   ${comment}`)).toEqual({kind: 'comment', key: taskKey.toUpperCase(), text: comment});
        expect(parseTaskCommand(`decline ${taskKey} ${comment}`)).toEqual({kind: 'decline', key: taskKey.toUpperCase(), reason: comment});
      }),
      {numRuns: RUNS},
    );
  });

  it('reads `new` back: options anywhere, the other words the title', () => {
    fc.assert(
      fc.property(fc.array(plainWord, {minLength: 1, maxLength: 5}), fc.option(username, {nil: null}), fc.option(plainWord, {nil: null}), fc.array(plainWord, {maxLength: 3}), (title, holder, due, labels) => {
        const words = [...title, ...(holder ? [`@${holder}`] : []), ...(due ? [`due:${due}`] : []), ...labels.map((label) => `#${label}`)];
        expect(parseTaskCommand(`new ${words.join(' ')}`)).toEqual({kind: 'new', title: title.join(' '), holder, dates: due ? {internal: due} : {}, labels, caseId: null});
      }),
      {numRuns: RUNS},
    );
  });
});
