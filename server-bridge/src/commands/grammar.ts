// The `/task` language. Subcommands join this list as they are built
// (issue: Mattermost integration); a typo is answered with the usage line
// and the closest real subcommand, never with a guess that does not exist.

export const SUBCOMMANDS = ['help'] as const;
export type Subcommand = (typeof SUBCOMMANDS)[number];

export type ParsedCommand = {kind: 'help'} | {kind: 'unknown'; subcommand: string; suggestion?: Subcommand};

export function parseTaskCommand(text: string): ParsedCommand {
  const [first = ''] = text.trim().split(/\s+/);
  const word = first.toLowerCase();
  if (word === '' || word === 'help') return {kind: 'help'};
  const suggestion = closest(word, SUBCOMMANDS);
  return suggestion ? {kind: 'unknown', subcommand: first, suggestion} : {kind: 'unknown', subcommand: first};
}

/** The candidate within edit distance 2 (transpositions count as one), if any. */
function closest<T extends string>(word: string, candidates: readonly T[]): T | undefined {
  let best: {candidate: T; distance: number} | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = {candidate, distance};
  }
  return best?.candidate;
}

function editDistance(a: string, b: string): number {
  const rows = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = value;
    }
  }
  return at(a.length, b.length);
}
