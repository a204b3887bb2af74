import {mkdirSync} from 'node:fs';
import {join} from 'node:path';
import {type Browser, chromium, type Page} from 'playwright-core';

// Debian's Chromium, driven by playwright-core (no browser download), headless.
// The flags keep it off the network: this machine reaches only package registries.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const screenshotDir = join(__dirname, '..', '..', 'test-results');

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // A plain launch gets a fresh temporary --user-data-dir from playwright,
  // deleted again on close: no state leaks between runs.
  const browser = await chromium.launch({executablePath: CHROMIUM, headless: true, args: FLAGS});
  return {browser, close: () => browser.close()};
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
