import { type Format, runSeconds, shareDone } from './format.js';
import type { Job } from './types.js';

/**
 * What a screen reader hears when a polled job changes, or undefined to keep quiet: every change of state, and while
 * it runs each quarter of the pages known (not every poll, which would talk over everything else every second).
 */
export function jobAnnouncement(previous: Job | undefined, next: Job, format: Format): string | undefined {
  if (!previous || previous.id !== next.id) return undefined;
  const name = `Job ${next.id}`;
  if (previous.state !== next.state) return stateAnnouncement(next, format);
  if (next.state !== 'running') return undefined;
  const before = Math.floor(shareDone(previous.progress) * 4);
  const now = Math.floor(shareDone(next.progress) * 4);
  return now > before && now < 4 ? `${name}: ${format.percent(now / 4)} of the pages known so far read.` : undefined;
}

export function stateAnnouncement(job: Job, format: Format): string {
  const name = `Job ${job.id}`;
  const { records, stepsFailed } = job.progress;
  const seconds = runSeconds(job);
  const took = seconds === undefined ? '' : ` in ${format.duration(seconds)}`;
  switch (job.state) {
    case 'done':
      return `${name} done: ${format.count(records)} records${took}.`;
    case 'failed':
      return `${name} failed: ${format.count(stepsFailed)} pages could not be read.`;
    case 'cancelled':
      return `${name} cancelled after ${format.count(records)} records.`;
    case 'running':
      return `${name} is running.`;
    default:
      return `${name} is queued.`;
  }
}
