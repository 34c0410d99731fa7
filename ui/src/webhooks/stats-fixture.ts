import type { DeliveryStats, EventDeliveries, EventState } from './types.js';

const HOUR_MS = 3_600_000;

/** Statistics as the server answers them, for tests: `counts` maps each event to its per-hour counts, oldest first. */
export function statsFixture(
  counts: Record<string, number[]>,
  { hours = 24, from = Date.UTC(2025, 4, 1, 10), dead = {} as Record<string, number> } = {},
): DeliveryStats {
  const events: EventDeliveries[] = Object.entries(counts).map(([event, buckets]) => {
    const padded = Array.from({ length: hours }, (_, index) => buckets[index] ?? 0);
    const total = padded.reduce((sum, count) => sum + count, 0);
    const states: Record<EventState, number> = {
      pending: 0,
      failed: 0,
      handled: total - (dead[event] ?? 0),
      dead: dead[event] ?? 0,
      discarded: 0,
    };
    return { event, total, states, buckets: padded };
  });
  events.sort((a, b) => b.total - a.total);
  return { from: new Date(from).toISOString(), to: new Date(from + hours * HOUR_MS).toISOString(), bucketMs: HOUR_MS, events };
}
