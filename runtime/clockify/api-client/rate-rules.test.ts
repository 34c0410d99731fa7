import { describe, expect, it } from 'vitest';
import { createRateRules, pausedUntil, type RateRule, takeToken } from './rate-rules.js';

const fiftyPerSecond: RateRule = { requests: 50, intervalMs: 1000, burst: 5 };

/** Sends whenever the bucket allows, `count` times from `start`, as a caller with endless work would; answers the send times. */
function sendTimes(count: number, rule: RateRule, start = 0): number[] {
  let theoretical: number | undefined;
  let now = start;
  const times: number[] = [];
  while (times.length < count) {
    const take = takeToken(theoretical, now, rule);
    if (!take.taken) {
      now += take.waitMs;
      continue;
    }
    theoretical = take.next;
    times.push(now);
  }
  return times;
}

describe('takeToken', () => {
  it('lets a burst go at once, then one caller per spacing', () => {
    expect(sendTimes(8, fiftyPerSecond, 1000).map(Math.round)).toEqual([1000, 1000, 1000, 1000, 1000, 1020, 1040, 1060]);
  });

  it('never lets more than perSecond + burst - 1 through in a one-second window', () => {
    const times = sendTimes(500, fiftyPerSecond);
    const most = Math.max(...times.map((start) => times.filter((time) => time >= start && time < start + 1000).length));
    expect(most).toBe(54);
  });

  it('lets a caller that comes back late through with at most one burst, not the tokens it missed', () => {
    let theoretical: number | undefined;
    const first = takeToken(theoretical, 0, fiftyPerSecond);
    theoretical = first.taken ? first.next : undefined;
    let sent = 0;
    for (let take = takeToken(theoretical, 10_000, fiftyPerSecond); take.taken; take = takeToken(theoretical, 10_000, fiftyPerSecond)) {
      theoretical = take.next;
      sent += 1;
    }
    expect(sent).toBe(5);
  });

  it('holds every caller back until a pause ends, with no burst right after it', () => {
    const paused = pausedUntil(undefined, 0, fiftyPerSecond, 2000);
    expect(takeToken(paused, 0, fiftyPerSecond)).toEqual({ taken: false, waitMs: 2000 });
    expect(sendTimes(2, fiftyPerSecond, 2000)).toEqual([2000, 2000]);
    const after = takeToken(paused, 2000, fiftyPerSecond);
    expect(after.taken).toBe(true);
    expect(takeToken(after.taken ? after.next : 0, 2000, fiftyPerSecond)).toEqual({ taken: false, waitMs: 20 });
  });
});

describe('createRateRules', () => {
  it('applies a plan to the workspaces assigned to it, from the configuration or later', () => {
    const rules = createRateRules({
      plans: { 'free-new': { requests: 30, intervalMs: 3_600_000 } },
      workspaces: { 'ws-free': 'free-new' },
    });
    expect(rules.ruleFor('ws-free')).toEqual({ requests: 30, intervalMs: 3_600_000, burst: 1 });
    expect(rules.ruleFor('ws-paid')).toEqual({ requests: 50, intervalMs: 1000, burst: 1 });
    rules.setPlan('ws-paid', 'free-new');
    expect(rules.ruleFor('ws-paid').requests).toBe(30);
    rules.setPlan('ws-paid', undefined);
    expect(rules.ruleFor('ws-paid').requests).toBe(50);
  });

  it('refuses a workspace assigned to a plan that does not exist', () => {
    expect(() => createRateRules({ workspaces: { 'ws-1': 'gold' } })).toThrow(/no rate-limit plan named "gold"/);
  });
});
