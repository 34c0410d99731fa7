import { isNode } from './build-operation.js';
import { keepsDiscriminator } from './discriminator.js';
import type { OpenApiDocument } from './types.js';

type Node = Record<string, unknown>;

// Keys whose object value maps names to things: its keys are names (a property may be called "example"), not keywords.
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'schemas',
  'parameters',
  'responses',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'content',
  'encoding',
  'paths',
  'variables',
  'mapping',
]);

// Keys holding data, not schemas: never rewritten (an example may well contain `"nullable": true`).
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/**
 * A copy of a bundled OpenAPI 3.0 document that Ajv (draft-07) compiles with the meaning OpenAPI gives it:
 * - `nullable: true` becomes a `null` type (with `null` added to an `enum`), or an `anyOf` with `{ type: 'null' }`
 *   when there is no `type`, since Ajv rejects `nullable` without one;
 * - boolean `exclusiveMinimum`/`exclusiveMaximum` (draft-04 style) become the numeric form, which Ajv requires;
 * - a `discriminator` Ajv cannot use (mapping, no `oneOf`, tags without const/enum) is dropped, leaving plain `oneOf`.
 * The copy keeps every node at the same JSON pointer, so pointers from the operation index stay valid.
 */
export function prepareForAjv(bundled: OpenApiDocument): Node {
  const doc = structuredClone(bundled) as unknown as Node;
  const discriminated: Node[] = [];
  walk(doc, false, discriminated);
  for (const node of discriminated) {
    if (!keepsDiscriminator(doc, node)) delete node.discriminator;
  }
  return doc;
}

function walk(node: unknown, isNameMap: boolean, discriminated: Node[]): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, false, discriminated);
    return;
  }
  if (!isNode(node)) return;
  if (!isNameMap) rewrite(node, discriminated);
  for (const [key, value] of Object.entries(node)) {
    if (!isNameMap && (DATA_KEYS.has(key) || key.startsWith('x-'))) continue;
    walk(value, !isNameMap && NAME_MAPS.has(key), discriminated);
  }
}

function rewrite(node: Node, discriminated: Node[]): void {
  if ('nullable' in node) {
    const nullable = node.nullable === true;
    delete node.nullable;
    // When wrapped into an `anyOf`, the original schema is rewritten as the walk reaches that branch.
    if (nullable && allowNull(node) === 'wrapped') return;
  }
  rewriteExclusive(node, 'exclusiveMinimum', 'minimum');
  rewriteExclusive(node, 'exclusiveMaximum', 'maximum');
  if (isNode(node.discriminator)) discriminated.push(node);
}

function rewriteExclusive(node: Node, keyword: 'exclusiveMinimum' | 'exclusiveMaximum', bound: 'minimum' | 'maximum'): void {
  const flag = node[keyword];
  if (typeof flag !== 'boolean') return;
  delete node[keyword];
  if (flag && typeof node[bound] === 'number') {
    node[keyword] = node[bound];
    delete node[bound];
  }
}

function allowNull(node: Node): 'typed' | 'wrapped' {
  if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
  if (typeof node.type === 'string') {
    node.type = [node.type, 'null'];
    return 'typed';
  }
  if (Array.isArray(node.type)) {
    if (!node.type.includes('null')) node.type = [...node.type, 'null'];
    return 'typed';
  }
  // No type (a `$ref`, `allOf`, ...): keep the schema as one branch and accept null as the other.
  const rest = { ...node };
  for (const key of Object.keys(node)) delete node[key];
  node.anyOf = [rest, { type: 'null' }];
  return 'wrapped';
}
