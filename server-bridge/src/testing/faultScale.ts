// How big a fault, fuzz or load test runs. `make test` runs the fast variant
// of each (a sample that still exercises every path on a busy 2-CPU machine);
// `make test-faults` sets BATON_FAULTS=full and runs the sizes issue 9 names
// (1,000 handoffs through an outage, 10,000 racing PATCHes, 10,000 inputs per
// fuzzed endpoint).

export type FaultMode = 'fast' | 'full';

export function faultMode(env: NodeJS.ProcessEnv = process.env): FaultMode {
  const given = env.BATON_FAULTS;
  if (given === undefined || given === '' || given === 'fast') return 'fast';
  if (given === 'full') return 'full';
  throw new Error(`BATON_FAULTS must be "fast" or "full", not "${given}".`);
}

/** `fast` under make test, `full` when BATON_FAULTS=full. */
export function faultScale(fast: number, full: number, env: NodeJS.ProcessEnv = process.env): number {
  return faultMode(env) === 'full' ? full : fast;
}
