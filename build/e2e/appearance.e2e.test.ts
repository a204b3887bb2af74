import type {Locator} from 'playwright-core';
import {hexToRgbTriplet} from '../mattermost-sim/harness/src/theme/applyTheme';
import {themes} from '../mattermost-sim/harness/src/theme/themes';
import {batonClient, BRIDGE_TIMEOUT, message, openBatonPanel, saveScreenshot, taskButton, waitUntil} from './batonPage';
import {withScreenshotOnFailure} from './browser';
import {type E2EWorld, startWorld} from './world';

// The panel as people see it: in their language (sato reads Japanese: no
// message id may leak, the text is CJK) and in their theme (Onyx: the panel
// takes the host's dark background from Mattermost's CSS variables).

const CJK = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The bridge's English names of its built-in statuses: none may show to a Japanese reader. */
const ENGLISH_STATUS = /\b(Open|In progress|Waiting|Done|Cancelled)\b/;

/**
 * The panel's text holds no raw message id, no status in the bridge's
 * English and some Japanese; every holder shows by name once Mattermost has
 * answered for the profiles (people/profileLoader.ts), never as a cut-off id.
 */
async function expectJapanese(rhs: Locator): Promise<void> {
  const holders = rhs.locator('.baton-task-row__holder');
  await waitUntil(async () => (await holders.allInnerTexts()).every((holder) => !holder.endsWith('…')));
  const text = await rhs.innerText();
  expect(text).not.toMatch(/baton\.[a-z_]/);
  expect(text).not.toMatch(ENGLISH_STATUS);
  expect(text).toMatch(CJK);
}

describe('the Baton panel’s language and theme in the browser', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  it('speaks Japanese to a Japanese reader: lists and a task’s detail, no raw message ids', async () => {
    const baton = batonClient(world);
    const tasks = [
      await baton.seedTask('tanaka', 'patents', {title: '拒絶理由通知への応答案の作成', holder: 'sato', priority: 'high', deadlines: [{kind: 'legal', due: '2027-01-20'}, {kind: 'internal', due: '2027-01-05'}], caseRef: {id: 'P-2026-0142', url: 'https://ip.example/P-2026-0142'}}),
      await baton.seedTask('tanaka', 'patents', {title: '英文報告書の翻訳依頼', holder: 'sato', deadlines: [{kind: 'customer', due: '2027-01-06'}]}),
      await baton.seedTask('sato', 'patents', {title: '引用文献2の検討メモ', holder: 'sato', description: '**請求項3**は維持する方針です。'}),
      // Held by someone else, in progress: the board names the holder and the status.
      await baton.seedTask('tanaka', 'patents', {title: '出願書類の最終確認', holder: 'tanaka'}),
    ];
    await baton.call('tanaka', 'POST', `/tasks/${tasks[3]!.key}/transition`, {statusId: 'in_progress', version: tasks[3]!.version});

    const page = await world.logIn('sato');
    await withScreenshotOnFailure(page, 'baton-rhs-ja', async () => {
      const rhs = await openBatonPanel(page);
      for (const task of tasks.slice(0, 3)) await taskButton(rhs, task.key).waitFor({timeout: BRIDGE_TIMEOUT});
      await taskButton(rhs, tasks[0]!.key).getByText(new RegExp(message('ja', 'baton.tasks.deadline.legal'))).last().waitFor();
      await rhs.hover();
      await expectJapanese(rhs);
      await saveScreenshot(page, 'baton-rhs-ja.png');

      await taskButton(rhs, tasks[0]!.key).click();
      await rhs.getByText(message('ja', 'baton.detail.event.created')).first().waitFor({timeout: BRIDGE_TIMEOUT});
      await rhs.getByText(message('ja', 'baton.detail.comments.empty')).waitFor({timeout: BRIDGE_TIMEOUT});
      await expectJapanese(rhs);

      await rhs.getByRole('button', {name: message('ja', 'baton.detail.back')}).click();
      await rhs.getByRole('tab', {name: message('ja', 'baton.tasks.tab.channel'), exact: true}).click();
      await rhs.getByRole('button', {name: message('ja', 'baton.board.view.board'), exact: true}).click();
      await taskButton(rhs, tasks[2]!.key).waitFor({timeout: BRIDGE_TIMEOUT});
      await taskButton(rhs, tasks[3]!.key).getByText(/@tanaka/).waitFor({timeout: BRIDGE_TIMEOUT});
      await rhs.getByText(message('ja', 'baton.status.in_progress')).first().waitFor();
      await expectJapanese(rhs);
    });
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });

  it('takes Onyx’s dark background when the reader switches theme: list and board', async () => {
    const baton = batonClient(world);
    const task = await baton.seedTask('smith', 'patents', {title: 'Check the filing receipt', holder: 'smith', deadlines: [{kind: 'legal', due: '2027-02-01'}]});
    const page = await world.logIn('smith');
    await withScreenshotOnFailure(page, 'baton-board-onyx', async () => {
      await page.getByTestId('theme-switch').selectOption('onyx');
      const rhs = await openBatonPanel(page);
      await taskButton(rhs, task.key).waitFor({timeout: BRIDGE_TIMEOUT});
      await rhs.getByRole('tab', {name: message('en', 'baton.tasks.tab.channel'), exact: true}).click();
      await rhs.getByRole('button', {name: message('en', 'baton.board.view.board'), exact: true}).click();
      await taskButton(rhs, task.key).waitFor({timeout: BRIDGE_TIMEOUT});

      const colours = await rhs.evaluate((body) => {
        // What the reader sees behind the panel: the first ancestor that paints a background.
        let element: Element | null = body;
        let background = 'rgba(0, 0, 0, 0)';
        while (element && background === 'rgba(0, 0, 0, 0)') {
          background = getComputedStyle(element).backgroundColor;
          element = element.parentElement;
        }
        const card = body.querySelector('[draggable]');
        return {
          variable: getComputedStyle(document.documentElement).getPropertyValue('--center-channel-bg').trim(),
          background,
          cardText: card ? getComputedStyle(card).color : null,
          variableText: getComputedStyle(document.documentElement).getPropertyValue('--center-channel-color').trim(),
        };
      });
      expect(colours.variable).toBe(themes.onyx.centerChannelBg);
      expect(colours.background).toBe(`rgb(${hexToRgbTriplet(themes.onyx.centerChannelBg)})`);
      // The cards' text follows the theme's text colour too (not a fixed dark grey on dark).
      expect(colours.variableText).toBe(themes.onyx.centerChannelColor);
      expect(colours.cardText).toBe(`rgb(${hexToRgbTriplet(themes.onyx.centerChannelColor)})`);
      await saveScreenshot(page, 'baton-board-onyx.png');
    });
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });
});
