import {dueInstant} from '../contract/dueInstant';
import type {ReminderSnooze} from '../domain/reminders/snooze';
import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import {createHandoffActions} from './handoffActions';
import {createReminderButtons} from './reminderActions';
import {type ReminderNoticeInput, renderReminderNotice} from './reminderNotice';
import {createSnoozeDialog} from './snoozeDialog';

// Buttons on deadline reminder posts: which ones each reader gets, and the
// Snooze… dialog through the one actions/dialogs endpoint (handoffActions.ts
// passes reminder buttons on): field errors keep it open, a good choice is
// stored and updates the post, a legal deadline is capped at its day, and a
// forged or replayed context does nothing. Done and Hand off… on a reminder
// are the handoff notice's own actions. The storage side (the ladder skipping
// a snoozed person) is in storage/reminderSnoozes.test.ts.

const now = new Date('2026-11-30T01:00:00Z'); // Monday 10:00 in Tokyo
const key = new Uint8Array(32).fill(7);
const day = (date: string, kind: string) => ({kind, ...dueInstant(date, 'Asia/Tokyo'), timeZone: 'Asia/Tokyo'});
const TASKS: Record<string, {id: string; key: string; title: string; holderId: string; deadlines: Array<ReturnType<typeof day>>}> = {
  draft: {id: 'draft', key: 'PATENT-7', title: 'Draft the response', holderId: 'sato', deadlines: [day('2026-12-10', 'internal')]},
  filing: {id: 'filing', key: 'PATENT-8', title: 'File the response', holderId: 'sato', deadlines: [day('2026-12-02', 'legal')]},
};

function reminder(overrides: Partial<ReminderNoticeInput> = {}): ReminderNoticeInput {
  return {
    task: {key: 'PATENT-7', title: 'Draft the response', url: 'https://mm.example/t/7'},
    caseRef: null,
    deadline: day('2026-12-10', 'internal'),
    audience: 'holder',
    holder: 'sato',
    closed: false,
    receiver: {locale: 'en', timeZone: 'Asia/Tokyo'},
    now,
    businessDaysBetween: () => 3,
    actions: {url: 'https://baton.example/mattermost/actions', context: (action) => ({action})},
    ...overrides,
  };
}

const buttonsOf = (input: ReminderNoticeInput) => (renderReminderNotice(input).props?.attachments as Array<{actions: Array<{id: string; name: string}>}> | undefined)?.[0]?.actions.map((action) => action.id);

describe('buttons on a deadline reminder', () => {
  it('gives the holder Done, Hand off… and Snooze…, each with its signed context and the bridge’s URL', () => {
    const post = renderReminderNotice(reminder({receiver: {locale: 'ja', timeZone: 'Asia/Tokyo'}}));
    expect(post.props).toEqual({
      attachments: [
        {
          fallback: expect.stringContaining('PATENT-7'),
          color: '#1c58d9',
          actions: [
            {id: 'done', type: 'button', name: '完了', style: 'success', integration: {url: 'https://baton.example/mattermost/actions', context: {action: 'done'}}},
            {id: 'handoff', type: 'button', name: '引き継ぐ…', style: 'default', integration: {url: 'https://baton.example/mattermost/actions', context: {action: 'handoff'}}},
            {id: 'snooze', type: 'button', name: 'スヌーズ…', style: 'default', integration: {url: 'https://baton.example/mattermost/actions', context: {action: 'snooze'}}},
          ],
        },
      ],
    });
  });

  it('leaves Snooze… off a legal deadline whose day has come, for the holder and the followers alike', () => {
    expect(buttonsOf(reminder({deadline: day('2026-11-30', 'legal')}))).toEqual(['done', 'handoff']);
    expect(buttonsOf(reminder({deadline: day('2026-12-01', 'legal')}))).toEqual(['done', 'handoff', 'snooze']);
    // Followers hear only of overdue legal deadlines: nothing to snooze, so no buttons at all.
    expect(renderReminderNotice(reminder({audience: 'follower', deadline: day('2026-11-27', 'legal')})).props).toBeUndefined();
  });

  it('gives a follower at most Snooze…, and nobody anything once the task is closed or without the bridge’s URL', () => {
    expect(buttonsOf(reminder({audience: 'follower', deadline: day('2026-11-27', 'customer')}))).toEqual(['snooze']);
    expect(renderReminderNotice(reminder({closed: true})).props).toBeUndefined();
    const {actions: _none, ...withoutActions} = reminder();
    expect(renderReminderNotice(withoutActions)).toEqual({message: renderReminderNotice(reminder()).message});
  });
});

