import { describe, expect, it } from 'vitest';
import { defaultWorkerThreads } from './options.js';

describe('defaultWorkerThreads', () => {
  it('leaves the event loop a core of its own and keeps at least one pool thread', () => {
    expect(defaultWorkerThreads(1)).toBe(1);
    expect(defaultWorkerThreads(2)).toBe(1);
    expect(defaultWorkerThreads(8)).toBe(7);
  });
});
