import type {Page} from 'playwright-core';
import {batonClient, openBatonPanel} from '../e2e/batonPage';
import {startWorld} from '../e2e/world';
import {defaultBundlePath, measureBundle} from '../webapp-build';
import type {BenchSuite, Figure} from './figures';

// The webapp: the production bundle's gzipped size (what webapp-build.ts
// reports), and how long the RHS takes to show a person's "Mine" list when
// they hold 500 tasks, in headless Chromium with the e2e harness (sandbox on
// the embedded engine, the plugin built from the current sources).
//
// The render time is taken inside the page: from the moment the webapp has
// read the body of the list's answer (GET /api/v1/tasks, wrapped fetch:
// json()/text() resolved) to the first frame painted after the task rows are
// in the DOM (a MutationObserver sees .baton-task-row, then a
// requestAnimationFrame and a MessageChannel hop — the task after the frame's
// paint). The list is windowed and pages by 50, so that is the first page's
// rows in view; network and bridge time are not in it. Each sample reloads
// the page and opens the panel afresh; one warm-up, then the median of five.

const TASKS = 500;
const SAMPLES = 5;
const VIEWER = 'tanaka';

/** Runs in the page before its scripts: marks when the list's answer was read and when its rows were painted. */
function installRenderProbe(): void {
  const probe = {listReadAt: null as number | null, rowsPaintedAt: null as number | null};
  (window as unknown as {batonRenderProbe: typeof probe}).batonRenderProbe = probe;
  const send = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await send(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/\/api\/v1\/tasks\?/.test(url) && (init?.method ?? 'GET') === 'GET') {
      for (const reader of ['json', 'text'] as const) {
        const read = response[reader].bind(response) as () => Promise<unknown>;
        (response as unknown as Record<string, () => Promise<unknown>>)[reader] = async () => {
          const body = await read();
          probe.listReadAt ??= performance.now();
          return body;
        };
      }
    }
    return response;
  };
  new MutationObserver((_, observer) => {
    if (probe.listReadAt === null || !document.querySelector('.baton-task-row')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (probe.rowsPaintedAt = performance.now());
      channel.port2.postMessage(null);
    });
  }).observe(document, {childList: true, subtree: true});
}

async function renderSample(page: Page): Promise<number> {
  await page.reload();
  await openBatonPanel(page);
  await page.waitForFunction(() => (window as unknown as {batonRenderProbe: {rowsPaintedAt: number | null}}).batonRenderProbe.rowsPaintedAt !== null, null, {timeout: 30_000});
  return page.evaluate(() => {
    const probe = (window as unknown as {batonRenderProbe: {listReadAt: number; rowsPaintedAt: number}}).batonRenderProbe;
    return probe.rowsPaintedAt - probe.listReadAt;
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const webappSuite: BenchSuite = {
  name: 'webapp',
  async run(context) {
    // startWorld builds the production bundle to plugin.json's bundle path, as `make build` does.
    const world = await startWorld();
    try {
      const bundle = measureBundle(defaultBundlePath());
      context.log(`webapp bundle: ${(bundle.gzipBytes / 1024).toFixed(1)} KB gzipped; seeding ${TASKS} tasks held by ${VIEWER}`);
      const client = batonClient(world);
      const viewerId = client.userId(VIEWER);
      for (let start = 0; start < TASKS; start += 10) {
        await Promise.all(
          Array.from({length: Math.min(10, TASKS - start)}, (_, offset) => {
            const n = start + offset;
            // A third with a legal deadline over the coming months, so the list shows its deadline buckets.
            const deadline = n % 3 === 0 ? {deadlines: [{kind: 'legal', due: new Date(Date.now() + (n % 120) * 86_400_000).toISOString().slice(0, 10)}]} : {};
            return client.seedTask(VIEWER, 'patents', {title: `Benchmark task ${n}: review the office action and draft the response`, holder: VIEWER, ...deadline});
          }),
        );
      }
      context.log(`${TASKS} tasks seeded for ${viewerId}; measuring the RHS`);
      const page = await world.logIn(VIEWER);
      await page.addInitScript(installRenderProbe);
      await renderSample(page);
      const samples: number[] = [];
      for (let n = 0; n < SAMPLES; n += 1) samples.push(await renderSample(page));
      context.log(`RHS render samples (ms): ${samples.map((sample) => sample.toFixed(1)).join(', ')}`);
      if (world.consoleErrors.length > 0) context.log(`browser console errors: ${world.consoleErrors.slice(0, 5).join(' | ')}`);
      const figures: Figure[] = [
        {
          id: 'webapp.bundle_gzip_kb',
          label: 'Webapp bundle, gzipped',
          engine: null,
          value: Math.round((bundle.gzipBytes / 1024) * 10) / 10,
          unit: 'KB',
          comparison: 'at_most',
          target: 120,
          note: `webapp/dist/main.js from the production esbuild build (${(bundle.bytes / 1024).toFixed(1)} KiB raw), gzip level 9, in KiB.`,
        },
        {
          id: 'webapp.rhs_render_ms',
          label: `RHS "Mine" list render with ${TASKS} tasks held, headless Chromium, median`,
          engine: null,
          value: Math.round(median(samples) * 10) / 10,
          unit: 'ms',
          comparison: 'at_most',
          target: 100,
          note: `From the webapp having read the list's answer (GET /api/v1/tasks, first page of 50) to the first frame painted with the task rows in the DOM (MutationObserver → requestAnimationFrame → MessageChannel), median of ${SAMPLES} page loads after one warm-up (max ${Math.max(...samples).toFixed(1)} ms); Debian Chromium headless, 1400×900, ${VIEWER} holding ${TASKS} tasks.`,
        },
      ];
      return figures;
    } finally {
      await world.stop();
    }
  },
};
