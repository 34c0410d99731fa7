import { describe, expect, it } from 'vitest';
import { validateOptions } from '../../runtime/plugin/validate-options.js';
import { type BootstrapOptions, bootstrapOptionsSchema, defaultThreads, poolRequestsPerThread } from './options.js';

const at = { file: 'addon.config.yaml', plugin: 'bootstrap', path: 'plugins[0].options' };
const filled = (options: Record<string, unknown>) => validateOptions(bootstrapOptionsSchema, options, at) as unknown as BootstrapOptions;

describe('the worker pool size by default', () => {
  it('leaves one core to the event loop, with at least one thread and at most four', () => {
    expect([1, 2, 3, 4, 5, 8, 64].map((cores) => defaultThreads(cores))).toEqual([1, 1, 2, 3, 4, 4, 4]);
  });

  it('is what an unset `workers.threads` becomes, and 0 (no pool) can still be chosen', () => {
    expect(filled({}).workers.threads).toBe(defaultThreads());
    expect(filled({ workers: { threads: 0 } }).workers.threads).toBe(0);
  });
});

describe('room for requests in a pool thread', () => {
  it('holds every page the jobs can have in flight, shared by the threads, unless set', () => {
    expect(poolRequestsPerThread(filled({ workers: { threads: 1 } }))).toBe(16 * 10);
    expect(poolRequestsPerThread(filled({ concurrency: 20, maxJobs: 5, workers: { threads: 3 } }))).toBe(34);
    expect(poolRequestsPerThread(filled({ workers: { threads: 0 } }))).toBe(160);
    expect(poolRequestsPerThread(filled({ workers: { threads: 2, requestsPerThread: 8 } }))).toBe(8);
  });
});
