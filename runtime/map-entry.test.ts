import { describe, expect, it } from 'vitest';
import { entryOf } from './map-entry.js';

describe('entryOf', () => {
  it('makes and stores a value on the first ask only, in a Map or a WeakMap', () => {
    let made = 0;
    const make = () => {
      made += 1;
      return [made];
    };
    const map = new Map<string, number[]>();
    const first = entryOf(map, 'a', make);
    expect(entryOf(map, 'a', make)).toBe(first);
    expect(map.get('a')).toBe(first);
    const key = {};
    const weak = new WeakMap<object, number[]>();
    expect(entryOf(weak, key, make)).toEqual([2]);
    expect(entryOf(weak, key, make)).toEqual([2]);
    expect(made).toBe(2);
  });

  it('keeps a stored null (only undefined counts as absent)', () => {
    const map = new Map<string, null>();
    expect(entryOf(map, 'none', () => null)).toBeNull();
    expect(
      entryOf(map, 'none', () => {
        throw new Error('made twice');
      }),
    ).toBeNull();
  });
});
