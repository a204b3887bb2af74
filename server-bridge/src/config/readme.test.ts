import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {variableNames, variables} from './variables';

// README.md's configuration table is the operator's reference: it must list
// every variable the bridge reads, with the default the code really uses.

const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

function tableRows(): Map<string, {defaultValue: string; meaning: string}> {
  const rows = new Map<string, {defaultValue: string; meaning: string}>();
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = cells[1]?.match(/^`([A-Z_]+)`$/)?.[1];
    if (name && cells.length >= 5) rows.set(name, {defaultValue: cells[2] ?? '', meaning: cells[3] ?? ''});
  }
  return rows;
}

describe("README's configuration table", () => {
  const rows = tableRows();

  it.each(variableNames)('documents %s with its real default', (name) => {
    const row = rows.get(name);
    expect(row).toBeDefined();
    const spec = variables[name];
    const expected = 'defaultValue' in spec ? `\`${spec.defaultValue}\`` : 'unset';
    expect(row?.defaultValue).toBe(expected);
    expect(row?.meaning).toBe(spec.meaning);
  });

  it('documents no variable the bridge does not read', () => {
    const bridgeRows = [...rows.keys()].filter((name) => name.startsWith('BATON_') || name === 'DATABASE_URL');
    expect(bridgeRows.sort()).toEqual([...variableNames].sort());
  });
});
