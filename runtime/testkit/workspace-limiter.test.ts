import { describe, expect, it } from 'vitest';
import { createWorkspaceLimiter } from './workspace-limiter.js';

describe('createWorkspaceLimiter', () => {
  it('allows the limit per workspace in a one-second window that opens with its first request, refusals counted', () => {
    const limiter = createWorkspaceLimiter(3);
    const at = (ms: number) => limiter.take('ws-1', 10_000 + ms);
    expect([at(0), at(100), at(200), at(300), at(999)]).toEqual([true, true, true, false, false]);
    expect(limiter.take('ws-2', 10_500)).toBe(true);
    // The next window opens with the first request at or after one second.
    expect([at(1000), at(1001), at(1002), at(1003)]).toEqual([true, true, true, false]);
  });

  it('judges a request by when it reaches the limiter, not by when it is counted', () => {
    const limiter = createWorkspaceLimiter(2);
    // Two requests 1.2 s apart, counted together by a process that ran late: two windows, both allowed.
    expect(limiter.take('ws', 5_000)).toBe(true);
    expect(limiter.take('ws', 5_000)).toBe(true);
    expect(limiter.take('ws', 6_200)).toBe(true);
  });

  it('starts afresh with a new limit', () => {
    const limiter = createWorkspaceLimiter(1);
    expect([limiter.take('ws', 0), limiter.take('ws', 10)]).toEqual([true, false]);
    limiter.setLimit(2);
    expect([limiter.take('ws', 20), limiter.take('ws', 30), limiter.take('ws', 40)]).toEqual([true, true, false]);
  });
});
