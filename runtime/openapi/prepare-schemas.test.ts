import { describe, expect, it } from 'vitest';
import { prepareForAjv } from './prepare-schemas.js';
import type { OpenApiDocument } from './types.js';

function prepare(schemas: Record<string, unknown>): Record<string, unknown> {
  const doc = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {}, components: { schemas } };
  const prepared = prepareForAjv(doc as OpenApiDocument);
  return (prepared.components as { schemas: Record<string, unknown> }).schemas;
}

describe('prepareForAjv', () => {
  it('turns nullable into a null type, adding null to an enum', () => {
    expect(prepare({ A: { type: 'string', nullable: true, enum: ['x'] } }).A).toEqual({ type: ['string', 'null'], enum: ['x', null] });
  });

  it('wraps an untyped nullable schema into anyOf with null, and drops nullable: false', () => {
    const schemas = prepare({ A: { allOf: [{ $ref: '#/components/schemas/B' }], nullable: true }, B: { type: 'object', nullable: false } });
    expect(schemas.A).toEqual({ anyOf: [{ allOf: [{ $ref: '#/components/schemas/B' }] }, { type: 'null' }] });
    expect(schemas.B).toEqual({ type: 'object' });
  });

  it('rewrites boolean exclusive bounds to the numeric form', () => {
    const schemas = prepare({
      A: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false },
    });
    expect(schemas.A).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 9 });
  });

  it('leaves example data and x- extensions alone but rewrites a property that happens to be named example', () => {
    const schemas = prepare({
      A: {
        type: 'object',
        example: { nullable: true },
        'x-note': { nullable: true },
        properties: { example: { type: 'string', nullable: true } },
      },
    });
    expect(schemas.A).toEqual({
      type: 'object',
      example: { nullable: true },
      'x-note': { nullable: true },
      properties: { example: { type: ['string', 'null'] } },
    });
  });

  it('drops a discriminator with a mapping and keeps one Ajv supports', () => {
    const cat = { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: ['cat'] } } };
    const oneOf = [{ $ref: '#/components/schemas/Cat' }];
    const schemas = prepare({
      Cat: cat,
      Plain: { oneOf, discriminator: { propertyName: 'kind' } },
      Mapped: { oneOf, discriminator: { propertyName: 'kind', mapping: { cat: '#/components/schemas/Cat' } } },
      Untagged: { oneOf: [{ type: 'object' }], discriminator: { propertyName: 'kind' } },
    });
    expect(schemas.Plain).toEqual({ oneOf, discriminator: { propertyName: 'kind' } });
    expect(schemas.Mapped).toEqual({ oneOf });
    expect(schemas.Untagged).toEqual({ oneOf: [{ type: 'object' }] });
  });

  it('does not touch the document it is given', () => {
    const doc = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {},
      components: { schemas: { A: { type: 'string', nullable: true } } },
    };
    prepareForAjv(doc as OpenApiDocument);
    expect(doc.components.schemas.A).toEqual({ type: 'string', nullable: true });
  });
});
