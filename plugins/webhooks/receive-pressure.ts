import { performance } from 'node:perf_hooks';

/**
 * Whether deliveries arrive faster than the event loop can both store them and run their handlers. Receiving comes
 * first (Clockify waits for its 200; a stored event can wait for its handlers), so while this is high the dispatcher
 * paces itself and the backlog it leaves is worked off as soon as the burst is over.
 */
export interface ReceivePressure {
  /** A delivery was stored. */
  received(): void;
  /** The last sample saw the loop busier than `busyAbove` while deliveries were being stored. */
  readonly high: boolean;
  start(): void;
  stop(): void;
}

export interface ReceivePressureOptions {
  sampleMs?: number;
  /** Event-loop utilisation (0–1) above which the loop counts as saturated. */
  busyAbove?: number;
}

export function watchReceivePressure({ sampleMs = 100, busyAbove = 0.9 }: ReceivePressureOptions = {}): ReceivePressure {
  let high = false;
  let receivedInSample = false;
  let last = performance.eventLoopUtilization();
  let timer: NodeJS.Timeout | undefined;

  function sample(): void {
    const now = performance.eventLoopUtilization();
    // The dispatcher's own work counts in the utilisation too: without deliveries arriving, a busy loop is a backlog
    // being worked off, which must go at full speed.
    high = receivedInSample && performance.eventLoopUtilization(now, last).utilization > busyAbove;
    receivedInSample = false;
    last = now;
  }

  return {
    received() {
      receivedInSample = true;
    },
    get high() {
      return high;
    },
    start() {
      last = performance.eventLoopUtilization();
      timer ??= setInterval(sample, sampleMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
      high = false;
    },
  };
}
