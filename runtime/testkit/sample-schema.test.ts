import { describe, expect, it } from 'vitest';
import { parseOpenApi } from '../openapi/index.js';
import { applyFacts } from './apply-facts.js';
import { createPrng } from './prng.js';
import { sampleSchema, UNSATISFIABLE } from './sample-schema.js';

const ANCHOR_MS = Date.UTC(2025, 0, 1);

// A small document exercising the keywords Clockify's documents use, including their odd `type: object` enums.
const schemas = {
  Rate: { type: 'object', properties: { amount: { type: 'integer', minimum: 0 }, currency: { type: 'string' } } },
  OddEnum: { type: 'object', oneOf: [{ type: 'string', enum: ['ACTIVE', 'DONE'] }], properties: { ACTIVE: { type: 'string' } } },
  Entry: {
    type: 'object',
    required: ['id', 'color'],
    properties: {
      id: { type: 'string' },
      color: { type: 'string', pattern: '^#(?:[0-9a-fA-F]{6}){1}$' },
      start: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' },
      email: { type: 'string', format: 'email' },
      kind: { type: 'string', enum: ['REGULAR', 'BREAK'] },
      rate: { $ref: '#/components/schemas/Rate', nullable: true },
      status: { $ref: '#/components/schemas/OddEnum' },
      tagIds: { type: 'array', uniqueItems: true, minItems: 1, items: { type: 'string' } },
      flags: { type: 'array', uniqueItems: true, maxItems: 2, items: { type: 'boolean' } },
      share: { type: 'number', minimum: 0, maximum: 1 },
      code: { type: 'string', minLength: 3, maxLength: 5 },
      parent: { $ref: '#/components/schemas/Entry' },
      secret: { type: 'string', writeOnly: true },
      either: { anyOf: [{ type: 'integer' }, { type: 'string' }] },
      merged: { allOf: [{ $ref: '#/components/schemas/Rate' }, { type: 'object', properties: { note: { type: 'string' } } }] },
    },
  },
};
const document = {
  openapi: '3.0.3',
  info: { title: 'sample', version: '1' },
  paths: {
    '/entries': {
      get: {
        operationId: 'listEntries',
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Entry' } } } },
          },
        },
      },
    },
  },
  components: { schemas },
};

describe('sampleSchema', async () => {
  const api = await parseOpenApi(document, { file: 'sample.json' });
  const listSchema = { type: 'array', items: { $ref: '#/components/schemas/Entry' } };

  it('generates values that validate, for many seeds', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const value = sampleSchema(listSchema, { doc: api.bundled, rng: createPrng(seed), anchorMs: ANCHOR_MS });
      const result = api.validators.response('listEntries', value);
      expect(result.issues).toEqual([]);
    }
  });

  it('is deterministic for a seed and leaves out what no value satisfies', () => {
    const options = () => ({ doc: api.bundled, rng: createPrng(3), anchorMs: ANCHOR_MS });
    const entry = sampleSchema({ $ref: '#/components/schemas/Entry' }, options()) as Record<string, unknown>;
    expect(sampleSchema({ $ref: '#/components/schemas/Entry' }, options())).toEqual(entry);
    expect(entry).not.toHaveProperty('status');
    expect(entry).not.toHaveProperty('secret');
    expect(entry.id).toMatch(/^[0-9a-f]{24}$/);
    expect(Date.parse(entry.start as string)).toBeLessThan(ANCHOR_MS);
    expect(sampleSchema({ $ref: '#/components/schemas/OddEnum' }, options())).toBe(UNSATISFIABLE);
  });

  it('writes facts that fit the schema and skips those that do not', () => {
    const options = { doc: api.bundled, rng: createPrng(4), anchorMs: ANCHOR_MS };
    const facts = {
      id: 'fixed',
      kind: 'BREAK',
      status: 'ACTIVE',
      code: 'far too long',
      rate: { amount: 7 },
      unknown: 1,
      day: 'not a date',
    };
    const entry = applyFacts(undefined, facts, { $ref: '#/components/schemas/Entry' }, options) as Record<string, unknown>;
    expect(entry).toMatchObject({ id: 'fixed', kind: 'BREAK', rate: { amount: 7 } });
    expect(entry).not.toHaveProperty('status');
    expect(entry).not.toHaveProperty('unknown');
    expect(entry.code).not.toBe('far too long');
    expect(entry.day).not.toBe('not a date');
    expect(api.validators.response('listEntries', [entry]).issues).toEqual([]);
  });
});
