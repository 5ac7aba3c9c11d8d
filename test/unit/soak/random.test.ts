import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../soak/random';

const draw = (seed: number, label?: string) => {
  const base = seededRandom(seed);
  const r = label === undefined ? base : base.fork(label);
  return Array.from({ length: 8 }, () => r.int(0, 1_000_000));
};

describe('the soak’s seeded chance', () => {
  it('replays the same numbers from the same seed and differs for another seed', () => {
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('gives each part its own stream, independent of what other parts drew', () => {
    const a = seededRandom(3);
    a.next();
    a.next();
    expect(Array.from({ length: 8 }, () => a.fork('run-5').int(0, 1_000_000))[0]).toBe(draw(3, 'run-5')[0]);
    expect(draw(3, 'run-5')).not.toEqual(draw(3, 'run-6'));
  });

  it('stays within the bounds it is asked for', () => {
    const r = seededRandom(11);
    const values = Array.from({ length: 2000 }, () => r.int(2, 5));
    expect(Math.min(...values)).toBe(2);
    expect(Math.max(...values)).toBe(5);
  });
});
