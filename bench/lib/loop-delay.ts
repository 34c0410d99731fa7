import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How often the event loop is sampled (ms). */
export const LOOP_SAMPLE_MS = 10;

export interface LoopDelay {
  /** Stops sampling; the delays in ms. */
  stop(): { p99Ms: number; maxMs: number };
}

/**
 * The event loop's delay: how late a timer due every `LOOP_SAMPLE_MS` ran. Node's histogram records the whole time
 * between two samples, the interval included (an idle loop reads 10 ms at every percentile:
 * tests/bench/loop-delay.test.ts), so the delay is what exceeds the interval.
 */
export function startLoopDelay(): LoopDelay {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      return { p99Ms: delayMs(histogram.percentile(99)), maxMs: delayMs(histogram.max) };
    },
  };
}

/** A recorded sample (ns) as a delay (ms): what exceeds the sampling interval. */
export function delayMs(recordedNs: number): number {
  return Math.max(0, recordedNs / 1e6 - LOOP_SAMPLE_MS);
}
