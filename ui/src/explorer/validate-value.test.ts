// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { LISTING } from './test-fixtures.js';
import type { JsonSchema } from './types.js';
import { validateValue } from './validate-value.js';

const check = (schema: JsonSchema, value: unknown) => validateValue(schema, value, LISTING.components, '/body');
const messages = (schema: JsonSchema, value: unknown) => check(schema, value).map((error) => error.message);

describe('validateValue', () => {
  it('accepts a value that fits and an absent one', () => {
    expect(check({ type: 'integer', minimum: 1 }, 5)).toEqual([]);
    expect(check({ type: 'string' }, undefined)).toEqual([]);
  });

  it('names the expected type in the words of the server', () => {
    expect(messages({ type: 'integer' }, 'a')).toEqual(['must be integer']);
    expect(messages({ type: 'integer' }, 1.5)).toEqual(['must be integer']);
    expect(messages({ type: 'number' }, '1')).toEqual(['must be number']);
    expect(messages({ type: 'boolean' }, 'true')).toEqual(['must be boolean']);
    expect(messages({ type: 'object' }, [])).toEqual(['must be object']);
    expect(messages({ type: 'array' }, {})).toEqual(['must be array']);
  });

  it('checks inclusive and exclusive bounds, as OpenAPI 3.0 and 3.1 write them', () => {
    expect(messages({ type: 'integer', minimum: 1 }, -1)).toEqual(['must be >= 1']);
    expect(messages({ type: 'integer', maximum: 10 }, 11)).toEqual(['must be <= 10']);
    expect(messages({ type: 'number', minimum: 0, exclusiveMinimum: true }, 0)).toEqual(['must be > 0']);
    expect(messages({ type: 'number', maximum: 1, exclusiveMaximum: true }, 1)).toEqual(['must be < 1']);
    expect(messages({ type: 'number', exclusiveMinimum: 0 }, 0)).toEqual(['must be > 0']);
    expect(messages({ type: 'integer', format: 'int32' }, 2 ** 31)).toEqual(['must match format "int32"']);
  });

  it('counts string length in characters, not UTF-16 units, and checks the pattern', () => {
    expect(messages({ type: 'string', minLength: 2 }, '😀')).toEqual(['must NOT have fewer than 2 characters']);
    expect(messages({ type: 'string', maxLength: 2 }, 'abc')).toEqual(['must NOT have more than 2 characters']);
    expect(messages({ type: 'string', pattern: '^#[0-9a-f]{6}$' }, 'red')).toEqual(['must match pattern "^#[0-9a-f]{6}$"']);
    expect(messages({ type: 'string', pattern: '(' }, 'x')).toEqual([]);
  });

  it('checks the date-time, date and email formats', () => {
    expect(messages({ type: 'string', format: 'date-time' }, '2024-01-31T09:00:00Z')).toEqual([]);
    expect(messages({ type: 'string', format: 'date-time' }, '2024-01-31T09:00:00.123+02:00')).toEqual([]);
    expect(messages({ type: 'string', format: 'date-time' }, '2024-01-31 09:00')).toEqual(['must match format "date-time"']);
    expect(messages({ type: 'string', format: 'date-time' }, '2024-02-30T09:00:00Z')).toEqual(['must match format "date-time"']);
    expect(messages({ type: 'string', format: 'date' }, '2024-02-29')).toEqual([]);
    expect(messages({ type: 'string', format: 'date' }, '2023-02-29')).toEqual(['must match format "date"']);
    expect(messages({ type: 'string', format: 'email' }, 'ana@example.com')).toEqual([]);
    expect(messages({ type: 'string', format: 'email' }, 'ana@example')).toEqual(['must match format "email"']);
  });

  it('lists the allowed values of an enum, through a $ref', () => {
    expect(messages({ $ref: '#/components/schemas/SortOrder' }, 'UP')).toEqual(['must be one of: ASCENDING, DESCENDING']);
    expect(messages({ $ref: '#/components/schemas/SortOrder' }, 'ASCENDING')).toEqual([]);
  });

  it('points at each missing, unknown or wrong property of an object', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string' }, rate: { $ref: '#/components/schemas/RateInput' } },
    };
    expect(check(schema, { rate: { amount: -1 }, extra: 1 })).toEqual([
      { pointer: '/body/name', message: 'is required' },
      { pointer: '/body/rate/amount', message: 'must be >= 0' },
      { pointer: '/body/extra', message: 'is not allowed' },
    ]);
  });

  it('checks array sizes and each item at its index, and flags items left empty', () => {
    const schema: JsonSchema = { type: 'array', minItems: 1, maxItems: 2, items: { type: 'integer' } };
    expect(check(schema, [])).toEqual([{ pointer: '/body', message: 'must NOT have fewer than 1 items' }]);
    expect(check(schema, [1, 'x', undefined])).toEqual([
      { pointer: '/body', message: 'must NOT have more than 2 items' },
      { pointer: '/body/1', message: 'must be integer' },
      { pointer: '/body/2', message: 'is empty: fill it in or remove it' },
    ]);
  });

  it('allows null only where the schema does', () => {
    expect(messages({ type: 'string', nullable: true }, null)).toEqual([]);
    expect(messages({ type: ['string', 'null'] }, null)).toEqual([]);
    expect(messages({ type: 'string' }, null)).toEqual(['must be string']);
  });

  it('merges allOf parts and checks oneOf and anyOf choices', () => {
    const composed: JsonSchema = { allOf: [{ $ref: '#/components/schemas/RateInput' }, { properties: { note: { type: 'string' } } }] };
    expect(messages(composed, { note: 1 })).toEqual(['is required', 'must be string']);
    const choice: JsonSchema = { oneOf: [{ type: 'string' }, { type: 'integer' }] };
    expect(messages(choice, 'a')).toEqual([]);
    expect(messages(choice, true)).toEqual(['must match exactly one schema in oneOf']);
    expect(messages({ anyOf: [{ type: 'string' }, { type: 'integer' }] }, true)).toEqual(['must match a schema in anyOf']);
  });

  it('reads an unknown $ref as any value rather than failing', () => {
    expect(messages({ $ref: '#/components/schemas/Nowhere' }, { anything: true })).toEqual([]);
  });
});
