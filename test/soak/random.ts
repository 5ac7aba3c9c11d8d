import { seeded } from '../../main/products/sign-de/sandbox/faults';

/**
 * The soak's only source of chance: mulberry32 from a seed (the sandbox's fault dice), so one seed replays the same plans, kill
 * points and fault schedule (what the processes then do in time still varies with the machine's load).
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An independent generator for one part (a run, the chaos schedule), so parts do not shift each other. */
  fork(label: string | number): Random;
}

export function seededRandom(seed: number): Random {
  const next = seeded(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    fork: (label) => seededRandom(hash(`${seed}/${label}`)),
  };
}

/** FNV-1a: a stable 32-bit number from a label. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
