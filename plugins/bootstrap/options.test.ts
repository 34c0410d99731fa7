import { describe, expect, it } from 'vitest';
import { validateOptions } from '../../runtime/plugin/validate-options.js';
import { bootstrapOptionsSchema, defaultThreads } from './options.js';

describe('the worker pool size by default', () => {
  it('leaves one core to the event loop, with at least one thread and at most four', () => {
    expect([1, 2, 3, 4, 5, 8, 64].map((cores) => defaultThreads(cores))).toEqual([1, 1, 2, 3, 4, 4, 4]);
  });

  it('is what an unset `workers.threads` becomes, and 0 (no pool) can still be chosen', () => {
    const at = { file: 'addon.config.yaml', plugin: 'bootstrap', path: 'plugins[0].options' };
    const filled = validateOptions(bootstrapOptionsSchema, {}, at) as { workers: { threads: number } };
    expect(filled.workers.threads).toBe(defaultThreads());
    const none = validateOptions(bootstrapOptionsSchema, { workers: { threads: 0 } }, at) as { workers: { threads: number } };
    expect(none.workers.threads).toBe(0);
  });
});
