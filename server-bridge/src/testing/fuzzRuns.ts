// How many generated inputs a fuzz or fault test tries. make test runs the
// fast default of each test; BATON_FUZZ_RUNS (e.g. 10000) runs the full
// issue-9 variants: each fuzzed endpoint, the /task parser and the racing
// PATCHes with that many inputs.

export function fuzzRuns(fastDefault: number): number {
  const given = process.env.BATON_FUZZ_RUNS;
  if (given === undefined || given === '') return fastDefault;
  const runs = Number(given);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BATON_FUZZ_RUNS must be a whole number of at least 1, not "${given}".`);
  return runs;
}
