/**
 * A small seeded pseudo-random generator (mulberry32) and a string hash (FNV-1a) to derive seeds from names.
 * Not for security: the simulator needs the same data for the same seed on every run and every machine.
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Lower-case hex digits, e.g. 24 for a Clockify-style object id. */
  hex(length: number): string;
}

/** Mixes any number of parts (seed, collection name, index, ...) into one 32-bit seed. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * Math.max(0, max));
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[int(items.length)] as T;
    },
    hex(length) {
      let text = '';
      while (text.length < length)
        text += Math.floor(next() * 0x10000)
          .toString(16)
          .padStart(4, '0');
      return text.slice(0, length);
    },
  };
}

/**
 * A Clockify-style id (24 hex digits, like a MongoDB ObjectId) that depends only on its parts. Two independent
 * 32-bit hashes seed the two halves, so tens of thousands of ids in one data set do not collide.
 */
export function idFor(...parts: readonly (string | number)[]): string {
  return createPrng(hashSeed('id', ...parts)).hex(12) + createPrng(hashSeed('di', ...parts)).hex(12);
}
