import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { type ReceivePressure, watchReceivePressure } from './receive-pressure.js';

/** Keeps the loop busy for `ms`, with a turn every millisecond so the sampling timer can fire, receiving as it goes. */
async function busyFor(ms: number, pressure: ReceivePressure, receiving: boolean): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const slice = performance.now() + 1;
    while (performance.now() < slice) {}
    if (receiving) pressure.received();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('watchReceivePressure', () => {
  let pressure: ReceivePressure | undefined;
  afterEach(() => pressure?.stop());

  it('is high while deliveries arrive on a saturated loop, and falls once the loop has room again', async () => {
    pressure = watchReceivePressure({ sampleMs: 20, busyAbove: 0.8 });
    pressure.start();
    expect(pressure.high).toBe(false);
    await busyFor(120, pressure, true);
    expect(pressure.high).toBe(true);
    await sleep(60);
    expect(pressure.high).toBe(false);
  });

  it('stays low on a saturated loop when no delivery arrives (a backlog being worked off)', async () => {
    pressure = watchReceivePressure({ sampleMs: 20, busyAbove: 0.8 });
    pressure.start();
    await busyFor(120, pressure, false);
    expect(pressure.high).toBe(false);
  });

  it('is low after stop', async () => {
    pressure = watchReceivePressure({ sampleMs: 20, busyAbove: 0.8 });
    pressure.start();
    await busyFor(80, pressure, true);
    pressure.stop();
    expect(pressure.high).toBe(false);
  });
});
