import { isNode } from './build-operation.js';
import { resolveLocal } from './json-pointer.js';

type Node = Record<string, unknown>;

/**
 * Whether Ajv's `discriminator` keyword can compile this schema. Ajv supports only a subset of OpenAPI's:
 * no `mapping`, a `oneOf` whose branches (or the schemas they `$ref`) declare the tag property with string
 * `const`/`enum` values that are unique, and the tag required. Anything else would throw at compile time, so the
 * caller drops the keyword and `oneOf` alone still decides validity.
 * See ajv/lib/vocabularies/discriminator/index.ts.
 */
export function keepsDiscriminator(doc: unknown, schema: Node): boolean {
  const discriminator = schema.discriminator;
  if (!isNode(discriminator) || typeof discriminator.propertyName !== 'string' || discriminator.mapping !== undefined) return false;
  if (!Array.isArray(schema.oneOf)) return false;
  const tag = discriminator.propertyName;
  const seen = new Set<string>();
  let tagRequired = true;
  for (const branch of schema.oneOf) {
    const target = resolveLocal(doc, branch, '')?.node;
    const property = target && isNode(target.properties) ? target.properties[tag] : undefined;
    if (!target || !isNode(property)) return false;
    const values = tagValues(property);
    if (!values || values.some((value) => seen.has(value))) return false;
    for (const value of values) seen.add(value);
    tagRequired &&= requires(schema, tag) || requires(target, tag);
  }
  return tagRequired;
}

function tagValues(property: Node): string[] | undefined {
  const values = property.const !== undefined ? [property.const] : Array.isArray(property.enum) ? property.enum : undefined;
  if (!values || values.length === 0) return undefined;
  return values.every((value): value is string => typeof value === 'string') ? values : undefined;
}

function requires(schema: Node, tag: string): boolean {
  return Array.isArray(schema.required) && schema.required.includes(tag);
}
