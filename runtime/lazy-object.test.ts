import { describe, expect, it } from 'vitest';
import { lazyObject } from './lazy-object.js';

describe('lazyObject', () => {
  it('makes the object on first use only, once, and binds its methods to it', () => {
    let made = 0;
    class Counter {
      #count = 0;
      label = 'counter';
      add(step: number): number {
        this.#count += step;
        return this.#count;
      }
    }
    const lazy = lazyObject(() => {
      made += 1;
      return new Counter();
    });
    expect(made).toBe(0);
    const { add } = lazy;
    // Private fields need the real `this`: a method taken off the proxy still works.
    expect(add(2)).toBe(2);
    expect(lazy.add(3)).toBe(5);
    lazy.label = 'renamed';
    expect(lazy.label).toBe('renamed');
    expect('add' in lazy).toBe(true);
    expect(made).toBe(1);
  });

  it('passes a failure to make the object to whoever uses it, and tries again next time', () => {
    let attempts = 0;
    const lazy = lazyObject<{ value: number }>(() => {
      attempts += 1;
      if (attempts === 1) throw new Error('not yet');
      return { value: 7 };
    });
    expect(() => lazy.value).toThrow('not yet');
    expect(lazy.value).toBe(7);
  });
});
