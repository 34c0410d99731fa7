/** What `withTimeLimit` resolves with when the time ran out first. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * `work`'s value, or `TIMED_OUT` when it has not settled within `ms` (a rejection within the time passes through).
 * The work is not stopped (JavaScript cannot) and a late rejection counts as handled; the timer is cleared either way.
 */
export function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
