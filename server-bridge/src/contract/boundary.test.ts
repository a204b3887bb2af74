import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

// The webapp bundles this folder with esbuild for the browser: it may import
// zod and its own files, nothing from Node, Fastify or the rest of the bridge.

const sources = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('the contract module', () => {
  it.each(sources)('%s imports only zod and sibling contract files', (name) => {
    const text = readFileSync(join(__dirname, name), 'utf8');
    // Static imports and re-exports (a statement starting with import/export … from '…'), and dynamic import('…').
    const statements = [...text.matchAll(/^\s*(?:import|export)\b[^;()'"]*?\bfrom\s*'([^']+)'/gm)].map((match) => match[1]);
    const dynamic = [...text.matchAll(/\bimport\s*\(\s*'([^']+)'/g)].map((match) => match[1]);
    const specifiers = [...statements, ...dynamic];
    expect(specifiers.filter((specifier) => specifier !== 'zod' && !/^\.\/[A-Za-z]+$/.test(specifier ?? ''))).toEqual([]);
  });

  it('has sources to check', () => {
    expect(sources).toEqual(expect.arrayContaining(['index.ts', 'task.ts', 'errors.ts']));
  });
});
