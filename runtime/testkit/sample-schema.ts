import { branchesOf, objectParts, type ResolvedSchema, resolveSchema, type SchemaNode, typesOf } from '../openapi/schema-node.js';
import type { Prng } from './prng.js';
import { sampleString } from './sample-string.js';

/** Returned for a schema no value can satisfy (official documents declare `type: object` with string-only `oneOf`s). */
export const UNSATISFIABLE: unique symbol = Symbol('unsatisfiable');

export interface SampleOptions {
  /** The bundled document the schema's `$ref`s point into. */
  doc: unknown;
  rng: Prng;
  /** Milliseconds since the epoch that generated dates lie before (fixed, so data does not drift with the clock). */
  anchorMs: number;
  /** Chance that a nullable value is null. */
  nullChance?: number;
}

// Deep enough for every response schema of Clockify's documents; past it only required properties are filled,
// which also ends self-referencing schemas.
const MAX_DEPTH = 7;
const MAX_EXTRA_ITEMS = 2;

/** A value that validates against `schema` (OpenAPI 3.0 flavour of JSON Schema), built from the seeded generator. */
export function sampleSchema(schema: unknown, options: SampleOptions, name = ''): unknown {
  return sample(resolveSchema(options.doc, schema), options, name, 0);
}

function sample({ schema, nullable }: ResolvedSchema, options: SampleOptions, name: string, depth: number): unknown {
  if (nullable && options.rng.chance(options.nullChance ?? 0.05)) return null;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pickEnum(schema, options.rng, nullable);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) return sampleBranch(schema, options, name, depth);
  const types = typesOf(schema).filter((type) => type !== 'null');
  const type = types[0] ?? (Array.isArray(schema.allOf) ? 'object' : 'string');
  switch (type) {
    case 'object':
      return sampleObject(schema, options, depth);
    case 'array':
      return sampleArray(schema, options, name, depth);
    case 'integer':
      return sampleNumber(schema, options.rng, true);
    case 'number':
      return sampleNumber(schema, options.rng, false);
    case 'boolean':
      return options.rng.chance(0.5);
    default:
      return sampleString(schema, { rng: options.rng, anchorMs: options.anchorMs, name });
  }
}

function pickEnum(schema: SchemaNode, rng: Prng, nullable: boolean): unknown {
  const values = (schema.enum as unknown[]).filter((value) => value !== null || nullable);
  return values.length > 0 ? rng.pick(values) : null;
}

/** The first branch whose type the schema's own `type` allows; none means no value fits both. */
function sampleBranch(schema: SchemaNode, options: SampleOptions, name: string, depth: number): unknown {
  const own = typesOf(schema);
  for (const branch of branchesOf(options.doc, schema)) {
    const types = typesOf(branch.schema);
    if (own.length > 0 && types.length > 0 && !types.some((type) => own.includes(type))) continue;
    const value = sample(branch, options, name, depth);
    if (value !== UNSATISFIABLE) return value;
  }
  return UNSATISFIABLE;
}

function sampleObject(schema: SchemaNode, options: SampleOptions, depth: number): unknown {
  const { properties, required } = objectParts(options.doc, schema);
  const value: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(properties)) {
    const resolved = resolveSchema(options.doc, property);
    if (resolved.schema.writeOnly === true) continue;
    if (depth >= MAX_DEPTH && !required.has(key)) continue;
    const item = sample(resolved, options, key, depth + 1);
    if (item === UNSATISFIABLE) {
      if (required.has(key)) return UNSATISFIABLE;
      continue;
    }
    value[key] = item;
  }
  return value;
}

function sampleArray(schema: SchemaNode, options: SampleOptions, name: string, depth: number): unknown {
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : min + MAX_EXTRA_ITEMS;
  const wanted = depth >= MAX_DEPTH ? min : options.rng.between(min, Math.max(min, Math.min(max, min + MAX_EXTRA_ITEMS)));
  const items = resolveSchema(options.doc, schema.items);
  const itemName = name.endsWith('Ids') ? name.slice(0, -1) : name;
  const values: unknown[] = [];
  const seen = new Set<string>();
  // Unique items may need a few more draws (a two-value enum, say); give up quietly above the minimum.
  for (let attempt = 0; values.length < wanted && attempt < wanted * 4 + 4; attempt++) {
    const value = sample(items, options, itemName, depth + 1);
    if (value === UNSATISFIABLE) return min === 0 ? [] : UNSATISFIABLE;
    const key = JSON.stringify(value);
    if (schema.uniqueItems === true && seen.has(key)) continue;
    seen.add(key);
    values.push(value);
  }
  return values.length >= min ? values : UNSATISFIABLE;
}

function sampleNumber(schema: SchemaNode, rng: Prng, integer: boolean): number {
  const lower = bound(schema, 'minimum', 'exclusiveMinimum', 1) ?? 0;
  const upper = bound(schema, 'maximum', 'exclusiveMaximum', -1) ?? Math.max(lower, 0) + 1000;
  if (integer) return rng.between(Math.ceil(lower), Math.max(Math.ceil(lower), Math.floor(upper)));
  return Math.round((lower + rng.next() * (upper - lower)) * 100) / 100;
}

/** An inclusive bound; exclusive ones (boolean draft-04 style or numeric) are nudged by one step inward. */
function bound(schema: SchemaNode, inclusive: string, exclusive: string, direction: 1 | -1): number | undefined {
  const limit = schema[inclusive];
  const flag = schema[exclusive];
  if (typeof flag === 'number') return flag + direction;
  if (typeof limit !== 'number') return undefined;
  return flag === true ? limit + direction : limit;
}
