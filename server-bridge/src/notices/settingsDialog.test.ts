import {DEFAULT_USER_SETTINGS, type StoredUserSettings} from '../domain/reminders/userSettings';
import {dialogLimitProblems, fakeDialogBot, openAndSubmit} from '../testing/dialogTesting';
import {createHandoffActions, type HandoffActionsDeps} from './handoffActions';
import {createSettingsDialog, type SettingsDialogDeps} from './settingsDialog';

// The form `/task settings` opens when typed alone (the mobile app's way to
// change reminders): it shows the current values, refuses wrong ones under
// their field, and saves all of them at once. The simulator run is in
// build/sandbox/taskCommand.test.ts.

function setup(overrides: Partial<SettingsDialogDeps> = {}) {
  let current: StoredUserSettings = {userId: 'smith', ...DEFAULT_USER_SETTINGS, digestTime: '08:15', weeklySummary: false, mutedDeadlineKinds: ['internal', 'filing_check'], updatedAt: null};
  const updates: unknown[] = [];
  const bot = fakeDialogBot({tanaka: 'ja', chen: 'zh-TW', ivanova: 'ru'}, 7);
  const deps: SettingsDialogDeps = {
    ...bot.deps,
    settings: {
      get: async () => current,
      update: async (_caller, changes) => {
        updates.push(changes);
        current = {...current, ...changes} as StoredUserSettings;
        return current;
      },
    },
    ...overrides,
  };
  return {dialog: createSettingsDialog(deps), deps, updates, opened: bot.opened, ephemeral: bot.ephemeral, current: () => current};
}

async function openedFor(userId: string, context = setup()) {
  return {...context, ...(await openAndSubmit(context.dialog, context.opened, userId, 'town-square'))};
}

const good = {digest_time: '07:30', digest_enabled: true, weekly_summary: true, muted: 'Legal, customer  legal', require_acceptance: true};

describe('the settings dialog', () => {
  it('opens at the bridge’s dialog URL in the caller’s language, with the current values', async () => {
    const {opened} = await openedFor('ivanova');
    expect(opened[0]).toMatchObject({triggerId: 'trigger-1', url: 'https://baton.example/mattermost/dialogs', dialog: {callback_id: 'baton_settings', title: 'Напоминания'}});
    expect(opened[0]?.dialog.elements).toEqual([
      expect.objectContaining({name: 'digest_time', type: 'text', display_name: 'Время сводки', default: '08:15'}),
      expect.objectContaining({name: 'digest_enabled', type: 'bool', optional: true, default: 'true', placeholder: 'Присылать ежедневную сводку'}),
      expect.objectContaining({name: 'weekly_summary', type: 'bool', optional: true, default: 'false'}),
      expect.objectContaining({name: 'muted', type: 'textarea', optional: true, default: 'internal, filing_check', help_text: 'Виды сроков без напоминаний через запятую (legal, customer, internal)'}),
      expect.objectContaining({name: 'require_acceptance', type: 'bool', optional: true, default: 'false', display_name: 'Приём задач'}),
    ]);
  });

  it('fits Mattermost’s limits in every language (title and labels 24 bytes, help 150)', async () => {
    for (const userId of ['smith', 'tanaka', 'chen', 'ivanova']) {
      const {opened} = await openedFor(userId);
      expect([userId, dialogLimitProblems(opened[0]!.dialog)]).toEqual([userId, []]);
    }
    // The check counts bytes, as Mattermost does: nine Japanese characters are too many for a label.
    expect(dialogLimitProblems({callback_id: 'x', state: '', title: 'リマインダーの設定', elements: [{name: 'muted', display_name: '通知しない期限の種類'}]})).toEqual(['title リマインダーの設定', 'muted: display_name 通知しない期限の種類']);
  });

  it('saves every field at once and answers with the settings as they are now', async () => {
    const {submit, updates, ephemeral} = await openedFor('smith');
    expect(await submit(good)).toEqual({});
    expect(updates).toEqual([{digestTime: '07:30', digestEnabled: true, weeklySummary: true, mutedDeadlineKinds: ['legal', 'customer'], requireAcceptance: true}]);
    expect(ephemeral).toEqual([
      {
        channelId: 'town-square',
        message: '#### Your reminders\n- Daily digest at 07:30 on business days: on\n- Weekly summary: on\n- No reminders for: legal, customer\n- Handoffs to you wait until you accept them: on',
      },
    ]);
  });

  it('turns off what is unticked and unmutes everything when the kinds are cleared', async () => {
    const {submit, current} = await openedFor('smith');
    expect(await submit({digest_time: '09:00', digest_enabled: false, weekly_summary: 'false', muted: ''})).toEqual({});
    expect(current()).toMatchObject({digestTime: '09:00', digestEnabled: false, weeklySummary: false, mutedDeadlineKinds: [], requireAcceptance: false});
  });

  it('keeps the dialog open with the message under the field that is wrong, changing nothing', async () => {
    const {submit, updates} = await openedFor('tanaka');
    expect(await submit({...good, digest_time: '25:00'})).toEqual({errors: {digest_time: '00:00～23:59 の時刻を入力してください（例: 08:30）。'}});
    expect(await submit({...good, digest_time: ''})).toEqual({errors: {digest_time: '00:00～23:59 の時刻を入力してください（例: 08:30）。'}});
    expect(await submit({...good, muted: 'internal, 法定'})).toEqual({errors: {muted: expect.stringMatching(/^期限の種類は 20 個まで/)}});
    expect(await submit({...good, muted: Array.from({length: 21}, (_, i) => `kind${i}`).join(',')})).toEqual({errors: {muted: expect.stringMatching(/^期限の種類は 20 個まで/)}});
    expect(await submit({...good, digest_time: '7:30', muted: '-'})).toEqual({errors: {digest_time: expect.any(String), muted: expect.any(String)}});
    expect(updates).toEqual([]);
    expect(await submit(good)).toEqual({});
    expect(updates).toHaveLength(1);
  });

  it('saves once per dialog, for the person it was opened for only', async () => {
    const {submit, updates} = await openedFor('smith');
    expect(await submit(good, 'li')).toEqual({error: 'This button is for the person the notice was sent to.'});
    expect(await submit(good)).toEqual({});
    expect(await submit(good)).toEqual({error: 'This was already done.'});
    expect(updates).toHaveLength(1);
  });

  it('refuses a state it did not sign and a deactivated account', async () => {
    const context = await openedFor('smith');
    const forged = JSON.parse(context.state) as {payload: {u: string}};
    forged.payload.u = 'li';
    expect(await context.dialog.submit({userId: 'li', channelId: 'town-square', state: JSON.stringify(forged), submission: good, cancelled: false})).toEqual({error: expect.stringContaining('no longer works')});
    const gone = await openedFor('gone');
    expect(await gone.submit(good)).toEqual({error: 'This Mattermost account is deactivated.'});
    expect([...context.updates, ...gone.updates]).toEqual([]);
  });

  it('receives its submissions through the notices’ dialog handler', async () => {
    const context = await openedFor('smith');
    const handoffActions = createHandoffActions({...(context.deps as unknown as HandoffActionsDeps), dialogs: [context.dialog]});
    expect(await handoffActions.submit({userId: 'smith', channelId: 'town-square', state: context.state, submission: good, cancelled: false})).toEqual({});
    expect(context.updates).toHaveLength(1);
  });
});
