import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimedEvent, DispatchQueue } from './dispatch-queue.js';
import { BUSY_PAUSE_MS, createDispatcher } from './dispatcher.js';
import type { ReceivePressure } from './receive-pressure.js';

// The scheduling of claims only: the queue hands out what it is asked for (the real queues have their own suites).
function recordingQueue() {
  const claimedAt: number[] = [];
  const queue: DispatchQueue = {
    claim: async () => [],
    claimIds: async (ids) => {
      claimedAt.push(Date.now());
      return ids.map((id) => claimedEvent(id));
    },
    renew: async () => true,
    finish: async () => true,
    release: async () => {},
    releaseAll: async () => 0,
  };
  return { queue, claimedAt };
}

function claimedEvent(id: number): ClaimedEvent {
  const at = new Date(0);
  return {
    id,
    workspaceId: 'w',
    event: 'NEW_TIME_ENTRY',
    entityId: `e${id}`,
    body: '{}',
    receivedAt: at,
    updatedAt: at,
    attempts: 0,
    nextAttemptAt: null,
    handlerResults: null,
  };
}

function fixedPressure(high: boolean): ReceivePressure & { receipts: number } {
  return {
    receipts: 0,
    received() {
      this.receipts += 1;
    },
    high,
    start() {},
    stop() {},
  };
}

describe('dispatcher pacing', () => {
  beforeEach(() => {
    // Time stands still unless a test moves it; event-loop turns (setImmediate) stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function dispatch(pressure: ReceivePressure, events: number) {
    const { queue, claimedAt } = recordingQueue();
    const ran: number[] = [];
    const dispatcher = createDispatcher({
      queue,
      runEvent: async (event) => {
        ran.push(event.id);
      },
      concurrency: 4,
      pollIntervalMs: 60_000,
      startDelayMs: 0,
      stopTimeoutMs: 0,
      log: pino({ level: 'silent' }),
      pressure,
    });
    await dispatcher.start();
    for (let id = 1; id <= events; id++) dispatcher.offer({ id, orderKey: `w\u0000e${id}` });
    return { dispatcher, claimedAt, ran };
  }

  it('claims fresh events on the next turns, without waiting, while receiving leaves the loop room', async () => {
    const { dispatcher, claimedAt, ran } = await dispatch(fixedPressure(false), 12);
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toEqual([...Array(12).keys()].map((index) => index + 1));
    expect(new Set(claimedAt)).toEqual(new Set([claimedAt[0]]));
    await dispatcher.stop();
  });

  it('claims one batch per pause while deliveries saturate the loop, and still gets through every event', async () => {
    const pressure = fixedPressure(true);
    const { dispatcher, claimedAt, ran } = await dispatch(pressure, 12);
    expect(pressure.receipts).toBe(12);
    await vi.advanceTimersByTimeAsync(BUSY_PAUSE_MS - 1);
    expect(claimedAt).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toEqual([1, 2, 3, 4]);
    await vi.advanceTimersByTimeAsync(5 * BUSY_PAUSE_MS);
    expect(ran).toHaveLength(12);
    const gaps = claimedAt.slice(1).map((at, index) => at - (claimedAt[index] ?? 0));
    expect(gaps.every((gap) => gap >= BUSY_PAUSE_MS)).toBe(true);
    await dispatcher.stop();
  });
});
