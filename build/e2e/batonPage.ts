import {mkdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Locator, Page} from 'playwright-core';
import {sandboxClient} from '../sandbox/sandboxClient';
import {screenshotDir} from './browser';
import type {E2EWorld} from './world';

// What the Baton end-to-end tests share: seeding tasks through the bridge's
// REST API as a person (sandboxClient's bridge session, as the webapp uses
// it), the webapp's own catalog strings so the tests find controls by the
// names a reader sees, and opening the Baton panel from the App Bar.

export type Locale = 'en' | 'ja' | 'zh-TW' | 'ru';

/** Cross-bridge round trips (REST, the live stream, a DM) get this long. */
export const BRIDGE_TIMEOUT = 15_000;

const catalogs = new Map<Locale, Record<string, string>>();

/** The webapp's catalog entry `id` in `locale`; fails when it is missing, so a renamed id fails loudly. */
export function message(locale: Locale, id: string): string {
  let catalog = catalogs.get(locale);
  if (!catalog) {
    catalog = JSON.parse(readFileSync(join(__dirname, '..', '..', 'webapp', 'src', 'i18n', `${locale}.json`), 'utf8')) as Record<string, string>;
    catalogs.set(locale, catalog);
  }
  const text = catalog[id];
  if (text === undefined) throw new Error(`${locale}.json has no ${id}`);
  return text;
}

/** The bridge's own message `id` in `locale` with its {placeholders} filled (server-bridge/src/i18n). */
export function bridgeMessage(locale: Locale, id: string, values: Record<string, string> = {}): string {
  const catalog = JSON.parse(readFileSync(join(__dirname, '..', '..', 'server-bridge', 'src', 'i18n', `${locale}.json`), 'utf8')) as Record<string, string>;
  const text = catalog[id];
  if (text === undefined) throw new Error(`the bridge's ${locale}.json has no ${id}`);
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** The fields of a task the tests read back (the contract's Task has more). */
export interface SeededTask {
  id: string;
  key: string;
  title: string;
  version: number;
  holderId: string | null;
  acceptedAt: string | null;
  status: {id: string; name: string};
}

export function batonClient(world: E2EWorld) {
  const client = sandboxClient(world.sandbox);

  /** A bridge call that must succeed (2xx); its answer as a task. */
  async function call(username: string, method: string, path: string, body?: unknown): Promise<SeededTask> {
    const answer = await client.bridge(username, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path} as ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as unknown as SeededTask;
  }

  /** A task created by `username` in `channel` (a channel name), held by `holder` when given. */
  async function seedTask(username: string, channel: string, fields: {title: string; holder?: string; [field: string]: unknown}): Promise<SeededTask> {
    const {holder, ...rest} = fields;
    return call(username, 'POST', '/tasks', {channelId: client.channelId(channel), ...(holder ? {holderId: client.userId(holder)} : {}), ...rest});
  }

  const getTask = (username: string, key: string) => call(username, 'GET', `/tasks/${key}`);

  return {...client, call, seedTask, getTask};
}

/** Opens the Baton panel from the App Bar (the plugin may still be loading); the panel's body. */
export async function openBatonPanel(page: Page): Promise<Locator> {
  const icon = page.getByTestId('app-bar-item-baton');
  await icon.waitFor({timeout: BRIDGE_TIMEOUT});
  if ((await icon.getAttribute('data-active')) !== 'true') await icon.click();
  const body = page.getByTestId('rhs-body');
  await body.getByRole('tablist').waitFor({timeout: BRIDGE_TIMEOUT});
  return body;
}

/** A task's row in a list (or its card on the board): a button named by its key and title. */
export function taskButton(scope: Locator, key: string): Locator {
  return scope.getByRole('button', {name: new RegExp(`\\b${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`)});
}

/** Saves a viewport screenshot under test-results/ (what a reviewer looks at). */
export async function saveScreenshot(page: Page, file: string): Promise<void> {
  mkdirSync(screenshotDir, {recursive: true});
  await page.screenshot({path: join(screenshotDir, file)});
}

/** Polls `condition` (a bridge answer, the focus) until it holds; fails after `timeoutMs`. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs = BRIDGE_TIMEOUT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The console errors of `world` other than Chromium's own note of a refused
 * request ("Failed to load resource: … status of 409") with one of `statuses`:
 * a test that provokes a refusal on purpose allows exactly that.
 */
export function unexpectedConsoleErrors(world: E2EWorld, statuses: number[]): string[] {
  const expected = new RegExp(`^Failed to load resource: the server responded with a status of (${statuses.join('|')})\\b`);
  return world.consoleErrors.filter((error) => !expected.test(error));
}
