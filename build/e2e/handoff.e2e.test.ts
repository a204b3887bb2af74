import {batonClient, BRIDGE_TIMEOUT, message, openBatonPanel, saveScreenshot, taskButton} from './batonPage';
import {withScreenshotOnFailure} from './browser';
import {type E2EWorld, startWorld} from './world';

// The product's signature in two browsers: the docketing clerk (tanaka)
// hands a task to the attorney (sato) from the Baton panel with a note; sato,
// already signed in elsewhere, sees their "Mine" counter go up, finds the
// @baton DM about it and the task in their own list.

describe('handing off a task in the browser', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  it('hands off from the panel with a note: the receiver’s counter goes up, the @baton DM shows the task, and it is in their Mine list', async () => {
    const baton = batonClient(world);
    const task = await baton.seedTask('tanaka', 'patents', {title: '拒絶理由通知の登録 P-2026-0142', holder: 'tanaka', deadlines: [{kind: 'legal', due: '2027-01-20'}]});

    // sato asks for it in the channel (so tanaka's client knows @sato: the
    // handoff field resolves names among the profiles the host has loaded).
    await baton.mattermost('sato', 'POST', '/posts', {channel_id: baton.channelId('patents'), message: 'P-2026-0142 の応答案、私が担当します。'});
    // sato is signed in before the handoff: the counter must move by itself.
    const receiver = await world.logIn('sato');
    const mine = receiver.getByTestId('lhs-header-plugins').getByTestId('baton-counter-mine');
    await withScreenshotOnFailure(receiver, 'baton-handoff-receiver-before', async () => {
      await mine.getByText('0', {exact: true}).waitFor({timeout: BRIDGE_TIMEOUT});
    });

    const sender = await world.logIn('tanaka');
    await withScreenshotOnFailure(sender, 'baton-handoff-sender', async () => {
      const rhs = await openBatonPanel(sender);
      await taskButton(rhs, task.key).click({timeout: BRIDGE_TIMEOUT});
      await rhs.getByRole('heading', {name: new RegExp(task.key)}).waitFor();
      await rhs.getByRole('button', {name: message('ja', 'baton.detail.action.handoff'), exact: true}).click();
      await rhs.getByLabel(message('ja', 'baton.detail.handoff.to')).fill('@sato');
      await rhs.getByLabel(message('ja', 'baton.detail.handoff.note')).fill('引用文献2の検討をお願いします。');
      await rhs.getByRole('button', {name: message('ja', 'baton.detail.handoff.submit'), exact: true}).click();
      // The form closes and the detail names sato as the holder, not yet accepted.
      await rhs.getByLabel(message('ja', 'baton.detail.handoff.to')).waitFor({state: 'detached', timeout: BRIDGE_TIMEOUT});
      await rhs.getByRole('definition').filter({hasText: '@sato'}).getByText(message('ja', 'baton.detail.not_accepted')).waitFor();
    });
    expect(await baton.getTask('tanaka', task.key)).toMatchObject({holderId: baton.userId('sato'), acceptedAt: null});

    await withScreenshotOnFailure(receiver, 'baton-handoff-receiver', async () => {
      await mine.getByText('1', {exact: true}).waitFor({timeout: BRIDGE_TIMEOUT});

      await receiver.getByTestId('dm-link-baton').click({timeout: BRIDGE_TIMEOUT});
      const notice = receiver.locator('[data-post-type="custom_baton_handoff"]').filter({hasText: task.key});
      await notice.waitFor({timeout: BRIDGE_TIMEOUT});
      await notice.getByText(/引用文献2の検討をお願いします/).first().waitFor();
      await saveScreenshot(receiver, 'baton-handoff-card.png');

      const rhs = await openBatonPanel(receiver);
      await rhs.getByRole('tab', {name: message('ja', 'baton.tasks.tab.mine'), exact: true}).click();
      await taskButton(rhs, task.key).waitFor({timeout: BRIDGE_TIMEOUT});
    });
    expect(world.consoleErrors).toEqual([]);
    await sender.close();
    await receiver.close();
  });
});
