import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {screenshotDir, withScreenshotOnFailure} from './browser';
import {type E2EWorld, startWorld} from './world';

// The whole loop, as a person does it in a real browser: log in, the Baton
// plugin loads into the host, its panel opens from the App Bar, and `/task`
// travels host → simulator → bridge and back as an ephemeral reply.

describe('the Baton loop in a browser', () => {
  let world: E2EWorld;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world?.stop());

  it('loads the plugin, opens its panel from the App Bar, and shows the bridge’s reply to /task', async () => {
    const page = await world.logIn('sato');
    await withScreenshotOnFailure(page, 'baton-loop', async () => {
      // The plugin registered its App Bar icon: the host loaded and initialized the bundle.
      const appBarIcon = page.getByTestId('app-bar-item-baton');
      await appBarIcon.waitFor({timeout: 15_000});
      await appBarIcon.click();
      await page.getByTestId('rhs-title').getByText('Baton').waitFor();
      // sato's locale is Japanese. The panel got its bridge session through
      // /task connect (CORS for the SiteURL included) and loaded Mine: empty so far.
      await page.getByTestId('rhs-body').getByRole('tab', {name: '自分'}).waitFor();
      await page.getByTestId('rhs-body').getByText('あなたがバトンを持っているタスクがここに表示されます。').waitFor({timeout: 15_000});

      await page.getByTestId('message-box').fill('/task help');
      await page.getByTestId('message-box').press('Enter');
      const reply = page.locator('[data-ephemeral="true"]').filter({hasText: 'バトンを持っているのは誰か'});
      await reply.waitFor({timeout: 15_000});
      await reply.getByTestId('post-ephemeral-label').waitFor();

      mkdirSync(screenshotDir, {recursive: true});
      await page.screenshot({path: join(screenshotDir, 'baton-loop-ja.png')});
    });
    expect(world.consoleErrors).toEqual([]);
    await page.close();
  });

  it('answers a typo with the usage line in the user’s language (Russian)', async () => {
    const page = await world.logIn('ivanova');
    await withScreenshotOnFailure(page, 'baton-typo-ru', async () => {
      await page.getByTestId('message-box').fill('/task hlep');
      await page.getByTestId('message-box').press('Enter');
      await page.locator('[data-ephemeral="true"]').filter({hasText: 'Возможно, вы имели в виду'}).waitFor({timeout: 15_000});
    });
    await page.close();
  });
});