function setup() {
  const snoozes: Array<ReminderSnooze & {at: Date}> = [];
  const opened: Array<{triggerId: string; url: string; dialog: {callback_id: string; title: string; elements: Array<Record<string, unknown>>; state: string}}> = [];
  const patched: Array<{postId: string; props: Record<string, unknown>}> = [];
  const ephemeral: string[] = [];
  const transitions: string[] = [];
  const used = new Set<string>();
  const common = {
    interactions: {
      openDialog: async (triggerId: string, url: string, dialog: never) => void opened.push({triggerId, url, dialog}),
      sendEphemeral: async (_userId: string, _channelId: string, message: string) => void ephemeral.push(message),
      person: async (userId: string) => ({userId, guest: false, active: true}),
      getPost: async (postId: string) => ({id: postId, channel_id: 'dm', message: '⏰ Deadline reminder', props: {attachments: [{actions: [{id: 'snooze'}]}], keep: 1}}),
      patchPostProps: async (postId: string, props: Record<string, unknown>) => void patched.push({postId, props}),
    },
    nonces: {useOnce: async (nonce: string) => !used.has(nonce) && Boolean(used.add(nonce))},
    key,
    now: () => now,
    locale: async (userId: string) => (userId === 'tanaka' ? 'ja' : 'en'),
    timeZone: async () => 'Asia/Tokyo',
    bridgeUrl: async () => 'https://baton.example',
  };
  const tasks = {
    get: async (_caller: unknown, id: string) => TASKS[id] as never,
    accept: async () => ({}) as never,
    decline: async () => ({}) as never,
    handOff: async () => ({}) as never,
    transition: async (_caller: unknown, id: string) => {
      transitions.push(id);
      return TASKS[id] as never;
    },
  };
  const snooze = createSnoozeDialog({
    ...common,
    tasks,
    calendar: createBusinessCalendar({country: 'JP'}),
    snoozes: {snooze: async (each, at) => void snoozes.push({...each, at})},
    freshAttachment: async () => ({fallback: 'fresh', color: '#1c58d9', actions: [{id: 'snooze', type: 'button', name: 'Snooze…', style: 'default', integration: {url: 'u', context: {}}}]}),
  });
  const endpoint = createHandoffActions({...common, tasks, freshAttachment: async () => undefined, buttons: [snooze.button], dialogs: [snooze.dialog]});
  const buttons = createReminderButtons({key, now: () => now, bridgeUrl: common.bridgeUrl});
  async function click(userId: string, taskId: string, kind: string, action: 'done' | 'handoff' | 'snooze', tamper?: (context: {payload: Record<string, unknown>}) => void) {
    const target = await buttons(userId, {id: taskId}, kind);
    const context = structuredClone(target!.context(action)) as {payload: Record<string, unknown>};
    tamper?.(context);
    return endpoint.click({userId, postId: 'post-1', channelId: 'dm', triggerId: 'trigger-1', context});
  }
  const submit = (submission: Record<string, unknown>, state = opened.at(-1)?.dialog.state ?? '', userId = 'sato') => endpoint.submit({userId, channelId: 'dm', state, submission, cancelled: false});
  return {snoozes, opened, patched, ephemeral, transitions, click, submit};
}

