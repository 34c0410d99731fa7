import { describe, expect, it } from 'vitest';
import { createPrng, hashSeed, idFor } from './prng.js';

describe('prng', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const draws = (seed: number) => {
      const rng = createPrng(seed);
      return Array.from({ length: 5 }, () => rng.next());
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
  });

  it('keeps integers, ranges and picks within bounds', () => {
    const rng = createPrng(hashSeed('bounds'));
    for (let draw = 0; draw < 1000; draw++) {
      expect(rng.int(3)).toBeGreaterThanOrEqual(0);
      expect(rng.int(3)).toBeLessThan(3);
      const value = rng.between(5, 9);
      expect(value >= 5 && value <= 9 && Number.isInteger(value)).toBe(true);
    }
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('derives 24-hex ids that depend only on their parts and do not collide', () => {
    expect(idFor(1, 'projects', 3)).toMatch(/^[0-9a-f]{24}$/);
    expect(idFor(1, 'projects', 3)).toBe(idFor(1, 'projects', 3));
    const ids = new Set(Array.from({ length: 50_000 }, (_, index) => idFor(1, 'user/time-entries', index)));
    expect(ids.size).toBe(50_000);
  });
});
