import { unescapeSegment } from './json-pointer.js';
import type { Components, JsonSchema } from './types.js';

const MAX_REF_HOPS = 16;

/**
 * The schema a `$ref` chain ends at (`#/components/schemas/X` against the listing's components), with `allOf` parts
 * merged so a composed object reads as one: their properties and required lists joined. An unknown reference reads
 * as "anything", which the form edits as raw JSON and the server still checks. A resolved schema resolves to itself.
 */
export function resolveSchema(schema: JsonSchema | undefined, components: Components): JsonSchema {
  let current = schema ?? {};
  for (let hop = 0; current.$ref && hop < MAX_REF_HOPS; hop++) current = lookUp(current.$ref, components) ?? {};
  if (current.$ref) return {};
  return current.allOf ? mergeAllOf(current, components) : current;
}

function lookUp(ref: string, components: Components): JsonSchema | undefined {
  const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
  if (!match) return undefined;
  return components[match[1]!]?.[unescapeSegment(match[2]!)];
}

function mergeAllOf(schema: JsonSchema, components: Components): JsonSchema {
  const { allOf = [], ...rest } = schema;
  const merged: JsonSchema = { ...rest };
  for (const part of allOf.map((item) => resolveSchema(item, components))) {
    merged.type ??= part.type;
    if (part.properties) merged.properties = { ...merged.properties, ...part.properties };
    if (part.required) merged.required = [...(merged.required ?? []), ...part.required];
    for (const [key, value] of Object.entries(part)) {
      if (!(key in merged)) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

/** The schema's main type: the first of a type list that is not 'null', or what its keywords imply. */
export function schemaType(schema: JsonSchema): string | undefined {
  const types = Array.isArray(schema.type) ? schema.type.filter((type) => type !== 'null') : [schema.type];
  if (types[0]) return types[0];
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

export type SchemaKind = 'text' | 'number' | 'boolean' | 'enum' | 'array' | 'object' | 'json';

/** Nesting beyond this is edited as raw JSON: deep forms are hard to use, and it stops recursive schemas. */
const MAX_FORM_DEPTH = 5;

/**
 * How the form edits a value of this (resolved) schema. Choices (`oneOf`/`anyOf`), free-form objects and anything
 * untyped get a raw JSON box rather than a guess.
 */
export function schemaKind(schema: JsonSchema, depth: number): SchemaKind {
  if (schema.enum && schema.enum.length > 0) return 'enum';
  if (schema.oneOf || schema.anyOf || depth > MAX_FORM_DEPTH) return 'json';
  switch (schemaType(schema)) {
    case 'string':
      return 'text';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object': {
      const hasProperties = Object.keys(schema.properties ?? {}).length > 0;
      return hasProperties && typeof schema.additionalProperties !== 'object' ? 'object' : 'json';
    }
    default:
      return 'json';
  }
}
