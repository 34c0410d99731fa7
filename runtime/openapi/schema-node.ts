import { entryOf } from '../map-entry.js';
import { isNode } from './build-operation.js';
import { resolveLocal } from './json-pointer.js';

/** A JSON Schema object of an OpenAPI 3.0 document, read loosely: documents in the wild vary. */
export type SchemaNode = Record<string, unknown>;

export interface ResolvedSchema {
  readonly schema: SchemaNode;
  /** OpenAPI 3.0 `nullable`, read on the referring node too (`{ $ref, nullable: true }`, as our document writes it). */
  readonly nullable: boolean;
}

/**
 * Answers kept per document and schema node. A loaded document is never changed, and the same nodes are resolved
 * over and over (every record the simulator renders, every form the explorer draws), so each is worked out once.
 */
function memoPerNode<T>(work: (doc: unknown, node: unknown) => T): (doc: unknown, node: unknown) => T {
  const byDoc = new WeakMap<object, WeakMap<object, T>>();
  return (doc, node) => {
    if (!isNode(doc) || !isNode(node)) return work(doc, node);
    const known = entryOf(byDoc, doc, () => new WeakMap<object, T>());
    return entryOf(known, node, () => work(doc, node));
  };
}

/** Follows `$ref`s inside the bundled document; an unresolvable or missing schema reads as `{}` (anything). */
export const resolveSchema: (doc: unknown, node: unknown) => ResolvedSchema = memoPerNode((doc, node) => {
  const nullableHere = isNode(node) && node.nullable === true;
  const resolved = resolveLocal(doc, node, '')?.node ?? {};
  return Object.freeze({ schema: resolved, nullable: nullableHere || resolved.nullable === true });
});

/** The JSON types a schema declares, or infers from its keywords when `type` is absent; empty means "any". */
export function typesOf(schema: SchemaNode): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((type): type is string => typeof type === 'string');
  if (isNode(schema.properties) || isNode(schema.additionalProperties)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return [];
}

export interface ObjectParts {
  readonly properties: Record<string, unknown>;
  readonly required: ReadonlySet<string>;
}

/** Properties and required names of an object schema, `allOf` branches merged in (shared: do not change them). */
export const objectParts: (doc: unknown, schema: SchemaNode) => ObjectParts = memoPerNode((doc, node) =>
  objectPartsOf(doc, node as SchemaNode),
);

function objectPartsOf(doc: unknown, schema: SchemaNode): ObjectParts {
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  const visit = (node: SchemaNode, depth: number) => {
    if (depth > 8) return;
    if (isNode(node.properties)) Object.assign(properties, node.properties);
    if (Array.isArray(node.required)) for (const name of node.required) if (typeof name === 'string') required.add(name);
    if (Array.isArray(node.allOf)) for (const branch of node.allOf) visit(resolveSchema(doc, branch).schema, depth + 1);
  };
  visit(schema, 0);
  return Object.freeze({ properties: Object.freeze(properties), required });
}

/** The branches of `oneOf`/`anyOf`, resolved. */
export function branchesOf(doc: unknown, schema: SchemaNode): ResolvedSchema[] {
  const list = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : [];
  return list.map((branch) => resolveSchema(doc, branch));
}

/** True when a value of one of `types` can satisfy the schema's own `type` (no declared type accepts all). */
export function typeAllows(schema: SchemaNode, type: string): boolean {
  const declared = typesOf(schema);
  return declared.length === 0 || declared.includes(type) || (type === 'integer' && declared.includes('number'));
}
