import { isOpen, type Job } from './types.js';

export type JobAction = 'start' | 'cancel' | 'resume' | 'retry';

/**
 * Which buttons apply, as the API decides (one open job per workspace): start when no job is open, cancel the shown
 * job while it is open, resume it when cancelled and retry it when failed, both only while no other job is open.
 */
export function availableActions(shown: Job | undefined, jobs: readonly Job[]): Record<JobAction, boolean> {
  // The shown job's own entry in the list may be older than the job itself (the list is read less often).
  const anyOpen = isOpen(shown) || jobs.some((job) => job.id !== shown?.id && isOpen(job));
  return {
    start: !anyOpen,
    cancel: isOpen(shown),
    resume: shown?.state === 'cancelled' && !anyOpen,
    retry: shown?.state === 'failed' && !anyOpen,
  };
}
