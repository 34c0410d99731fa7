export interface BackoffOptions {
  initialBackoffMs: number;
  maxBackoffMs: number;
}

/**
 * Wait before the retry that follows run number `attempt` (1-based): exponential, capped, with "equal jitter" (half
 * fixed, half random), so events that failed together (an API outage) do not all retry in the same instant while
 * each still waits at least half its step.
 */
export function retryDelayMs(
  attempt: number,
  { initialBackoffMs, maxBackoffMs }: BackoffOptions,
  random: () => number = Math.random,
): number {
  const step = Math.min(maxBackoffMs, initialBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}
