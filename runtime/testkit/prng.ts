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

/**
 * mulberry32. A class rather than closures: the simulator makes one per record it renders, and methods on the
 * prototype cost nothing to create (closures, under tsx's keep-names transform, cost a call each).
 */
class Mulberry32 implements Prng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(max: number): number {
    return Math.floor(this.next() * Math.max(0, max));
  }

  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  hex(length: number): string {
    let text = '';
    while (text.length < length)
      text += Math.floor(this.next() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return text.slice(0, length);
  }
}

export function createPrng(seed: number): Prng {
  return new Mulberry32(seed);
}

/**
 * A Clockify-style id (24 hex digits, like a MongoDB ObjectId) that depends only on its parts. Two independent
 * 32-bit hashes seed the two halves, so tens of thousands of ids in one data set do not collide.
 */
export function idFor(...parts: readonly (string | number)[]): string {
  return createPrng(hashSeed('id', ...parts)).hex(12) + createPrng(hashSeed('di', ...parts)).hex(12);
}
