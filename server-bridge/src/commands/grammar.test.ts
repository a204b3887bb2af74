import {parseRoleAssignments, parseTaskCommand, SUBCOMMANDS} from './grammar';

// The words of the subcommands that create tasks, list a channel, search, set
// deadlines and hand the webapp its session. Dates stay as typed here
// (dateInput.ts reads them with the caller's locale and zone).

const usageOf = (subcommand: string) => ({kind: 'usage', subcommand});

describe('/task new', () => {
  it('takes a title with options anywhere in it', () => {
    expect(parseTaskCommand('new Draft response @Li due:2026-12-01 legal:+2bd customer:12/1/2026 #urgent #OA case:P-2026-0142')).toEqual({
      kind: 'new',
      title: 'Draft response',
      holder: 'li',
      dates: {internal: '2026-12-01', legal: '+2bd', customer: '12/1/2026'},
      labels: ['urgent', 'OA'],
      caseId: 'P-2026-0142',
    });
    expect(parseTaskCommand('new #oa Check claim 3 against D2 internal:tomorrow')).toEqual({kind: 'new', title: 'Check claim 3 against D2', holder: null, dates: {internal: 'tomorrow'}, labels: ['oa'], caseId: null});
  });

  it('opens the form when typed alone', () => {
    expect(parseTaskCommand('new')).toEqual({kind: 'new_dialog'});
    expect(parseTaskCommand('  NEW  ')).toEqual({kind: 'new_dialog'});
  });

  it('answers with its usage when the options do not fit', () => {
    for (const text of ['new @li', 'new #label due:today', 'new Title @li @sato', 'new Title due:', 'new Title due:today internal:+1d', 'new Title legal:1 legal:2', 'new Title case:A case:B']) {
      expect([text, parseTaskCommand(text)]).toEqual([text, usageOf('new')]);
    }
  });
});

describe('/task due', () => {
  it('names a task, a deadline kind and a date', () => {
    expect(parseTaskCommand('due pat-3 legal 2026-12-01')).toEqual({kind: 'due', key: 'PAT-3', deadlineKind: 'legal', date: '2026-12-01'});
    expect(parseTaskCommand('due PAT-3 Filing_check +2bd')).toEqual({kind: 'due', key: 'PAT-3', deadlineKind: 'filing_check', date: '+2bd'});
  });

  it('removes the deadline with none or clear', () => {
    expect(parseTaskCommand('due PAT-3 customer none')).toEqual({kind: 'due', key: 'PAT-3', deadlineKind: 'customer', date: null});
    expect(parseTaskCommand('due PAT-3 customer CLEAR')).toEqual({kind: 'due', key: 'PAT-3', deadlineKind: 'customer', date: null});
  });

  it('answers with its usage when a part is missing or wrong', () => {
    for (const text of ['due', 'due PAT-3', 'due PAT-3 legal', 'due nonsense legal 2026-12-01', 'due PAT-3 legal! 2026-12-01', 'due PAT-3 legal 2026-12-01 extra']) {
      expect([text, parseTaskCommand(text)]).toEqual([text, usageOf('due')]);
    }
  });
});

describe('/task channel, board and search', () => {
  it('take no arguments (channel, board) or the words to look for (search)', () => {
    expect(parseTaskCommand('channel')).toEqual({kind: 'channel'});
    expect(parseTaskCommand('board')).toEqual({kind: 'board'});
    expect(parseTaskCommand('search  claim 3 引用文献 ')).toEqual({kind: 'search', query: 'claim 3 引用文献'});
  });

  it('answer with their usage otherwise', () => {
    expect(parseTaskCommand('channel patents')).toEqual(usageOf('channel'));
    expect(parseTaskCommand('board now')).toEqual(usageOf('board'));
    expect(parseTaskCommand('search')).toEqual(usageOf('search'));
  });

  it('are suggested for typos', () => {
    expect(parseTaskCommand('chanel')).toEqual({kind: 'unknown', subcommand: 'chanel', suggestion: 'channel'});
    expect(parseTaskCommand('serch x')).toEqual({kind: 'unknown', subcommand: 'serch', suggestion: 'search'});
    expect(parseTaskCommand('bord')).toEqual({kind: 'unknown', subcommand: 'bord', suggestion: 'board'});
  });
});

describe('/task connect', () => {
  it('is understood but hidden: not a listed subcommand, never suggested', () => {
    expect(parseTaskCommand('connect')).toEqual({kind: 'connect'});
    expect(SUBCOMMANDS as readonly string[]).not.toContain('connect');
    expect(parseTaskCommand('conect')).toEqual({kind: 'unknown', subcommand: 'conect'});
  });
});

describe('role assignments (`/task workflow start` and its form’s roles field)', () => {
  it('reads role:@user words, separated by spaces or commas, in lower case', () => {
    expect(parseRoleAssignments('Attorney:@Sato,  reviewer:@li')).toEqual({ok: true, roles: {attorney: 'sato', reviewer: 'li'}});
    expect(parseRoleAssignments('  ')).toEqual({ok: true, roles: {}});
    expect(parseTaskCommand('workflow start OA attorney:@Sato')).toMatchObject({roles: {attorney: 'sato'}});
  });

  it('names the first word that is not one', () => {
    expect(parseRoleAssignments('attorney:@sato reviewer:li')).toEqual({ok: false, word: 'reviewer:li'});
    expect(parseRoleAssignments('@sato')).toEqual({ok: false, word: '@sato'});
  });

  it('opens the form when `workflow start` names no template', () => {
    expect(parseTaskCommand('workflow start')).toEqual({kind: 'workflow_start_dialog'});
    expect(parseTaskCommand('workflow start attorney:@sato')).toEqual({kind: 'usage', subcommand: 'workflow'});
  });
});

describe('a line that is not a command', () => {
  // Found by fuzzing (issue 9): the typo suggestion compared every first word
  // letter by letter, so one 16,000-character word took a second of CPU.
  it('answers a very long unknown word at once, with no suggestion', () => {
    const started = performance.now();
    for (let index = 0; index < 100; index += 1) expect(parseTaskCommand(`${'x'.repeat(16_000)} PAT-1`)).toEqual({kind: 'unknown', subcommand: 'x'.repeat(16_000)});
    // Before the fix: about 50 s; now a few milliseconds. The bound leaves room for a slow machine.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
