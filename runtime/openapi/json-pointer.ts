/** JSON pointers (RFC 6901) and local `$ref`s inside one document. */

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `pointerOf('paths', '/v1/x', 'get')` → `/paths/~1v1~1x/get`. */
export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${escapeSegment(String(segment))}`).join('');
}

/** Appends segments to an existing pointer. */
export function childPointer(pointer: string, ...segments: readonly (string | number)[]): string {
  return pointer + pointerOf(...segments);
}

/** The value a pointer designates, or undefined when the path does not exist. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[unescapeSegment(raw)];
  }
  return node;
}

/**
 * A pointer as a URI fragment (`#/paths/~1v1~1%7Bid%7D`): Ajv parses `$ref`s as URIs, so characters such as
 * `{` in path templates must be percent-encoded.
 */
export function pointerToFragment(pointer: string): string {
  return `#${pointer
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/')}`;
}

/** The pointer of a local `$ref` (`#/components/schemas/X`); undefined for external or malformed ones. */
export function refToPointer(ref: string): string | undefined {
  if (!ref.startsWith('#')) return undefined;
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
}

export interface Resolved<T> {
  readonly node: T;
  readonly pointer: string;
}

// A chain of plain references (A → B → A) would otherwise loop forever; real documents need a handful of hops.
const MAX_REF_HOPS = 32;

/** Follows local `$ref`s from the node at `pointer` to the object they end at. */
export function resolveLocal(root: unknown, node: unknown, pointer: string): Resolved<Record<string, unknown>> | undefined {
  let current = node;
  let at = pointer;
  for (let hop = 0; hop <= MAX_REF_HOPS; hop++) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    const ref = (current as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string') return { node: current as Record<string, unknown>, pointer: at };
    const target = refToPointer(ref);
    if (target === undefined) return undefined;
    current = valueAt(root, target);
    at = target;
  }
  return undefined;
}
