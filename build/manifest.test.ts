import fs from 'node:fs';

import {ManifestError, generatedHeader, readManifest, renderWebappManifest, validateManifest} from './manifest';
import {pluginJsonPath, webappManifestPath} from './paths';

const valid = {
  id: 'baton',
  name: 'Baton',
  version: '0.1.0',
  min_server_version: '11.1.0',
  webapp: {bundle_path: 'webapp/dist/main.js'},
};

function errorOf(raw: unknown): ManifestError {
  try {
    validateManifest(raw);
  } catch (error) {
    if (error instanceof ManifestError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected validateManifest to throw');
}

describe('plugin.json', () => {
  it('is valid and identifies Baton', () => {
    const manifest = readManifest();
    expect(manifest).toMatchObject({
      id: 'baton',
      name: 'Baton',
      version: '0.1.0',
      min_server_version: '11.1.0',
      icon_path: 'assets/baton.svg',
      webapp: {bundle_path: 'webapp/dist/main.js'},
    });
    expect(manifest.description).toMatch(/baton/i);
  });

  it('matches the committed webapp/src/manifest.ts byte for byte (run `tsx build/manifest.ts` after editing plugin.json)', () => {
    const expected = renderWebappManifest(readManifest(pluginJsonPath));
    expect(fs.readFileSync(webappManifestPath, 'utf8')).toBe(expected);
  });
});

describe('renderWebappManifest', () => {
  it('starts with the generated-file header and exports the identity fields', () => {
    const source = renderWebappManifest(validateManifest({...valid, version: '2.3.4-rc.1'}));
    expect(source.split('\n')[0]).toBe(generatedHeader);
    expect(source).toContain('export const manifest = {');
    expect(source).toContain('} as const;');
    expect(source).toContain('export default manifest;');
    expect(source).toContain("version: '2.3.4-rc.1',");
    expect(source).not.toContain('bundle_path');
  });

  it('quotes any name safely', () => {
    const name = `O'Brien "Baton" \\ \u2014`;
    const source = renderWebappManifest(validateManifest({...valid, name}));
    const literal = /name: (.*),/.exec(source)?.[1] ?? '';
    expect(new Function(`return ${literal};`)()).toBe(name);
  });

  it('changes when plugin.json changes, so a stale generated file fails the check above', () => {
    expect(renderWebappManifest(validateManifest({...valid, version: '0.2.0'})))
      .not.toBe(renderWebappManifest(validateManifest(valid)));
  });
});

describe('validateManifest', () => {
  it('accepts a minimal webapp-only manifest and keeps extra fields', () => {
    expect(validateManifest({...valid, settings_schema: {settings: []}})).toMatchObject({...valid, settings_schema: {settings: []}});
  });

  it.each([
    ['too short', 'ab'],
    ['too long', 'a'.repeat(191)],
    ['with a space', 'bat on'],
    ['with a slash', 'bat/on'],
    ['empty', ''],
    ['not a string', 42],
  ])('rejects an id %s, naming "id"', (_label, id) => {
    const error = errorOf({...valid, id});
    expect(error.field).toBe('id');
    expect(error.message).toContain('"id"');
  });

  it('accepts ids at the length limits and with - _ .', () => {
    expect(validateManifest({...valid, id: 'a.b'}).id).toBe('a.b');
    expect(validateManifest({...valid, id: 'a'.repeat(190)}).id).toHaveLength(190);
    expect(validateManifest({...valid, id: 'com.example_baton-2'}).id).toBe('com.example_baton-2');
  });

  it.each(['1.0', 'v1.0.0', '01.0.0', '1.0.0.0', 'latest', ''])('rejects version %j, naming "version"', (version) => {
    expect(errorOf({...valid, version}).field).toBe('version');
  });

  it.each(['11', '11.1', 'x'])('rejects min_server_version %j, naming it', (minServerVersion) => {
    const error = errorOf({...valid, min_server_version: minServerVersion});
    expect(error.field).toBe('min_server_version');
    expect(error.message).toContain('"min_server_version"');
  });

  it('requires a name', () => {
    expect(errorOf({...valid, name: undefined}).field).toBe('name');
    expect(errorOf({...valid, name: '  '}).field).toBe('name');
  });

  it('requires webapp.bundle_path inside the bundle', () => {
    expect(errorOf({...valid, webapp: undefined}).field).toBe('webapp');
    expect(errorOf({...valid, webapp: {}}).field).toBe('webapp.bundle_path');
    expect(errorOf({...valid, webapp: {bundle_path: '../main.js'}}).field).toBe('webapp.bundle_path');
    expect(errorOf({...valid, webapp: {bundle_path: '/abs/main.js'}}).field).toBe('webapp.bundle_path');
    expect(errorOf({...valid, webapp: {bundle_path: 'webapp/dist/main.css'}}).field).toBe('webapp.bundle_path');
  });

  it('rejects a non-object', () => {
    expect(errorOf([]).field).toBe('(root)');
    expect(errorOf(null).field).toBe('(root)');
  });
});
