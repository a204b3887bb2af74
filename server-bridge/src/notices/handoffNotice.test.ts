import {verifyActionContext, signActionContext} from './actionContext';
import {COMMENT_QUOTE_LIMIT, HANDOFF_ACTIONS, renderHandoffNotice, type HandoffNoticeInput} from './handoffNotice';

const DAY_MS = 86_400_000;

/** Monday to Friday are business days; no holidays. Signed, counting days after `from` up to and including `to`. */
function weekdaysBetween(from: string, to: string): number {
  const [start, end] = [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`)];
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + DAY_MS; day <= high; day += DAY_MS) if (![0, 6].includes(new Date(day).getUTCDay())) count += 1;
  return sign * count;
}

/** The end of an all-day deadline's date in Tokyo, as contract/dueInstant.ts stores it. */
function endOfTokyoDay(date: string): Date {
  return new Date(Date.parse(`${date}T15:00:00Z`) - 1);
}

// Scenario 1 of SCENARIOS.md: the docketing clerk hands the draft to the
// attorney on Wednesday 13 January 2027, 10:00 in Tokyo.
function handoff(overrides: Partial<HandoffNoticeInput> = {}): HandoffNoticeInput {
  return {
    task: {id: 'tsk_01', key: 'PAT-12', title: 'Draft response to office action', url: 'https://chat.example.com/baton/tasks/PAT-12'},
    caseRef: {id: 'P-2026-0142', url: 'https://ipms.example.com/cases/P-2026-0142'},
    stepName: 'Draft response',
    runTitle: 'Office action response',
    sender: {username: 'tanaka'},
    previousHolder: {username: 'suzuki'},
    deadlines: [
      {kind: 'customer', dueAt: new Date('2027-01-15T08:00:00Z'), allDay: false, timeZone: 'Asia/Tokyo'},
      {kind: 'internal', dueAt: endOfTokyoDay('2027-01-14'), allDay: true, timeZone: 'Asia/Tokyo'},
      {kind: 'legal', dueAt: endOfTokyoDay('2027-02-10'), allDay: true, timeZone: 'Asia/Tokyo'},
      {kind: 'translation', dueAt: endOfTokyoDay('2027-01-11'), allDay: true, timeZone: 'Asia/Tokyo'},
    ],
    comment: 'Client wants claim 3 kept.\n\nSee the examiner call notes:\n- claim 1: amend\n- claim 3: argue',
    receiver: {locale: 'ja', timeZone: 'Asia/Tokyo'},
    now: new Date('2027-01-13T01:00:00Z'),
    businessDaysBetween: weekdaysBetween,
    actions: {url: 'https://bridge.example.com/mattermost/action', context: (action) => ({action, taskId: 'tsk_01'})},
    ...overrides,
  };
}

const attachmentOf = (input: HandoffNoticeInput) => renderHandoffNotice(input).props.attachments[0];
const fieldsOf = (input: HandoffNoticeInput) => attachmentOf(input).fields;

/** The markdown links in a text, as Mattermost's renderer reads them: `[label](address)` with `\`-escapes in the label. */
function linksIn(markdown: string): Array<{label: string; address: string}> {
  return [...markdown.matchAll(/\[((?:\\.|[^\\\]])*)\]\(([^)\s]*)\)/g)].map((match) => ({label: match[1] as string, address: match[2] as string}));
}

describe('the handoff notice', () => {
  it.each([
    ['ja', 'Asia/Tokyo'],
    ['zh-TW', 'Asia/Taipei'],
    ['ru', 'Europe/Moscow'],
    ['en', 'America/New_York'],
  ])('renders in full for a %s reader in %s', (locale, timeZone) => {
    expect(renderHandoffNotice(handoff({receiver: {locale, timeZone}}))).toMatchSnapshot();
  });

  it('is in English for a locale Baton does not ship', () => {
    const english = renderHandoffNotice(handoff({receiver: {locale: 'en', timeZone: 'Asia/Tokyo'}}));
    expect(renderHandoffNotice(handoff({receiver: {locale: 'de', timeZone: 'Asia/Tokyo'}}))).toEqual(english);
  });

  it('is a Baton handoff post the webapp renders with its own component', () => {
    expect(renderHandoffNotice(handoff()).type).toBe('custom_baton_handoff');
  });

  it('links the case and the task, and names the sender, the step and the workflow', () => {
    const {message} = renderHandoffNotice(handoff({receiver: {locale: 'en', timeZone: 'Asia/Tokyo'}}));
    expect(linksIn(message)).toEqual([
      {label: 'P-2026-0142', address: 'https://ipms.example.com/cases/P-2026-0142'},
      {label: 'PAT-12 Draft response to office action', address: 'https://chat.example.com/baton/tasks/PAT-12'},
    ]);
    expect(message).toContain('From @tanaka, previously held by @suzuki · Step: Draft response · Workflow: Office action response');
  });

  it('mentions the previous holder only when it is not the sender, and says when no one handed it over', () => {
    const fromLine = (input: Partial<HandoffNoticeInput>) => renderHandoffNotice(handoff({receiver: {locale: 'en', timeZone: 'UTC'}, ...input})).message.split('\n')[1];
    expect(fromLine({previousHolder: {username: 'tanaka'}})).toMatch(/^From @tanaka · /);
    expect(fromLine({previousHolder: null})).toMatch(/^From @tanaka · /);
    expect(fromLine({sender: null, previousHolder: null})).toMatch(/^Assigned automatically · /);
    expect(fromLine({sender: null})).toMatch(/^Assigned automatically, previously held by @suzuki · /);
  });

  it('leaves out the case, step and workflow when there are none', () => {
    const {message} = renderHandoffNotice(handoff({receiver: {locale: 'en', timeZone: 'UTC'}, caseRef: null, stepName: null, runTitle: null}));
    expect(message.split('\n').slice(0, 2)).toEqual([
      'The baton is yours: **[PAT-12 Draft response to office action](https://chat.example.com/baton/tasks/PAT-12)**',
      'From @tanaka, previously held by @suzuki',
    ]);
  });

  it('ends with #baton on a line of its own, so handoffs can be searched for', () => {
    const {message} = renderHandoffNotice(handoff());
    expect(message.endsWith('\n\n#baton')).toBe(true);
    expect(renderHandoffNotice(handoff({comment: null})).message.endsWith('\n\n#baton')).toBe(true);
  });

  describe('deadlines', () => {
    it('shows the legal deadline first, marked and bold, then the others soonest first', () => {
      const fields = fieldsOf(handoff({receiver: {locale: 'en', timeZone: 'Asia/Tokyo'}}));
      expect(fields.map((field) => field.title)).toEqual(['⚖️ Legal deadline', 'Translation deadline', 'Internal deadline', 'Customer deadline']);
      expect(fields[0]?.value).toBe('**Wed, Feb 10, 2027 · in 20 business days**');
      expect(fields.slice(1).every((field) => !field.value.includes('**'))).toBe(true);
    });

    it('says how far away each one is, and flags the overdue', () => {
      const fields = fieldsOf(handoff({receiver: {locale: 'en', timeZone: 'Asia/Tokyo'}}));
      expect(fields.map((field) => field.value)).toEqual([
        '**Wed, Feb 10, 2027 · in 20 business days**',
        '⚠️ Mon, Jan 11, 2027 · overdue by 2 days',
        'Thu, Jan 14, 2027 · due tomorrow',
        'Fri, Jan 15, 2027, 5:00 PM · in 2 business days',
      ]);
    });

    it('colours the card by the most urgent deadline', () => {
      const colour = (deadlines: HandoffNoticeInput['deadlines']) => attachmentOf(handoff({deadlines})).color;
      const due = (date: string) => ({kind: 'internal', dueAt: endOfTokyoDay(date), allDay: true, timeZone: 'Asia/Tokyo'});
      expect(colour([due('2027-02-10'), due('2027-01-11')])).toBe('#d24b4e');
      expect(colour([due('2027-02-10'), due('2027-01-13')])).toBe('#ffbc1f');
      expect(colour([due('2027-02-10')])).toBe('#1c58d9');
      expect(colour([])).toBe('#1c58d9');
    });

    it('repeats everything as plain text in the fallback, for clients without attachments', () => {
      const {fallback} = attachmentOf(handoff({receiver: {locale: 'en', timeZone: 'Asia/Tokyo'}}));
      expect(fallback.split('\n')).toEqual([
        'The baton is yours: P-2026-0142 · PAT-12 Draft response to office action',
        'From @tanaka, previously held by @suzuki · Step: Draft response · Workflow: Office action response',
        '⚖️ Legal deadline: Wed, Feb 10, 2027 · in 20 business days',
        'Translation deadline: Mon, Jan 11, 2027 · overdue by 2 days',
        'Internal deadline: Thu, Jan 14, 2027 · due tomorrow',
        'Customer deadline: Fri, Jan 15, 2027, 5:00 PM · in 2 business days',
      ]);
    });
  });

  describe('the comment', () => {
    it('is quoted line by line, blank lines included, and the quote ends before #baton', () => {
      const {message} = renderHandoffNotice(handoff({comment: 'Keep claim 3.\r\n\r\n# Notes\n> earlier quote\n- amend claim 1\n'}));
      expect(message.split('\n\n').slice(1)).toEqual(['> Keep claim 3.\n>\n> # Notes\n> > earlier quote\n> - amend claim 1', '#baton']);
    });

    it('is left out when there is none, or only spaces', () => {
      expect(renderHandoffNotice(handoff({comment: null})).message).not.toContain('>');
      expect(renderHandoffNotice(handoff({comment: '  \n  '})).message).not.toContain('>');
    });

    it('is cut when too long for a Mattermost post, pointing to the rest in the task', () => {
      const {message, props} = renderHandoffNotice(handoff({receiver: {locale: 'en', timeZone: 'UTC'}, comment: '長'.repeat(20_000)}));
      expect(message).toContain(`> ${'長'.repeat(COMMENT_QUOTE_LIMIT)}…\n\nThe comment continues in [PAT-12 Draft response to office action](https://chat.example.com/baton/tasks/PAT-12)`);
      expect(message.length).toBeLessThan(16_383);
      expect(props.baton.comment).toHaveLength(20_000);
    });
  });

  describe('user-provided text', () => {
    const hostile = 'Fix ](https://evil.example) [x] (y) **bold** `code` _it_ ~~gone~~ @channel @sato #urgent ~town-square\nsecond line';

    it('cannot break out of the task link or change where it points', () => {
      const {message} = renderHandoffNotice(handoff({task: {...handoff().task, title: hostile}}));
      const links = linksIn(message);
      expect(links.map((link) => link.address)).toEqual(['https://ipms.example.com/cases/P-2026-0142', 'https://chat.example.com/baton/tasks/PAT-12']);
      expect(links[1]?.label.replace(/\\(.)/g, '$1').replaceAll('\u2060', '')).toBe(`PAT-12 ${hostile.replace('\n', ' ')}`);
    });

    it('starts no mention, hashtag or channel link, and no markup', () => {
      const {message} = renderHandoffNotice(handoff({task: {...handoff().task, title: hostile}, stepName: '@all review #now', comment: null}));
      const headline = message.split('\n\n')[0] as string;
      expect(headline).not.toMatch(/@(channel|sato|all)|#(urgent|now)|~town/);
      const withoutJoiners = headline.replaceAll('\u2060', '');
      expect(withoutJoiners).toContain('\\*\\*bold\\*\\*');
      expect(withoutJoiners).toContain('\\`code\\`');
      expect(withoutJoiners).toContain('\\~\\~gone\\~\\~');
      expect(headline).toContain('@\u2060channel');
      expect(message.match(/(^|\s)#[A-Za-z]/g)).toEqual(['\n#b']);
    });

    it('links only http(s) addresses, with parentheses and spaces encoded', () => {
      const odd = renderHandoffNotice(handoff({caseRef: {id: 'P-1', url: 'https://ipms.example.com/cases/(P 1)'}})).message;
      expect(linksIn(odd)[0]).toEqual({label: 'P-1', address: 'https://ipms.example.com/cases/%28P%201%29'});
      const script = renderHandoffNotice(handoff({caseRef: {id: 'P-1', url: 'javascript:alert(1)'}})).message;
      expect(script).not.toContain('javascript:');
      expect(linksIn(script).map((link) => link.label)).toEqual(['PAT-12 Draft response to office action']);
    });
  });

  describe('buttons', () => {
    it('are Accept, Done, Hand off… and Decline… in the reader\'s language', () => {
      expect(attachmentOf(handoff({receiver: {locale: 'en', timeZone: 'UTC'}})).actions.map((button) => button.name)).toEqual(['Accept', 'Done', 'Hand off…', 'Decline…']);
      expect(attachmentOf(handoff({receiver: {locale: 'ja', timeZone: 'UTC'}})).actions.map((button) => button.name)).toEqual(['引き受ける', '完了', '引き継ぐ…', '差し戻す…']);
    });

    it('have action ids of letters and digits only, since Mattermost cannot route a click on any other', () => {
      const ids = attachmentOf(handoff()).actions.map((button) => button.id);
      expect(ids).toEqual(['accept', 'done', 'handoff', 'decline']);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]+$/);
    });

    it('post to the bridge with the context the caller made for each action', () => {
      for (const button of attachmentOf(handoff()).actions) {
        expect(button.integration).toEqual({url: 'https://bridge.example.com/mattermost/action', context: {action: button.id, taskId: 'tsk_01'}});
      }
    });

    it('carry signed contexts that verify as their own action', () => {
      const signing = {key: 'test-signing-key', now: new Date('2027-01-13T01:00:00Z'), ttlMs: 30 * DAY_MS};
      const actions = {url: 'https://bridge.example.com/mattermost/action', context: (action: string) => signActionContext({action, taskId: 'tsk_01'}, signing)};
      for (const button of attachmentOf(handoff({actions})).actions) {
        const verified = verifyActionContext(JSON.parse(JSON.stringify(button.integration.context)), {key: signing.key, now: signing.now});
        expect(verified).toMatchObject({ok: true, payload: {action: button.id, taskId: 'tsk_01'}});
      }
    });
  });

  it('gives the webapp\'s card the raw facts, deadlines in display order as UTC instants', () => {
    const {baton} = renderHandoffNotice(handoff({previousHolder: {username: 'tanaka'}})).props;
    expect(baton).toMatchObject({
      version: 1,
      task: {id: 'tsk_01', key: 'PAT-12'},
      caseRef: {id: 'P-2026-0142'},
      sender: {username: 'tanaka'},
      previousHolder: null,
      sentAt: '2027-01-13T01:00:00.000Z',
      actions: [...HANDOFF_ACTIONS],
    });
    expect(baton.deadlines.map((deadline) => [deadline.kind, deadline.dueAt])).toEqual([
      ['legal', '2027-02-10T14:59:59.999Z'],
      ['translation', '2027-01-11T14:59:59.999Z'],
      ['internal', '2027-01-14T14:59:59.999Z'],
      ['customer', '2027-01-15T08:00:00.000Z'],
    ]);
    expect(JSON.parse(JSON.stringify(baton))).toEqual(baton);
  });
});
