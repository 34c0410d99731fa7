import { describe, expect, it, vi } from 'vitest';
import { Collection } from './collection.js';

function numbered(size: number, newestFirst = false) {
  const build = vi.fn((index: number, id: string) => ({ id, index }));
  return { list: new Collection({ size, idAt: (index) => `id-${index}`, build, newestFirst }), build };
}

describe('Collection', () => {
  it('builds only the records of the page that is read', () => {
    const { list, build } = numbered(10_000);
    expect(list.page(100, 3).map((record) => record.id)).toEqual(['id-100', 'id-101', 'id-102']);
    expect(build).toHaveBeenCalledTimes(3);
    expect(list.page(9_999, 50)).toHaveLength(1);
    expect(list.page(10_000, 50)).toEqual([]);
  });

  it('adds, updates and removes records, keeping the order', () => {
    const { list } = numbered(3);
    list.add({ id: 'new', index: -1 });
    expect(list.page(0, 10).map((record) => record.id)).toEqual(['id-0', 'id-1', 'id-2', 'new']);
    expect(list.update('id-1', { index: 42 })).toEqual({ id: 'id-1', index: 42 });
    expect(list.find('id-1')).toEqual({ id: 'id-1', index: 42 });
    expect(list.remove('id-0')).toEqual({ id: 'id-0', index: 0 });
    expect(list.find('id-0')).toBeUndefined();
    expect(list.length).toBe(3);
    expect(list.update('missing', {})).toBeUndefined();
    expect(list.remove('missing')).toBeUndefined();
  });

  it('lists created records first when it is newest first', () => {
    const { list } = numbered(2, true);
    list.add({ id: 'new' });
    expect(list.page(0, 10).map((record) => record.id)).toEqual(['new', 'id-0', 'id-1']);
  });

  it('keeps a generated record once built, frozen to its nested values, so every reader shares one answer', () => {
    const build = vi.fn((index: number, id: string) => ({ id, index, tags: [{ name: `t${index}` }] }));
    const list = new Collection({ size: 2, idAt: (index) => `id-${index}`, build });
    const first = list.find('id-1');
    expect(list.page(0, 2)[1]).toBe(first);
    expect(list.page(0, 2)[0]).toBe(list.find('id-0'));
    expect(build).toHaveBeenCalledTimes(2);
    expect(Object.isFrozen(first)).toBe(true);
    const tag = (first as { tags: object[] }).tags[0];
    expect(tag).toEqual({ name: 't1' });
    expect(Object.isFrozen(tag)).toBe(true);
    // A write replaces the kept record: readers see the change, as a copy of their own.
    expect(list.update('id-1', { index: 7 })).toMatchObject({ id: 'id-1', index: 7 });
    expect(list.find('id-1')).toMatchObject({ index: 7 });
    expect(Object.isFrozen(list.find('id-1'))).toBe(false);
  });

  it('hands out copies, so callers cannot change stored records', () => {
    const { list } = numbered(1);
    list.add({ id: 'new', tags: ['a'] });
    (list.find('new')?.tags as string[] | undefined)?.push('b');
    expect(list.find('new')?.tags).toEqual(['a']);
  });
});
