import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../deep-freeze.js';
import { createRenderer } from './render.js';

const doc = {
  components: {
    schemas: {
      Project: {
        type: 'object',
        required: ['id', 'name', 'color'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, color: { type: 'string' }, note: { type: 'string' } },
      },
    },
  },
};
const schema = { $ref: '#/components/schemas/Project' };
const facts = () => ({ id: 'p1', name: 'Apollo' });

describe('the renderer', () => {
  it('renders frozen facts once per schema and keeps the frozen answer', () => {
    const renderer = createRenderer({ doc, seed: 3, anchorMs: 0 });
    const kept = deepFreeze(facts());
    const first = renderer.record(kept, schema);
    expect(first).toMatchObject({ id: 'p1', name: 'Apollo', color: expect.any(String) });
    expect(renderer.record(kept, schema)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // Another schema is another rendering.
    expect(renderer.record(kept, { type: 'object', properties: { id: { type: 'string' } } })).toEqual({ id: 'p1' });
  });

  it('renders facts that may still change every time, to the same value as their frozen twin', () => {
    const renderer = createRenderer({ doc, seed: 3, anchorMs: 0 });
    const open = facts();
    const first = renderer.record(open, schema);
    expect(renderer.record(open, schema)).not.toBe(first);
    expect(renderer.record(open, schema)).toEqual(first);
    expect(Object.isFrozen(first)).toBe(false);
    expect(renderer.record(deepFreeze(facts()), schema)).toEqual(first);
  });
});
