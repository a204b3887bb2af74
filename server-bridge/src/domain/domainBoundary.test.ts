import {join} from 'node:path';
import {ESLint} from 'eslint';

// The lint rule that keeps domain code free of HTTP, Mattermost and storage
// imports is real only if it fires: lint sample sources as if they were files
// in domain/ and elsewhere, with the repository's own ESLint configuration.

const repoRoot = join(__dirname, '..', '..', '..');
const domainFile = join(__dirname, 'settings.ts');
const httpFile = join(__dirname, '..', 'http', 'server.ts');

async function lint(source: string, filePath: string): Promise<{restricted: string[]; fatal: string[]}> {
  const eslint = new ESLint({cwd: repoRoot});
  const [result] = await eslint.lintText(source, {filePath});
  const messages = result?.messages ?? [];
  return {
    restricted: messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message),
    fatal: messages.filter((message) => message.fatal).map((message) => message.message),
  };
}

describe('the domain boundary lint rule', () => {
  it.each([
    ["import fastify from 'fastify';", 'fastify', 'Domain code must not depend on HTTP'],
    ["import {Client4} from '@mattermost/client';", 'Client4', 'Domain code must not depend on Mattermost'],
    ["import {openDatabase} from '../storage/database';", 'openDatabase', 'must not import the HTTP, Mattermost or storage adapters'],
    ["import {buildHttpServer} from '../http/server';", 'buildHttpServer', 'must not import the HTTP, Mattermost or storage adapters'],
  ])('rejects `%s` in domain/', async (line, name, expected) => {
    const result = await lint(`${line}\nexport const used = [${name}];\n`, domainFile);
    expect(result.fatal).toEqual([]);
    const messages = result.restricted;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(expected);
  });

  it('allows domain code to import other domain modules', async () => {
    expect(await lint("import type {JsonValue} from './settings';\nexport type X = JsonValue;\n", domainFile)).toEqual({restricted: [], fatal: []});
  });

  it('does not restrict the HTTP adapter itself', async () => {
    expect(await lint("import fastify from 'fastify';\nexport const f = fastify;\n", httpFile)).toEqual({restricted: [], fatal: []});
  });
});
