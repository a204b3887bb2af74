import {batonClient, BRIDGE_TIMEOUT, message, openBatonPanel, taskButton, unexpectedConsoleErrors, waitUntil} from './batonPage';
import {withScreenshotOnFailure} from './browser';
import {type E2EWorld, startWorld} from './world';

// Two people never silently overwrite each other: smith accepts a task in
// the panel while tanaka renames it. The bridge refuses smith's stale
// version (409), the panel says so with the bridge's message and shows the
// task as it is now, and accepting again succeeds against that version.

const t = (id: string) => message('en', id);

describe('a conflicting change in the browser', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  it('shows the bridge’s conflict message when the task changed meanwhile, and a retry succeeds against the current version', async () => {
    const baton = batonClient(world);
    const seeded = await baton.seedTask('tanaka', 'patents', {title: 'Docket the office action', holder: 'tanaka'});
    const handed = await baton.call('tanaka', 'POST', `/tasks/${seeded.key}/handoff`, {toUserId: baton.userId('smith')});

    const page = await world.logIn('smith');
    await withScreenshotOnFailure(page, 'baton-conflict', async () => {
      const rhs = await openBatonPanel(page);
      await taskButton(rhs, handed.key).click({timeout: BRIDGE_TIMEOUT});
      const heading = rhs.getByRole('heading', {name: new RegExp(handed.key)});
      await heading.getByText(handed.title).waitFor({timeout: BRIDGE_TIMEOUT});

      // tanaka's rename lands while smith's Accept is on its way: the page
      // still holds the version it read, whatever the live stream does.
      let renamed = false;
      await page.route('**/api/v1/tasks/*/accept', async (route) => {
        if (!renamed) {
          renamed = true;
          await baton.call('tanaka', 'PATCH', `/tasks/${handed.key}`, {title: 'Docket the office action (JP 2025-123456)', version: handed.version});
        }
        await route.continue();
      });
      const accept = rhs.getByRole('button', {name: t('baton.detail.action.accept'), exact: true});
      await accept.click();
      // In the catalog's words (api/errorText.ts), not the bridge's English message.
      await rhs.getByRole('alert').filter({hasText: t('baton.detail.action.error').replace('{message}', t('baton.error.conflict.version'))}).waitFor({timeout: BRIDGE_TIMEOUT});
      // The panel now shows the task as the bridge has it.
      await heading.getByText('Docket the office action (JP 2025-123456)').waitFor({timeout: BRIDGE_TIMEOUT});

      await accept.click();
      await accept.waitFor({state: 'detached', timeout: BRIDGE_TIMEOUT});
      await rhs.getByRole('alert').waitFor({state: 'detached'});
    });
    await waitUntil(async () => (await baton.getTask('smith', handed.key)).acceptedAt !== null);
    expect(await baton.getTask('smith', handed.key)).toMatchObject({title: 'Docket the office action (JP 2025-123456)', holderId: baton.userId('smith'), version: handed.version + 2});
    // The only console error is the browser noting the bridge's 409.
    expect(unexpectedConsoleErrors(world, [409])).toEqual([]);
    await page.close();
  });
});
