import {createBusinessCalendar} from '../domain/calendar/businessCalendar';
import type {TaskDraft} from '../domain/tasks/task';
import {createHandoffActions, type HandoffActionsDeps} from './handoffActions';
import {createNewTaskDialog, type NewTaskDialogDeps} from './newTaskDialog';

// The form `/task new` opens when typed alone (the mobile app's way to create
// a task): where it posts, what it asks, and what a submission does. The
// simulator run is in build/sandbox/taskCommand.test.ts.

const now = new Date('2026-11-20T00:00:00Z');

function setup(overrides: Partial<NewTaskDialogDeps> = {}) {
  const created: TaskDraft[] = [];
  const opened: Array<{triggerId: string; url: string; dialog: {title: string; callback_id: string; elements: Array<Record<string, unknown>>; state: string}}> = [];
  const ephemeral: string[] = [];
  const used = new Set<string>();
  const deps: NewTaskDialogDeps = {
    tasks: {
      create: async (_caller, draft) => {
        created.push(draft);
        return {key: 'PATENT-4', title: draft.title} as never;
      },
    },
    interactions: {
      openDialog: async (triggerId, url, dialog) => void opened.push({triggerId, url, dialog}),
      sendEphemeral: async (_userId, _channelId, message) => void ephemeral.push(message),
      person: async (userId) => ({userId, guest: false, active: userId !== 'gone'}),
    },
    nonces: {useOnce: async (nonce) => !used.has(nonce) && Boolean(used.add(nonce))},
    key: new Uint8Array(32).fill(3),
    now: () => now,
    locale: async (userId) => (userId === 'sato' ? 'ja' : 'en'),
    timeZone: async () => 'Asia/Tokyo',
    bridgeUrl: async () => 'https://baton.example',
    calendar: createBusinessCalendar({country: 'JP'}),
    isMember: async (userId) => userId !== 'outsider',
    ...overrides,
  };
  const dialog = createNewTaskDialog(deps);
  return {dialog, deps, created, opened, ephemeral};
}

async function openedFor(userId: string, context = setup()) {
  await context.dialog.open({triggerId: 'trigger-1', userId, channelId: 'patents'});
  const state = context.opened[0]?.dialog.state ?? '';
  const submit = (submission: Record<string, unknown>, as = userId) => context.dialog.submit({userId: as, channelId: 'patents', state, submission, cancelled: false});
  return {...context, state, submit};
}

describe('the new-task dialog', () => {
  it('opens at the bridge’s dialog URL, in the caller’s language, asking for title, holder, deadlines, labels, case and description', async () => {
    const {opened} = await openedFor('sato');
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({triggerId: 'trigger-1', url: 'https://baton.example/mattermost/dialogs', dialog: {callback_id: 'baton_new_task', title: '新しいタスク'}});
    expect(opened[0]?.dialog.elements.map((element) => element.name)).toEqual(['title', 'holder', 'internal', 'legal', 'customer', 'labels', 'case', 'description']);
    expect(opened[0]?.dialog.elements.find((element) => element.name === 'holder')).toMatchObject({type: 'select', data_source: 'users', optional: true});
  });

  it('creates the task in the channel it was opened in, and tells the caller', async () => {
    const {submit, created, ephemeral} = await openedFor('smith');
    expect(await submit({title: ' Draft response ', holder: 'li', internal: '+2bd', legal: '12/1/2026', customer: '', labels: 'OA, urgent,oa', case: 'P-2026-0142', description: 'Claims 1–5'})).toEqual({});
    expect(created).toEqual([
      {
        title: 'Draft response: P-2026-0142',
        description: 'Claims 1–5',
        channelId: 'patents',
        holderId: 'li',
        deadlines: [
          {kind: 'internal', timeZone: 'Asia/Tokyo', dueAt: new Date('2026-11-25T14:59:59.999Z'), allDay: true},
          {kind: 'legal', timeZone: 'Asia/Tokyo', dueAt: new Date('2026-12-01T14:59:59.999Z'), allDay: true},
        ],
        labels: ['OA', 'urgent'],
      },
    ]);
    expect(ephemeral).toEqual(['Created PATENT-4: Draft response: P-2026-0142']);
  });

  it('keeps the dialog open with the message under the field that is wrong, creating nothing', async () => {
    const {submit, created} = await openedFor('sato');
    expect(await submit({title: '期限の確認', legal: '31.12.2026'})).toEqual({errors: {legal: expect.stringMatching(/^`31\.12\.2026` は日付ではありません。/)}});
    expect(await submit({title: '  '})).toEqual({errors: {title: 'タイトルは 1～200 文字にしてください。'}});
    expect(await submit({title: '確認', holder: 'outsider'})).toEqual({errors: {holder: '担当者はタスクのチャンネルのメンバーである必要があります。'}});
    expect(created).toEqual([]);
    // None of these used the dialog up: a corrected submission still works.
    expect(await submit({title: '確認'})).toEqual({});
    expect(created).toHaveLength(1);
  });

  it('creates one task per dialog, for the person it was opened for only', async () => {
    const {submit, created} = await openedFor('smith');
    expect(await submit({title: 'Mine'}, 'tanaka')).toEqual({error: 'This button is for the person the notice was sent to.'});
    expect(await submit({title: 'Mine'})).toEqual({});
    expect(await submit({title: 'Mine'})).toEqual({error: 'This was already done.'});
    expect(created).toHaveLength(1);
  });

  it('refuses a state it did not sign, and a deactivated account', async () => {
    const context = await openedFor('smith');
    const forged = JSON.parse(context.state) as {payload: {c: string}};
    forged.payload.c = 'partners-only';
    expect(await context.dialog.submit({userId: 'smith', channelId: 'patents', state: JSON.stringify(forged), submission: {title: 'x'}, cancelled: false})).toEqual({error: expect.stringContaining('no longer works')});
    const gone = await openedFor('gone');
    expect(await gone.submit({title: 'x'})).toEqual({error: 'This Mattermost account is deactivated.'});
    expect([...context.created, ...gone.created]).toEqual([]);
  });

  it('receives its submissions through the notices’ dialog handler, which keeps handling its own', async () => {
    const context = await openedFor('smith');
    const handoffActions = createHandoffActions({...(context.deps as unknown as HandoffActionsDeps), dialogs: [context.dialog], locale: async () => 'en'});
    expect(await handoffActions.submit({userId: 'smith', channelId: 'patents', state: context.state, submission: {title: 'Via the handler'}, cancelled: false})).toEqual({});
    expect(context.created.map((draft) => draft.title)).toEqual(['Via the handler']);
    expect(await handoffActions.submit({userId: 'smith', channelId: 'patents', state: '{"v":1}', submission: {}, cancelled: false})).toEqual({error: expect.stringContaining('no longer works')});
  });
});
