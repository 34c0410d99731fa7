import { isNode } from '../openapi/build-operation.js';
import { branchesOf, objectParts, type ResolvedSchema, resolveSchema, typeAllows } from '../openapi/schema-node.js';
import { type SampleOptions, sampleSchema, UNSATISFIABLE } from './sample-schema.js';

/** What the simulator knows for sure about a record (ids, names, links); the rest of a response is generated. */
export type Facts = Record<string, unknown>;

/**
 * Writes facts into a generated value wherever the schema has a property of that name that accepts the fact.
 * A fact the schema would reject (another type, not in an enum) is left out, so the result still validates:
 * the same record can be shown through the list schema, the single-item schema and a write's response schema.
 */
export function applyFacts(value: unknown, facts: Facts, schema: unknown, options: SampleOptions): unknown {
  const resolved = resolveSchema(options.doc, schema);
  if (!typeAllows(resolved.schema, 'object')) return value;
  const target = isNode(value) ? value : sampleSchema(schema, { ...options, nullChance: 0 });
  if (!isNode(target)) return value;
  const { properties } = objectParts(options.doc, resolved.schema);
  for (const [key, fact] of Object.entries(facts)) {
    if (!(key in properties) || fact === undefined) continue;
    const property = resolveSchema(options.doc, properties[key]);
    if (isNode(fact) && !Array.isArray(fact)) {
      const nested = applyFacts(target[key], fact, properties[key], options);
      if (nested !== UNSATISFIABLE && isNode(nested)) target[key] = nested;
    } else if (accepts(fact, property, options.doc)) {
      target[key] = fact;
    }
  }
  return target;
}

/** Whether a plain value validates against the schema, for the keywords Clockify's documents use. */
export function accepts(value: unknown, { schema, nullable }: ResolvedSchema, doc: unknown): boolean {
  if (value === null) return nullable || typeAllows(schema, 'null') || (Array.isArray(schema.enum) && schema.enum.includes(null));
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  const branches = branchesOf(doc, schema);
  if (branches.length > 0 && !branches.some((branch) => accepts(value, branch, doc))) return false;
  if (typeof value === 'string') return typeAllows(schema, 'string') && fitsString(value, schema);
  if (typeof value === 'number') return fitsNumber(value, schema);
  if (typeof value === 'boolean') return typeAllows(schema, 'boolean');
  if (Array.isArray(value)) return fitsArray(value, schema, doc);
  if (isNode(value)) return fitsObject(value, schema, doc);
  return false;
}

function fitsString(value: string, schema: Record<string, unknown>): boolean {
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return false;
  if (typeof schema.pattern === 'string' && !safeTest(schema.pattern, value)) return false;
  if (schema.format === 'date-time') return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value);
  if (schema.format === 'date') return /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (schema.format === 'email') return value.includes('@');
  return true;
}

function fitsNumber(value: number, schema: Record<string, unknown>): boolean {
  const integerOnly = typeAllows(schema, 'integer') && !typeAllows(schema, 'number');
  if (integerOnly ? !Number.isInteger(value) : !typeAllows(schema, 'number')) return false;
  if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
  return !(typeof schema.maximum === 'number' && value > schema.maximum);
}

function fitsArray(value: unknown[], schema: Record<string, unknown>, doc: unknown): boolean {
  if (!typeAllows(schema, 'array')) return false;
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
  if (schema.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) return false;
  const items = resolveSchema(doc, schema.items);
  return value.every((item) => accepts(item, items, doc));
}

function fitsObject(value: Record<string, unknown>, schema: Record<string, unknown>, doc: unknown): boolean {
  if (!typeAllows(schema, 'object')) return false;
  const { properties, required } = objectParts(doc, schema);
  for (const name of required) if (!(name in value)) return false;
  return Object.entries(value).every(([key, item]) => !(key in properties) || accepts(item, resolveSchema(doc, properties[key]), doc));
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return true;
  }
}
