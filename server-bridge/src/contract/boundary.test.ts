import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

// The webapp bundles this folder with esbuild for the browser: it may import
// zod and its own files, nothing from Node, Fastify or the rest of the bridge.

const sources = readdirSync(__dirname).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

describe('the contract module', () => {
  it.each(sources)('%s imports only zod and sibling contract files', (name) => {
    const text = readFileSync(join(__dirname, name), 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]);
    expect(specifiers.filter((specifier) => specifier !== 'zod' && !/^\.\/[A-Za-z]+$/.test(specifier ?? ''))).toEqual([]);
  });

  it('has sources to check', () => {
    expect(sources).toEqual(expect.arrayContaining(['index.ts', 'task.ts', 'errors.ts']));
  });
});
