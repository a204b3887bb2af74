import {faultScale} from './faultScale';

// How many generated inputs a fuzz test tries: the test's fast default under
// make test, 10,000 under BATON_FAULTS=full (make test-faults). BATON_FUZZ_RUNS
// names an exact count instead, e.g. to reproduce a long run at another size.

export const FULL_FUZZ_RUNS = 10_000;

export function fuzzRuns(fastDefault: number, env: NodeJS.ProcessEnv = process.env): number {
  const given = env.BATON_FUZZ_RUNS;
  if (given === undefined || given === '') return faultScale(fastDefault, FULL_FUZZ_RUNS, env);
  const runs = Number(given);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BATON_FUZZ_RUNS must be a whole number of at least 1, not "${given}".`);
  return runs;
}
