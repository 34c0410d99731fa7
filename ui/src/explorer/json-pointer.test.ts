// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { getAt, isAtOrUnder, joinPointer, removeAt, setAt, splitPointer } from './json-pointer.js';

describe('json pointers', () => {
  it('escapes ~ and / in segments and reads them back', () => {
    expect(joinPointer('params', 'query', 'a/b~c')).toBe('/params/query/a~1b~0c');
    expect(splitPointer('/params/query/a~1b~0c')).toEqual(['params', 'query', 'a/b~c']);
    expect(splitPointer('')).toEqual([]);
  });

  it('sets a value in a copy, creating the objects on the way', () => {
    const root = { params: { query: { page: 1 } } };
    const next = setAt(root, '/body/rate/amount', 5);
    expect(next).toEqual({ params: { query: { page: 1 } }, body: { rate: { amount: 5 } } });
    expect(root).toEqual({ params: { query: { page: 1 } } });
    expect(getAt(next, '/body/rate/amount')).toBe(5);
  });

  it('drops an object emptied by removing its last value', () => {
    expect(setAt({ body: { rate: { amount: 5 }, name: 'x' } }, '/body/rate/amount', undefined)).toEqual({ body: { name: 'x' } });
  });

  it('keeps array positions when setting and removes an item by index', () => {
    const root = { body: { tags: ['a', 'b', 'c'] } };
    expect(setAt(root, '/body/tags/1', undefined)).toEqual({ body: { tags: ['a', undefined, 'c'] } });
    expect(removeAt(root, '/body/tags/1')).toEqual({ body: { tags: ['a', 'c'] } });
  });

  it('leaves the array unset, and an object emptied by that, when its last item is removed', () => {
    expect(removeAt({ body: { tags: ['a'], name: 'x' } }, '/body/tags/0')).toEqual({ body: { name: 'x' } });
    expect(removeAt({ body: { rate: { tags: ['a'] }, name: 'x' } }, '/body/rate/tags/0')).toEqual({ body: { name: 'x' } });
    expect(removeAt({ body: { tags: [] } }, '/body/tags/0')).toEqual({});
  });

  it('tells whether a pointer lies under another', () => {
    expect(isAtOrUnder('/body/name', '/body')).toBe(true);
    expect(isAtOrUnder('/body', '/body')).toBe(true);
    expect(isAtOrUnder('/bodyguard', '/body')).toBe(false);
  });
});
