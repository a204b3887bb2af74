import type {Locator, Page} from 'playwright-core';
import {batonClient, BRIDGE_TIMEOUT, message, openBatonPanel, taskButton, waitUntil} from './batonPage';
import {withScreenshotOnFailure} from './browser';
import {type E2EWorld, startWorld} from './world';

// The channel board in a real browser: a card moved to the next column (by
// mouse drag and by Alt+ArrowRight) changes the task's status on the bridge,
// is still in its new column after the page is loaded again, and the task's
// history records the change.

const t = (id: string) => message('en', id);

/** The board's column for a status, by its heading ("In progress 1 task"). */
const column = (rhs: Locator, statusId: string) => rhs.getByRole('region', {name: new RegExp(`^${t(`baton.status.${statusId}`)}\\b`)});

async function openBoard(page: Page): Promise<Locator> {
  const rhs = await openBatonPanel(page);
  await rhs.getByRole('tab', {name: t('baton.tasks.tab.channel'), exact: true}).click();
  await rhs.getByRole('button', {name: t('baton.board.view.board'), exact: true}).click();
  await column(rhs, 'open').waitFor({timeout: BRIDGE_TIMEOUT});
  return rhs;
}

describe('the channel board in the browser', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  it('moves cards to the next column by drag and drop and by Alt+ArrowRight: the status changes, survives a reload, and shows in the history', async () => {
    const baton = batonClient(world);
    const dragged = await baton.seedTask('smith', 'patents', {title: 'File the response with the JPO', holder: 'smith'});
    const keyed = await baton.seedTask('smith', 'patents', {title: 'Send the reporting letter to the client', holder: 'smith'});

    const page = await world.logIn('smith');
    await withScreenshotOnFailure(page, 'baton-board-move', async () => {
      const rhs = await openBoard(page);
      await taskButton(column(rhs, 'open'), dragged.key).waitFor({timeout: BRIDGE_TIMEOUT});
      await taskButton(column(rhs, 'open'), keyed.key).waitFor();

      await taskButton(rhs, dragged.key).dragTo(column(rhs, 'in_progress'));
      await taskButton(column(rhs, 'in_progress'), dragged.key).waitFor({timeout: BRIDGE_TIMEOUT});

      await taskButton(rhs, keyed.key).focus();
      await page.keyboard.press('Alt+ArrowRight');
      await taskButton(column(rhs, 'in_progress'), keyed.key).waitFor({timeout: BRIDGE_TIMEOUT});
      // Focus stays on the moved card, and the move is announced.
      await waitUntil(() => taskButton(column(rhs, 'in_progress'), keyed.key).evaluate((card) => card === document.activeElement));
      await rhs.getByText(`${keyed.key} moved to ${t('baton.status.in_progress')}.`).waitFor();
    });

    // The bridge has both moves (polled: the optimistic card moves before the answer).
    await waitUntil(async () => (await baton.getTask('smith', dragged.key)).status.id === 'in_progress' && (await baton.getTask('smith', keyed.key)).status.id === 'in_progress');

    await withScreenshotOnFailure(page, 'baton-board-reload', async () => {
      await page.reload();
      const rhs = await openBoard(page);
      await taskButton(column(rhs, 'in_progress'), dragged.key).waitFor({timeout: BRIDGE_TIMEOUT});
      await taskButton(column(rhs, 'in_progress'), keyed.key).waitFor();
      expect(await taskButton(column(rhs, 'open'), dragged.key).count()).toBe(0);

      await taskButton(rhs, dragged.key).click();
      const history = rhs.getByRole('region', {name: t('baton.detail.timeline'), exact: true});
      await history.getByText(t('baton.detail.event.status_changed')).waitFor({timeout: BRIDGE_TIMEOUT});
    });
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });
});
