// Packs the plugin bundle Mattermost installs: dist/<id>-<version>.tar.gz with
// one top folder <id>/ holding plugin.json, the webapp bundle and assets/.
// Run: `tsx build/dist.ts` after building the webapp.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as tar from 'tar';

import {readManifest} from './manifest';
import {displayPath, repoRoot} from './paths';

export type DistOptions = {
  /** Repository root holding plugin.json, assets/ and the built bundle. */
  root?: string;
  /** Defaults to <root>/dist. */
  outDir?: string;
};

export type DistResult = {file: string; bytes: number; entries: string[]};

// Fixed metadata so the same inputs always give the same archive bytes.
const fixedMtime = new Date('2000-01-01T00:00:00Z');
const fileMode = 0o644;
const dirMode = 0o755;

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(file) : [file];
  });
}

function copyInto(stagingTop: string, root: string, file: string): void {
  const target = path.join(stagingTop, path.relative(root, file));
  fs.mkdirSync(path.dirname(target), {recursive: true});
  fs.copyFileSync(file, target);
}

/** Every file and folder under `dir`, relative to it, parents first, sorted. */
function archiveEntries(dir: string, relative = ''): string[] {
  const here = path.join(dir, relative);
  return fs.readdirSync(here, {withFileTypes: true})
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const entryPath = relative ? `${relative}/${entry.name}` : entry.name;
      return entry.isDirectory() ? [entryPath, ...archiveEntries(dir, entryPath)] : [entryPath];
    });
}

function normalizeModes(dir: string, entries: string[]): void {
  for (const entry of entries) {
    const full = path.join(dir, entry);
    fs.chmodSync(full, fs.statSync(full).isDirectory() ? dirMode : fileMode);
  }
}

export function missingBundleMessage(bundleDisplayPath: string): string {
  return `${bundleDisplayPath} does not exist: build the webapp first (run \`make dist\`, or \`npm run build -w webapp\` then \`tsx build/dist.ts\`)`;
}

export async function packageDist({root = repoRoot, outDir = path.join(root, 'dist')}: DistOptions = {}): Promise<DistResult> {
  const pluginJson = path.join(root, 'plugin.json');
  const manifest = readManifest(pluginJson);
  const bundle = path.join(root, manifest.webapp.bundle_path);
  if (!fs.existsSync(bundle)) {
    throw new Error(missingBundleMessage(path.relative(root, bundle)));
  }
  const assetsDir = path.join(root, 'assets');
  const assets = fs.existsSync(assetsDir) ? listFiles(assetsDir) : [];
  if (manifest.icon_path && !fs.existsSync(path.join(root, manifest.icon_path))) {
    throw new Error(`plugin.json: "icon_path" names ${manifest.icon_path}, which does not exist`);
  }

  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-dist-'));
  try {
    const top = path.join(staging, manifest.id);
    for (const file of [pluginJson, bundle, ...assets]) {
      copyInto(top, root, file);
    }
    const entries = [manifest.id, ...archiveEntries(staging, manifest.id)];
    normalizeModes(staging, entries);

    fs.mkdirSync(outDir, {recursive: true});
    const file = path.join(outDir, `${manifest.id}-${manifest.version}.tar.gz`);
    await tar.create({
      file,
      cwd: staging,
      gzip: {level: 9},
      portable: true,
      mtime: fixedMtime,
      // The list already names every folder; do not add their contents twice.
      noDirRecurse: true,
    }, entries);
    return {file, bytes: fs.statSync(file).size, entries};
  } finally {
    fs.rmSync(staging, {recursive: true, force: true});
  }
}

if (require.main === module) {
  packageDist().then(
    ({file, bytes}) => console.log(`${displayPath(file)}: ${(bytes / 1024).toFixed(1)} KiB`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
