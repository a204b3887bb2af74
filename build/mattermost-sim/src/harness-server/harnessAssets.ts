import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {buildHarness, defaultHarnessOutDir, newestSourceTime} from '../../harness/build';

// The built harness, built on first use and kept in memory. When a harness
// source file is newer than the last build (someone is editing it), the next
// request for the page rebuilds, so a browser reload shows the change.

export interface HarnessFile {
  body: Buffer;
  contentType: string;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

export interface HarnessAssets {
  /** index.html, rebuilding first if the sources changed. */
  page(): Promise<HarnessFile>;
  /** A built file by name (main.js, main.css), or undefined. */
  file(name: string): Promise<HarnessFile | undefined>;
}

export function createHarnessAssets(outDir: string = defaultHarnessOutDir): HarnessAssets {
  let built: Promise<Map<string, HarnessFile>> | undefined;
  let builtAt = 0;

  const build = async (): Promise<Map<string, HarnessFile>> => {
    const startedAt = Date.now();
    const result = await buildHarness(outDir);
    const files = new Map<string, HarnessFile>();
    for (const name of result.files) {
      files.set(name, {body: await readFile(path.join(outDir, name)), contentType: contentTypes[path.extname(name)] ?? 'application/octet-stream'});
    }
    builtAt = startedAt;
    return files;
  };

  const current = async (): Promise<Map<string, HarnessFile>> => {
    if (!built) {
      built = build();
      built.catch(() => {
        built = undefined;
      });
    }
    return built;
  };

  return {
    async page() {
      const files = await current();
      if ((await newestSourceTime()) > builtAt) {
        built = undefined;
        return (await current()).get('index.html') as HarnessFile;
      }
      return files.get('index.html') as HarnessFile;
    },
    async file(name) {
      return (await current()).get(name);
    },
  };
}
