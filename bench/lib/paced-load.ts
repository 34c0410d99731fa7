import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { round } from './report.js';

export interface PacedLoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fresh body per request (unique deliveries), or none. */
  body?: () => string;
  ratePerSecond: number;
  durationSeconds: number;
  /** Keep-alive connections the requests share; a request waits for a free one (and that wait counts). */
  connections?: number;
}

export interface PacedLoadResult {
  sent: number;
  non2xx: number;
  errors: number;
  /** Latency percentiles in ms, each request timed from the moment it was due (or went out, if early). */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** How late the generator itself sent its requests (p99, ms): part of every latency above. */
  sendLagP99Ms: number;
  /** Every 2xx answer's latency in ms, sorted: to pool the percentiles of several runs. */
  latenciesMs: number[];
}

/**
 * A steady, open-loop load: request i is due at start + i / rate, whatever the answers before it did, and its latency
 * runs from that moment, so a server that falls behind pays for the queue it built (no coordinated omission).
 * autocannon's `overallRate` is not that: each connection sends its per-second budget back to back at the start of
 * every second and then idles (tests/bench/paced-load.test.ts shows it), which measures bursts at full speed.
 */
export async function pacedLoad({
  url,
  method = 'POST',
  headers = {},
  body,
  ratePerSecond,
  durationSeconds,
  connections = 20,
}: PacedLoadOptions): Promise<PacedLoadResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections, pipelining: 1 });
  const count = Math.round(ratePerSecond * durationSeconds);
  const intervalMs = 1000 / ratePerSecond;
  const latencies: number[] = [];
  const lags: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const send = async (dueAt: number) => {
    // Timed from when it was due, so a generator that fell behind counts its own delay (no coordinated omission);
    // timers count whole milliseconds and may fire a little early, and such a request is timed from when it went out.
    const from = Math.min(dueAt, performance.now());
    try {
      const response = await pool.request({ path: target.pathname + target.search, method, headers, body: body?.() });
      await response.body.dump();
      if (response.statusCode < 200 || response.statusCode >= 300) non2xx += 1;
      else latencies.push(performance.now() - from);
    } catch {
      errors += 1;
    }
  };
  const start = performance.now();
  const requests: Promise<void>[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const dueAt = start + index * intervalMs;
      const early = dueAt - performance.now();
      if (early >= 1) await sleep(Math.floor(early));
      lags.push(Math.max(0, performance.now() - dueAt));
      requests.push(send(dueAt));
    }
    await Promise.all(requests);
  } finally {
    await pool.close();
  }
  const sorted = latencies.sort((a, b) => a - b);
  return {
    sent: count,
    non2xx,
    errors,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: round(sorted.at(-1) ?? Number.NaN, 1),
    sendLagP99Ms: percentile(
      lags.sort((a, b) => a - b),
      0.99,
    ),
    latenciesMs: sorted,
  };
}

/** The smallest value at or above the given share of the sorted values (nearest rank), in ms to 0.1. */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return round(sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] as number, 1);
}
