import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {type Browser, chromium, type Page} from 'playwright-core';

// Debian's Chromium, driven by playwright-core (no browser download). The
// flags keep it off the network: this machine reaches only package registries.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const screenshotDir = join(__dirname, '..', '..', 'test-results');

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'baton-chromium-'));
  // launchPersistentContext would own the profile; a plain launch with our
  // own --user-data-dir keeps every run fresh and lets us delete it.
  const browser = await chromium.launch({executablePath: CHROMIUM, args: [...FLAGS, `--user-data-dir=${profile}`], ignoreDefaultArgs: ['--headless=old']});
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}

/** Runs a browser step; on failure saves a full-page screenshot named after the test. */
export async function withScreenshotOnFailure<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    mkdirSync(screenshotDir, {recursive: true});
    const file = join(screenshotDir, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
    await page.screenshot({path: file, fullPage: true}).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n(screenshot: ${file})`);
  }
}