describe('the Snooze… dialog', () => {
  it('opens from the reminder’s button, asking for a choice or a date', async () => {
    const {click, opened} = setup();
    expect(await click('sato', 'draft', 'internal', 'snooze')).toEqual({});
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({triggerId: 'trigger-1', url: 'https://baton.example/mattermost/dialogs', dialog: {callback_id: 'baton_snooze', title: 'Snooze reminders'}});
    expect(opened[0]?.dialog.elements.map((element) => [element.name, element.type])).toEqual([
      ['until', 'select'],
      ['date', 'text'],
    ]);
    expect(opened[0]?.dialog.elements[0]?.options).toEqual([
      {text: '1 day (until tomorrow)', value: '1d'},
      {text: '3 days', value: '3d'},
      {text: '1 week', value: '1w'},
    ]);
  });

  it('keeps the dialog open on a date it cannot read or one not after today, storing nothing; then snoozes and updates the post', async () => {
    const {click, submit, snoozes, patched, ephemeral} = setup();
    await click('sato', 'draft', 'internal', 'snooze');
    expect(await submit({until: '1d', date: 'someday'})).toEqual({errors: {date: expect.stringContaining('`someday` is not a date')}});
    expect(await submit({date: 'today'})).toEqual({errors: {date: 'Choose a date after today.'}});
    expect(await submit({until: 'forever'})).toEqual({errors: {until: 'Choose how long, or type a date.'}});
    expect(snoozes).toEqual([]);
    expect(await submit({until: '3d'})).toEqual({});
    expect(snoozes).toEqual([{userId: 'sato', taskId: 'draft', deadlineKind: 'internal', until: '2026-12-03', at: now}]);
    expect(patched).toEqual([
      {postId: 'post-1', props: {keep: 1, attachments: [{fallback: 'fresh', color: '#1c58d9', actions: [expect.objectContaining({id: 'snooze'})], footer: 'Snoozed until 2026-12-03 by you'}]}},
    ]);
    expect(ephemeral).toEqual(['Reminders about PATENT-7 are snoozed for you until 2026-12-03.']);
  });

  it('reads a typed date in the person’s formats, in their language', async () => {
    const {click, submit, snoozes, ephemeral} = setup();
    await click('tanaka', 'draft', 'internal', 'snooze');
    expect(await submit({date: '31.12.2026'}, undefined, 'tanaka')).toEqual({errors: {date: expect.stringContaining('は日付ではありません')}});
    expect(await submit({date: '2026/12/24'}, undefined, 'tanaka')).toEqual({});
    expect(snoozes.map((each) => each.until)).toEqual(['2026-12-24']);
    expect(ephemeral).toEqual(['PATENT-7 のリマインダーを 2026-12-24 までスヌーズしました。']);
  });

  it('snoozes a legal deadline at most until its day, and says so', async () => {
    const {click, submit, snoozes, opened, ephemeral} = setup();
    await click('sato', 'filing', 'legal', 'snooze');
    expect(opened[0]?.dialog.elements[1]?.help_text).toContain('at most until its day, 2026-12-02');
    expect(await submit({until: '1w'})).toEqual({});
    expect(snoozes.map((each) => [each.deadlineKind, each.until])).toEqual([['legal', '2026-12-02']]);
    expect(ephemeral[0]).toContain('until 2026-12-02, the legal deadline’s day');
  });

  it('takes effect once: the same submission again is refused', async () => {
    const {click, submit, snoozes} = setup();
    await click('sato', 'draft', 'internal', 'snooze');
    expect(await submit({until: '1d'})).toEqual({});
    expect(await submit({until: '1w'})).toEqual({error: 'This was already done.'});
    expect(snoozes).toHaveLength(1);
  });

  it('refuses a tampered button or dialog state, and someone else’s', async () => {
    const {click, submit, opened, snoozes} = setup();
    expect(await click('sato', 'draft', 'internal', 'snooze', (context) => void (context.payload.k = 'legal'))).toEqual({ephemeral_text: expect.stringContaining('no longer works')});
    expect(await click('sato', 'draft', 'internal', 'snooze', (context) => void (context.payload.u = 'tanaka'))).toEqual({ephemeral_text: expect.stringContaining('no longer works')});
    expect(opened).toEqual([]);
    expect(await click('sato', 'draft', 'internal', 'snooze')).toEqual({});
    const forged = JSON.parse(opened[0]!.dialog.state) as {payload: {t: string}};
    forged.payload.t = 'filing';
    expect(await submit({until: '1d'}, JSON.stringify(forged))).toEqual({error: expect.stringContaining('no longer works')});
    // Someone else submitting the dialog opened for sato (in their own language).
    expect(await submit({until: '1d'}, undefined, 'tanaka')).toEqual({error: 'このボタンは通知の宛先の方専用です。'});
    expect(snoozes).toEqual([]);
  });

  it('answers the reminder’s Done with the handoff notice’s own action', async () => {
    const {click, transitions, snoozes} = setup();
    expect(await click('sato', 'draft', 'internal', 'done')).toEqual({update: expect.any(Object), ephemeral_text: 'PATENT-7 is done.'});
    expect(transitions).toEqual(['draft']);
    expect(snoozes).toEqual([]);
  });
});
