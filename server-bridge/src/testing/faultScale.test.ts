import {faultMode, faultScale} from './faultScale';
import {fuzzRuns} from './fuzzRuns';

describe('faultScale', () => {
  it('picks the fast size unless BATON_FAULTS=full', () => {
    expect(faultScale(60, 1000, {})).toBe(60);
    expect(faultScale(60, 1000, {BATON_FAULTS: ''})).toBe(60);
    expect(faultScale(60, 1000, {BATON_FAULTS: 'fast'})).toBe(60);
    expect(faultScale(60, 1000, {BATON_FAULTS: 'full'})).toBe(1000);
  });

  it('refuses a mode it does not know instead of silently running the fast one', () => {
    expect(() => faultMode({BATON_FAULTS: 'FULL!'})).toThrow('BATON_FAULTS must be "fast" or "full", not "FULL!"');
  });
});

describe('fuzzRuns', () => {
  it('runs the fast default, 10,000 under BATON_FAULTS=full, or exactly BATON_FUZZ_RUNS', () => {
    expect(fuzzRuns(60, {})).toBe(60);
    expect(fuzzRuns(60, {BATON_FAULTS: 'full'})).toBe(10_000);
    expect(fuzzRuns(60, {BATON_FAULTS: 'full', BATON_FUZZ_RUNS: '250'})).toBe(250);
  });

  it('refuses a count that is not a whole number of at least 1', () => {
    expect(() => fuzzRuns(60, {BATON_FUZZ_RUNS: '0'})).toThrow('BATON_FUZZ_RUNS must be a whole number of at least 1, not "0"');
  });
});
