import { createPrng, hashSeed } from './prng.js';

/** Misbehaviour the simulated API can be told to show, per request. */
export interface Faults {
  /** Added to every API answer. */
  latencyMs?: number;
  /** Latency varies by up to this much either way (drawn from the seed). */
  jitterMs?: number;
  /** Share of requests answered 500, 502 or 503 (which one is drawn from the seed), 0 to 1. */
  errorRate?: number;
  /**
   * A run of 429s on top of the rate limit: `count` requests in a row, starting `after` requests from the moment it
   * is set (a number `n` means `{ after: 0, count: n }`).
   */
  burst429?: number | { after?: number; count: number };
}

export type FaultStatus = 429 | 500 | 502 | 503;

export interface FaultInjector {
  /** Merges new settings over the current ones; `{ errorRate: 0 }` turns errors off again. */
  inject(faults: Faults): void;
  /** How long to hold the next answer. */
  delayMs(): number;
  /** The injected status for the next request that passed authentication and the rate limit, if any. */
  outcome(): { status: FaultStatus; reason: 'burst-429' | 'injected-error' } | undefined;
}

const ERROR_STATUSES = [500, 502, 503] as const;

/** Draws come from the seed in request order, so a run with the same seed and the same requests fails the same way. */
export function createFaultInjector(seed: number, initial: Faults = {}): FaultInjector {
  const errors = createPrng(hashSeed(seed, 'faults'));
  const jitter = createPrng(hashSeed(seed, 'latency'));
  let settings: Faults = {};
  let served = 0;
  let burst = { from: 0, to: 0 };
  const inject = (faults: Faults) => {
    settings = { ...settings, ...faults };
    if (faults.burst429 !== undefined) {
      const { after = 0, count } = typeof faults.burst429 === 'number' ? { count: faults.burst429 } : faults.burst429;
      burst = { from: served + after, to: served + after + count };
    }
  };
  inject(initial);
  return {
    inject,
    delayMs() {
      const { latencyMs = 0, jitterMs = 0 } = settings;
      return Math.max(0, latencyMs + (jitterMs ? (jitter.next() * 2 - 1) * jitterMs : 0));
    },
    outcome() {
      const position = served++;
      if (position >= burst.from && position < burst.to) return { status: 429, reason: 'burst-429' };
      if (settings.errorRate && errors.next() < settings.errorRate)
        return { status: errors.pick(ERROR_STATUSES), reason: 'injected-error' };
      return undefined;
    },
  };
}
