// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { availableActions } from './job-actions.js';
import { jobOf } from './test-fixtures.js';

describe('availableActions', () => {
  const done = jobOf({ id: 1, state: 'done' });

  it('offers only start when no job ran yet', () => {
    expect(availableActions(undefined, [])).toEqual({ start: true, cancel: false, resume: false, retry: false });
  });

  it.each([
    ['queued', { start: false, cancel: true, resume: false, retry: false }],
    ['running', { start: false, cancel: true, resume: false, retry: false }],
    ['done', { start: true, cancel: false, resume: false, retry: false }],
    ['failed', { start: true, cancel: false, resume: false, retry: true }],
    ['cancelled', { start: true, cancel: false, resume: true, retry: false }],
  ] as const)('offers for a %s job what the API accepts', (state, expected) => {
    const job = jobOf({ id: 2, state });
    expect(availableActions(job, [job, done])).toEqual(expected);
  });

  it('offers no resume, retry or start while another job of the workspace is open', () => {
    const open = jobOf({ id: 5, state: 'running' });
    for (const state of ['cancelled', 'failed'] as const) {
      expect(availableActions(jobOf({ id: 2, state }), [open, jobOf({ id: 2, state })])).toEqual({
        start: false,
        cancel: false,
        resume: false,
        retry: false,
      });
    }
  });

  it('trusts the shown job over its older entry in the list', () => {
    const finished = jobOf({ id: 2, state: 'done' });
    expect(availableActions(finished, [jobOf({ id: 2, state: 'running' })]).start).toBe(true);
  });
});
