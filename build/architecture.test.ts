import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

// docs/ARCHITECTURE.md is the annotated tree, one line per folder. It stays
// true only if a new folder cannot land without its line.

const repoRoot = join(__dirname, '..');

function trackedFolders(): string[] {
  // Tracked and untracked-but-not-ignored files, so a folder added in the
  // working tree counts before it is committed.
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {cwd: repoRoot, encoding: 'utf8'})
    .split('\n')
    .filter(Boolean);
  const folders = new Set<string>();
  for (const file of files) {
    for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) folders.add(`${folder}/`);
  }
  return [...folders].sort();
}

describe('docs/ARCHITECTURE.md', () => {
  const documented = new Set(
    readFileSync(join(repoRoot, 'docs', 'ARCHITECTURE.md'), 'utf8')
      .split('\n')
      .map((line) => line.split(/\s+/)[0] ?? '')
      .filter((first) => first.endsWith('/')),
  );

  it.each(trackedFolders())('has a line for %s', (folder) => {
    expect(documented.has(folder)).toBe(true);
  });

  it('describes no folder that does not exist', () => {
    const real = new Set(trackedFolders());
    expect([...documented].filter((folder) => !real.has(folder))).toEqual([]);
  });
});
