import { createRandom } from '@dispatch/db';

/** A seeded pseudo-random generator (the demo data's mulberry32): the same seed gives the same requests, run after run. */
export interface Prng {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [0, n) */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function createPrng(seed: number): Prng {
  const random = createRandom(seed);
  return { next: random.next, int: (n) => random.int(0, n - 1), pick: random.pick, chance: (p) => random.next() < p };
}
