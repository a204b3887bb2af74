import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {DEMO_PASSWORD} from '../mattermost-sim/src/seed/demoOrganisation';
import {type RunningSandbox, startSandbox} from '../sandbox/sandbox';
import {buildWebapp} from '../webapp-build';
import {launchBrowser, screenshotDir, type TestBrowser, withScreenshotOnFailure} from './browser';

// The whole loop, as a person does it in a real browser: log in, the Baton
// plugin loads into the host, its panel opens from the App Bar, and `/task`
// travels host → simulator → bridge and back as an ephemeral reply.

describe('the Baton loop in a browser', () => {
  let sandbox: RunningSandbox;
  let browser: TestBrowser;
  let dataDir: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    // The sandbox installs webapp/dist/main.js: build it from the current sources.
    await buildWebapp({mode: 'production'});
    dataDir = mkdtempSync(join(tmpdir(), 'baton-e2e-'));
    sandbox = await startSandbox({dataDir, logLevel: 'silent'});
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
    rmSync(dataDir, {recursive: true, force: true});
  });

  async function logIn(username: string): Promise<Page> {
    const page = await browser.browser.newPage({viewport: {width: 1400, height: 900}});
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${sandbox.simulator.url}/login`);
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('channel-link-patents').click();
    return page;
  }

  it('loads the plugin, opens its panel from the App Bar, and shows the bridge’s reply to /task', async () => {
    const page = await logIn('sato');
    await withScreenshotOnFailure(page, 'baton-loop', async () => {
      // The plugin registered its App Bar icon: the host loaded and initialized the bundle.
      const appBarIcon = page.getByTestId('app-bar-item-baton');
      await appBarIcon.waitFor({timeout: 15_000});
      await appBarIcon.click();
      await page.getByTestId('rhs-title').getByText('Baton').waitFor();
      // sato's locale is Japanese: the placeholder panel speaks Japanese.
      await page.getByTestId('rhs-body').getByText('タスク', {exact: false}).waitFor();

      await page.getByTestId('message-box').fill('/task help');
      await page.getByTestId('message-box').press('Enter');
      const reply = page.locator('[data-ephemeral="true"]').filter({hasText: 'バトンを持っているのは誰か'});
      await reply.waitFor({timeout: 15_000});
      await reply.getByTestId('post-ephemeral-label').waitFor();

      mkdirSync(screenshotDir, {recursive: true});
      await page.screenshot({path: join(screenshotDir, 'baton-loop-ja.png')});
    });
    expect(consoleErrors).toEqual([]);
    await page.close();
  });

  it('answers a typo with the usage line in the user’s language (Russian)', async () => {
    const page = await logIn('ivanova');
    await withScreenshotOnFailure(page, 'baton-typo-ru', async () => {
      await page.getByTestId('message-box').fill('/task hlep');
      await page.getByTestId('message-box').press('Enter');
      await page.locator('[data-ephemeral="true"]').filter({hasText: 'Возможно, вы имели в виду `/task help`'}).or(page.locator('[data-ephemeral="true"]').filter({hasText: 'Возможно, вы имели в виду'})).first().waitFor({timeout: 15_000});
    });
    await page.close();
  });
});
