import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from './keyed-queue.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createKeyedQueue', () => {
  it('runs work of one key one at a time, in arrival order, even when some fails', async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const slow = queue.run('w', async () => {
      await tick();
      order.push('first');
      throw new Error('boom');
    });
    const fast = queue.run('w', async () => {
      order.push('second');
      return 2;
    });
    await expect(slow).rejects.toThrow('boom');
    expect(await fast).toBe(2);
    expect(order).toEqual(['first', 'second']);
  });

  it('runs work of different keys concurrently', async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const a = queue.run('a', async () => {
      await tick();
      order.push('a');
    });
    const b = queue.run('b', async () => {
      order.push('b');
    });
    await Promise.all([a, b]);
    expect(order).toEqual(['b', 'a']);
  });

  it('starts the work of different keys arriving together in separate turns of the event loop', async () => {
    const queue = createKeyedQueue();
    let turns = 0;
    let counting = true;
    const count = () => {
      turns += 1;
      if (counting) setImmediate(count);
    };
    setImmediate(count);
    const started = await Promise.all(['a', 'b', 'c'].map((key) => queue.run(key, async () => turns)));
    counting = false;
    expect(new Set(started).size).toBe(3);
  });
});
