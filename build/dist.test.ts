import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as tar from 'tar';

import {packageDist} from './dist';
import {readManifest} from './manifest';
import {repoRoot} from './paths';
import {buildWebapp} from './webapp-build';

jest.setTimeout(60_000);

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-dist-test-'));
  tempDirs.push(dir);
  return dir;
}

async function listArchive(file: string): Promise<{path: string; mtime?: Date; uid?: number}[]> {
  const entries: {path: string; mtime?: Date; uid?: number}[] = [];
  await tar.list({file, onReadEntry: (entry) => entries.push({path: entry.path, mtime: entry.mtime, uid: entry.uid})});
  return entries;
}

beforeAll(async () => {
  const bundle = path.join(repoRoot, readManifest().webapp.bundle_path);
  if (!fs.existsSync(bundle)) {
    await buildWebapp({mode: 'production'});
  }
});

afterAll(() => {
  for (const dir of tempDirs) {
    fs.rmSync(dir, {recursive: true, force: true});
  }
});

describe('packageDist', () => {
  it('writes <id>-<version>.tar.gz with one top folder holding plugin.json, the bundle and assets', async () => {
    const outDir = tempDir();
    const result = await packageDist({outDir});
    expect(path.basename(result.file)).toBe('baton-0.1.0.tar.gz');
    expect(result.bytes).toBe(fs.statSync(result.file).size);

    const entries = await listArchive(result.file);
    const topFolders = new Set(entries.map((entry) => entry.path.split('/')[0]));
    expect([...topFolders]).toEqual(['baton']);

    const unpacked = tempDir();
    await tar.extract({file: result.file, cwd: unpacked});
    expect(fs.readdirSync(unpacked)).toEqual(['baton']);
    for (const file of ['plugin.json', 'webapp/dist/main.js', 'assets/baton.svg']) {
      expect(fs.existsSync(path.join(unpacked, 'baton', file))).toBe(true);
    }
    for (const asset of fs.readdirSync(path.join(repoRoot, 'assets'))) {
      expect(fs.readFileSync(path.join(unpacked, 'baton', 'assets', asset))).toEqual(fs.readFileSync(path.join(repoRoot, 'assets', asset)));
    }
    const unpackedManifest: unknown = JSON.parse(fs.readFileSync(path.join(unpacked, 'baton', 'plugin.json'), 'utf8'));
    const repoManifest: unknown = JSON.parse(fs.readFileSync(path.join(repoRoot, 'plugin.json'), 'utf8'));
    expect(unpackedManifest).toEqual(repoManifest);
    expect(fs.readFileSync(path.join(unpacked, 'baton', 'webapp/dist/main.js')))
      .toEqual(fs.readFileSync(path.join(repoRoot, 'webapp/dist/main.js')));
  });

  it('is deterministic: sorted entries, fixed times, no owner, identical bytes', async () => {
    const first = await packageDist({outDir: tempDir()});
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await packageDist({outDir: tempDir()});
    expect(fs.readFileSync(second.file)).toEqual(fs.readFileSync(first.file));

    const entries = await listArchive(first.file);
    const paths = entries.map((entry) => entry.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths[0]).toBe('baton/');
    for (const entry of entries) {
      expect(entry.uid ?? 0).toBe(0);
      if (!entry.path.endsWith('/')) {
        expect(entry.mtime?.toISOString()).toBe('2000-01-01T00:00:00.000Z');
      }
    }
  });

  it('refuses to pack without a built bundle and says how to build one', async () => {
    const root = tempDir();
    fs.copyFileSync(path.join(repoRoot, 'plugin.json'), path.join(root, 'plugin.json'));
    fs.cpSync(path.join(repoRoot, 'assets'), path.join(root, 'assets'), {recursive: true});
    await expect(packageDist({root})).rejects.toThrow(/webapp\/dist\/main\.js does not exist.*make dist/);
    expect(fs.existsSync(path.join(root, 'dist'))).toBe(false);
  });
});
