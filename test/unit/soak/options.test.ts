import { describe, expect, it } from 'vitest';
import { SoakUsageError, parseSoakOptions } from '../../soak/options';

describe('npm run soak flags', () => {
  it('defaults to 200 runs, seed 1, five processes at a time', () => {
    expect(parseSoakOptions([], {})).toMatchObject({ runs: 200, seed: 1, concurrency: 5, faults: 'on', environment: 'test' });
  });

  it('takes flags over SOAK_RUNS and SOAK_SEED, and those over the defaults', () => {
    expect(parseSoakOptions([], { SOAK_RUNS: '40', SOAK_SEED: '7' })).toMatchObject({ runs: 40, seed: 7 });
    expect(parseSoakOptions(['--runs', '12'], { SOAK_RUNS: '40' })).toMatchObject({ runs: 12 });
  });

  it.each([
    [['--runs', '0'], /--runs must be a whole number from 1/],
    [['--runs', 'abc'], /--runs must be a whole number/],
    [['--runs', '1.5'], /--runs must be a whole number from 1/],
    [['--runs='], /--runs needs a value/],
    [['--concurrency', '9'], /--concurrency must be a whole number from 1 to 6/],
    [['--faults', 'maybe'], /--faults must be on or off/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('refuses %j with a message naming the flag', (argv, message) => {
    expect(() => parseSoakOptions(argv, {})).toThrow(SoakUsageError);
    expect(() => parseSoakOptions(argv, {})).toThrow(message);
  });

  it('says where a bad value came from when it came from the environment', () => {
    expect(() => parseSoakOptions([], { SOAK_RUNS: 'x' })).toThrow(/--runs \(from SOAK_RUNS\)/);
  });
});
