import { getPriority, setPriority } from 'node:os';

/**
 * The nice increment of the add-on's helper threads (page fetching, WAL checkpoints). On two cores they compete with
 * the event loop for the CPU; lower in the scheduler's order, they take what the loop leaves, and the loop (HTTP,
 * webhooks, timers) stops waiting for them. Measured on bench (b): the loop spent up to 70 ms at a time runnable but
 * not running while the pool thread parsed pages.
 */
export const HELPER_THREAD_NICE = 10;

/**
 * Lowers the calling thread's scheduling priority by `increment` (Linux keeps a nice value per thread, so the event
 * loop's thread is left as it was). Lowering needs no privilege; where the platform refuses, the thread runs as it was.
 */
export function lowerThreadPriority(increment: number): void {
  if (increment <= 0) return;
  try {
    setPriority(Math.min(19, getPriority() + increment));
  } catch {
    // Not permitted or not supported here: a priority is a preference, not a requirement.
  }
}
