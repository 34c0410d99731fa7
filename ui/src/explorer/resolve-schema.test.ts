import { describe, expect, it } from 'vitest';
import { resolveSchema } from './resolve-schema.js';
import type { Components, JsonSchema } from './types.js';

const components: Components = {
  schemas: {
    Named: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
    Rated: { allOf: [{ $ref: '#/components/schemas/Named' }, { properties: { rate: { type: 'number' } } }] },
    Loop: { $ref: '#/components/schemas/Loop' },
  },
};

describe('resolveSchema', () => {
  it('follows references and merges allOf parts', () => {
    expect(resolveSchema({ $ref: '#/components/schemas/Rated' }, components)).toEqual({
      type: 'object',
      properties: { name: { type: 'string' }, rate: { type: 'number' } },
      required: ['name'],
    });
  });

  it('reads an unknown or endless reference as anything', () => {
    expect(resolveSchema({ $ref: '#/components/schemas/Missing' }, components)).toEqual({});
    expect(resolveSchema({ $ref: '#/components/schemas/Loop' }, components)).toEqual({});
  });

  it('gives a resolved schema back as it is', () => {
    const schemas: (JsonSchema | undefined)[] = [
      { $ref: '#/components/schemas/Rated' },
      { $ref: '#/components/schemas/Loop' },
      { allOf: [] },
      { type: 'string' },
      undefined,
    ];
    for (const schema of schemas) {
      const resolved = resolveSchema(schema, components);
      expect(resolveSchema(resolved, components)).toBe(resolved);
    }
  });
});
