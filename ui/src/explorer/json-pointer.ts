/** RFC 6901 pointers, the language both the form and the server's field errors speak (`/params/query/page-size`). */

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(...segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${escapeSegment(String(segment))}`).join('');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function copyOf(value: unknown, nextSegment: string | undefined): Container {
  if (Array.isArray(value)) return [...value];
  if (isContainer(value)) return { ...value };
  return nextSegment !== undefined && /^\d+$/.test(nextSegment) ? [] : {};
}

/**
 * A copy of `root` with `value` at `pointer`, creating objects on the way; `undefined` removes an object's key and
 * an object left empty by that goes too, so clearing every field of an optional nested object drops the object.
 */
export function setAt<T>(root: T, pointer: string, value: unknown): T {
  return setSegments(root, splitPointer(pointer), value) as T;
}

function setSegments(node: unknown, segments: readonly string[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (head === undefined) return value;
  const copy = copyOf(node, head);
  const child = setSegments((copy as Record<string, unknown>)[head], rest, value);
  if (Array.isArray(copy)) copy[Number(head)] = child;
  else if (child === undefined || (rest.length > 0 && isEmptyObject(child))) delete copy[head];
  else copy[head] = child;
  return copy;
}

/**
 * A copy of `root` without the array item at `pointer`. Removing the last item leaves the array unset (and, as with
 * setAt, an object left empty by that goes too) rather than sending an empty one.
 */
export function removeAt<T>(root: T, pointer: string): T {
  const segments = splitPointer(pointer);
  const index = Number(segments.pop());
  const array = joinPointer(...segments);
  const items = getAt(root, array);
  if (!Array.isArray(items)) return root;
  const left = items.filter((_, position) => position !== index);
  return setAt(root, array, left.length === 0 ? undefined : left);
}

export function getAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of splitPointer(pointer)) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function isEmptyObject(value: unknown): boolean {
  return isContainer(value) && !Array.isArray(value) && Object.keys(value).length === 0;
}

/** Whether `pointer` is `ancestor` itself or lies under it. */
export function isAtOrUnder(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}
