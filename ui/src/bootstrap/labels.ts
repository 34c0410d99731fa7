import type { JobState } from './types.js';

/** What each job state is called on screen. */
export const STATE_LABELS: Record<JobState, string> = {
  queued: 'Queued',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function stateLabel(state: string): string {
  return STATE_LABELS[state as JobState] ?? state;
}

export function reasonLabel(reason: string): string {
  if (reason === 'installed') return 'started on install';
  if (reason === 'manual') return 'started by an admin';
  return reason;
}
