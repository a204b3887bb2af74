import type {Locator, Page} from 'playwright-core';
import {batonClient, BRIDGE_TIMEOUT, bridgeMessage, message, openBatonPanel, taskButton, unexpectedConsoleErrors} from './batonPage';
import {withScreenshotOnFailure} from './browser';
import {type E2EWorld, startWorld} from './world';

// The agency's client as a Mattermost guest (guest.kim, member of
// client-acme only): the panel's lists, its search and `/task` show them the
// tasks of their channel and nothing of the partners' private channel, not
// even when they name a hidden task's key.

const t = (id: string) => message('en', id);

async function search(list: Locator, text: string): Promise<void> {
  await list.getByRole('searchbox', {name: t('baton.tasks.search.label')}).fill(text);
}

/** `/task …` typed in the message box; the ephemeral reply that contains `expected`. */
async function typeCommand(page: Page, command: string, expected: string): Promise<Locator> {
  await page.getByTestId('message-box').fill(command);
  await page.getByTestId('message-box').press('Enter');
  const reply = page.locator('[data-ephemeral="true"]').filter({hasText: expected});
  await reply.waitFor({timeout: BRIDGE_TIMEOUT});
  return reply;
}

describe('a guest in the browser', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  it('sees only the tasks of their channel in Mine, This channel, search and /task; a task of another channel is absent everywhere', async () => {
    const baton = batonClient(world);
    const theirs = await baton.seedTask('smith', 'client-acme', {title: 'Approve the ACME logo drafts', holder: 'guest.kim'});
    const shared = await baton.seedTask('smith', 'client-acme', {title: 'ACME brochure copy review'});
    const hidden = await baton.seedTask('sato', 'partners-only', {title: 'ACME commission split (partners)', holder: 'sato'});
    const internal = await baton.seedTask('smith', 'patents', {title: 'ACME invoice reminder', holder: 'smith'});

    const page = await world.logIn('guest.kim', 'client-acme');
    await withScreenshotOnFailure(page, 'baton-guest', async () => {
      const rhs = await openBatonPanel(page);
      const expectAbsent = async () => {
        for (const task of [hidden, internal]) expect(await taskButton(rhs, task.key).count()).toBe(0);
        expect(await rhs.getByText('commission split').count()).toBe(0);
        expect(await rhs.getByText('invoice reminder').count()).toBe(0);
      };

      await taskButton(rhs, theirs.key).waitFor({timeout: BRIDGE_TIMEOUT});
      await expectAbsent();

      await rhs.getByRole('tab', {name: t('baton.tasks.tab.channel'), exact: true}).click();
      await taskButton(rhs, shared.key).waitFor({timeout: BRIDGE_TIMEOUT});
      await taskButton(rhs, theirs.key).waitFor();
      await expectAbsent();

      // Search narrows the channel's list, and finds nothing outside it.
      await search(rhs, 'brochure');
      await taskButton(rhs, theirs.key).waitFor({state: 'detached', timeout: BRIDGE_TIMEOUT});
      await taskButton(rhs, shared.key).waitFor();
      await search(rhs, 'commission');
      await rhs.getByText(t('baton.tasks.empty.filtered')).waitFor({timeout: BRIDGE_TIMEOUT});

      await rhs.getByRole('tab', {name: t('baton.tasks.tab.mine'), exact: true}).click();
      await search(rhs, 'invoice');
      await rhs.getByText(t('baton.tasks.empty.filtered')).waitFor({timeout: BRIDGE_TIMEOUT});

      // Every seeded title says ACME: `/task search` lists the channel's two and nothing else.
      const searched = await typeCommand(page, '/task search ACME', theirs.key);
      await searched.getByText(shared.key).waitFor();
      expect(await searched.textContent()).not.toMatch(new RegExp(`${hidden.key}|${internal.key}|commission|invoice`));

      // In the browser `/task show KEY` asks the bridge for the task to open it
      // in the panel: refused (404, as for a key that does not exist), nothing opens
      // and the panel says so, in the same words as for a key that does not exist.
      const lookup = page.waitForResponse((response) => response.url().endsWith(`/api/v1/tasks/${hidden.key}`), {timeout: BRIDGE_TIMEOUT});
      await page.getByTestId('message-box').fill(`/task show ${hidden.key}`);
      await page.getByTestId('message-box').press('Enter');
      expect((await lookup).status()).toBe(404);
      await rhs.getByRole('tablist').waitFor();
      expect(await rhs.getByRole('heading', {name: new RegExp(hidden.key)}).count()).toBe(0);
      expect(await page.getByText('commission').count()).toBe(0);
      const notice = rhs.getByRole('status').filter({hasText: t('baton.tasks.show.missing').replace('{key}', hidden.key)});
      await notice.waitFor({timeout: BRIDGE_TIMEOUT});
      await notice.getByRole('button', {name: t('baton.tasks.show.dismiss')}).click();
      await notice.waitFor({state: 'detached'});
    });
    // Apps without the plugin send it to the bridge, which answers just as it would for a key that does not exist.
    const answer = (await baton.slash('guest.kim', `/task show ${hidden.key}`, 'client-acme')).text ?? '';
    expect(answer).toContain(bridgeMessage('en', 'error.not_found.task', {key: hidden.key}));
    const missing = (await baton.slash('guest.kim', '/task show PARTNE-999', 'client-acme')).text ?? '';
    expect(answer).toBe(missing.replace('PARTNE-999', hidden.key));
    // The only console error is the browser noting the bridge's 404 for the hidden task.
    expect(unexpectedConsoleErrors(world, [404])).toEqual([]);
    await page.close();
  });
});
