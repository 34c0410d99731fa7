import { expect } from 'vitest';
import { busiestWindow } from './fake-clockify-api.js';
import { type Arrival, type Send, transportSpreadMs } from './timed-api-worker.js';

export interface RateExpectation {
  sends: readonly Send[];
  arrivals: readonly Arrival[];
  perSecond: number;
  burst: number;
  /** How long a token decision can take to reach the caller (the longest Redis round trip; 0 in memory). */
  decisionLatencyMs?: number;
}

/**
 * Asserts the rate governor's promise as the client sent and the server received: no one-second window holds more
 * than `perSecond + burst - 1` token decisions (the bucket's bound), so at most `perSecond + burst` sends when
 * decisions reach callers at once. A decision that takes up to `decisionLatencyMs` to arrive, and a request the
 * transport delivers later than another by up to its spread, can each bring requests closer together by that much:
 * one more per spacing of it is allowed at that stage, and no more. On an idle machine both are well under a spacing.
 */
export function expectWithinRate({ sends, arrivals, perSecond, burst, decisionLatencyMs = 0 }: RateExpectation): void {
  const extra = (ms: number) => Math.ceil((ms * perSecond) / 1000);
  const sendLimit = perSecond + burst - 1 + Math.max(1, extra(decisionLatencyMs));
  expect(busiestWindow(sends), `requests sent in one second (decision latency ${decisionLatencyMs.toFixed(1)} ms)`).toBeLessThanOrEqual(
    sendLimit,
  );
  const spread = transportSpreadMs(sends, arrivals);
  expect(busiestWindow(arrivals), `requests received in one second (transport spread ${spread.toFixed(1)} ms)`).toBeLessThanOrEqual(
    sendLimit + extra(spread),
  );
}
