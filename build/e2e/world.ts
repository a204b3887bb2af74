import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Page} from 'playwright-core';
import {DEMO_PASSWORD} from '../mattermost-sim/src/seed/demoOrganisation';
import {type RunningSandbox, startSandbox} from '../sandbox/sandbox';
import {buildWebapp} from '../webapp-build';
import {launchBrowser, type TestBrowser} from './browser';

// One end-to-end world per test file: the sandbox (simulator + bridge +
// plugin built from the current sources) and a headless Chromium.

export interface E2EWorld {
  sandbox: RunningSandbox;
  /** Console errors and uncaught page errors seen on any page. */
  consoleErrors: string[];
  logIn(username: string, channel?: string): Promise<Page>;
  stop(): Promise<void>;
}

export async function startWorld(): Promise<E2EWorld> {
  await buildWebapp({mode: 'production'});
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  const sandbox = await startSandbox({dataDir, logLevel: 'silent'});
  let browser: TestBrowser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  const consoleErrors: string[] = [];
  return {
    sandbox,
    consoleErrors,
    async logIn(username, channel = 'patents') {
      const page = await browser.browser.newPage({viewport: {width: 1400, height: 900}});
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(`${sandbox.simulator.url}/login`);
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId(`channel-link-${channel}`).click();
      return page;
    },
    async stop() {
      await browser.close();
      await sandbox.stop();
      rmSync(dataDir, {recursive: true, force: true});
    },
  };
}
