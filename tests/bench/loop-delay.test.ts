import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { delayMs, LOOP_SAMPLE_MS, startLoopDelay } from '../../bench/lib/loop-delay.js';

describe('the benchmarks’ event-loop delay', () => {
  it('needs the correction: Node records the whole interval between samples, so an idle loop reads ~10 ms', async () => {
    const raw = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    raw.enable();
    await sleep(300);
    raw.disable();
    // Should Node ever record the lateness alone, this fails and the correction must go.
    expect(raw.min / 1e6).toBeGreaterThanOrEqual(LOOP_SAMPLE_MS - 1.5);
  });

  it('is what a sample exceeds the sampling interval by, never below zero', () => {
    expect(delayMs(LOOP_SAMPLE_MS * 1e6)).toBe(0);
    expect(delayMs((LOOP_SAMPLE_MS - 1) * 1e6)).toBe(0);
    expect(delayMs((LOOP_SAMPLE_MS + 15) * 1e6)).toBe(15);
  });

  it('reports a blocked loop as late by about the time it was blocked', async () => {
    const delay = startLoopDelay();
    await sleep(30);
    const end = performance.now() + 60;
    while (performance.now() < end) {}
    await sleep(30);
    expect(delay.stop().maxMs).toBeGreaterThanOrEqual(45);
  });
});
