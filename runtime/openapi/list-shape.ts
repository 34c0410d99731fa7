import { isNode } from './build-operation.js';
import type { ApiOperation } from './index.js';
import { objectParts, resolveSchema, typesOf } from './schema-node.js';

/** Where the records of a list response sit: the body itself, or an array inside a wrapper (`{ expenses: { expenses: [...] } }`). */
export interface ListShape {
  /** Property names from the body to the array; empty when the body is the array. */
  readonly path: readonly string[];
  readonly itemSchema: unknown;
}

interface Candidate extends ListShape {
  /** The array has a `count`/`total` beside it, the mark of a page wrapper. */
  readonly counted: boolean;
}

/**
 * The list shape of an operation's success response, or undefined when it answers one record. Lists of
 * non-objects (ids, strings) count as single values. An array inside an object is the list only for a paginated
 * operation, beside a counter, or named like the path's last word: a project's `memberships` do not make
 * `GET /projects/{id}` a list. Among several arrays (expenses come with daily and weekly totals) the named one wins.
 */
export function listShapeOf(operation: ApiOperation, doc: unknown): ListShape | undefined {
  const schema = operation.successResponse?.schema;
  if (!schema) return undefined;
  const { schema: body } = resolveSchema(doc, schema);
  if (typesOf(body).includes('array')) return isRecordArray(body.items, doc) ? { path: [], itemSchema: body.items } : undefined;
  const word = staticSegments(operation.path).at(-1) ?? '';
  const named = (candidate: Candidate) => isSameWord(candidate.path[candidate.path.length - 1] ?? '', word);
  const candidates = arraysIn(body, doc, [], 0).filter((candidate) => operation.paginated || candidate.counted || named(candidate));
  const chosen = candidates.find(named) ?? candidates[0];
  return chosen && { path: chosen.path, itemSchema: chosen.itemSchema };
}

function arraysIn(schema: Record<string, unknown>, doc: unknown, prefix: string[], depth: number): Candidate[] {
  if (depth > 1 || !typesOf(schema).includes('object')) return [];
  const properties = objectParts(doc, schema).properties;
  const counted = Object.keys(properties).some(isCounter);
  const found: Candidate[] = [];
  for (const [key, property] of Object.entries(properties)) {
    const { schema: resolved } = resolveSchema(doc, property);
    if (typesOf(resolved).includes('array') && isRecordArray(resolved.items, doc)) {
      found.push({ path: [...prefix, key], itemSchema: resolved.items, counted });
    } else found.push(...arraysIn(resolved, doc, [...prefix, key], depth + 1));
  }
  return found;
}

function isCounter(name: string): boolean {
  return /^(count|total)$|Count$/.test(name);
}

function isRecordArray(items: unknown, doc: unknown): boolean {
  return typesOf(resolveSchema(doc, items).schema).includes('object');
}

/** The segments of a path that are not parameters: `['projects', 'tasks']` for `/projects/{projectId}/tasks`. */
export function staticSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '' && !segment.startsWith('{'));
}

/** `balances` vs `balance`, `categories` vs `category`: a shared stem of at least five letters. */
function isSameWord(a: string, b: string): boolean {
  const stem = Math.min(a.length, b.length, 5);
  return a === b || (stem >= 5 && a.slice(0, stem).toLowerCase() === b.slice(0, stem).toLowerCase());
}

/** Puts a page of records into a generated wrapper and sets the counters beside it (`count`, `total`) to the list's size. */
export function wrapPage(shape: ListShape, wrapper: unknown, items: unknown[], total: number): unknown {
  if (shape.path.length === 0) return items;
  const root = isNode(wrapper) ? wrapper : {};
  let parent: Record<string, unknown> = root;
  for (const key of shape.path.slice(0, -1)) {
    const next = isNode(parent[key]) ? (parent[key] as Record<string, unknown>) : {};
    parent[key] = next;
    parent = next;
  }
  parent[shape.path[shape.path.length - 1] as string] = items;
  for (const key of Object.keys(parent)) {
    if (isCounter(key) && typeof parent[key] === 'number') parent[key] = total;
  }
  return root;
}
