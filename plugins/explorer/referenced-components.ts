import type { OpenApiDocument } from '../../runtime/index.js';

export type Components = Record<string, Record<string, unknown>>;

const COMPONENT_REF = /^#\/components\/([^/]+)\/([^/]+)/;

/**
 * The `components` of the document that the given schemas reach through `$ref`s, transitively. The listing keeps
 * schemas as the bundled document writes them (`$ref: '#/components/schemas/X'`), so a client resolves them against
 * `{ components }`; sending only what is reachable keeps the official document's listing small.
 */
export function referencedComponents(bundled: OpenApiDocument, roots: readonly unknown[]): Components {
  const available = (bundled.components ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const found: Components = {};
  const pending = [...roots];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      pending.push(...node);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') pending.push(...take(value, available, found));
      else pending.push(value);
    }
  }
  return found;
}

/** Records the component a `$ref` names; returns it for walking when it was not seen before. */
function take(ref: string, available: Record<string, Record<string, unknown> | undefined>, found: Components): unknown[] {
  const match = COMPONENT_REF.exec(ref);
  if (!match) return [];
  const [kind, name] = [segment(match[1] ?? ''), segment(match[2] ?? '')];
  const target = available[kind]?.[name];
  if (target === undefined || found[kind]?.[name] !== undefined) return [];
  found[kind] ??= {};
  found[kind][name] = target;
  return [target];
}

/** A `$ref` segment as a name: URI-decoded, then JSON-pointer-unescaped (RFC 6901). */
function segment(raw: string): string {
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A stray `%` is part of the name.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}
