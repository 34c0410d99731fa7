import { suggest } from '../../config/validate-config.js';
import type { ManifestPath, ProblemList } from './problems.js';

/** Small checks every part of the manifest shares: each reports through the list; the `value is` guards also narrow the value. */

export type Fields = Readonly<Record<string, unknown>>;

export function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mapping (reports a problem when the value is something else). */
export function checkFields(list: ProblemList, path: ManifestPath, value: unknown, what: string): value is Fields {
  if (isFields(value)) return true;
  list.add(path, `must be ${what} (a mapping of keys to values), not ${describeValue(value)}`);
  return false;
}

export function checkList(list: ProblemList, path: ManifestPath, value: unknown): value is readonly unknown[] {
  if (Array.isArray(value)) return true;
  list.add(path, `must be a list, not ${describeValue(value)}`);
  return false;
}

/** A list of mappings: the entries that are mappings, each with its path (others are reported). */
export function checkEntries(list: ProblemList, path: ManifestPath, value: unknown, what: string): { path: ManifestPath; value: Fields }[] {
  if (value === undefined || !checkList(list, path, value)) return [];
  return value.flatMap((entry, index) => {
    const at = [...path, index];
    return checkFields(list, at, entry, what) ? [{ path: at, value: entry }] : [];
  });
}

export function checkRequired(list: ProblemList, path: ManifestPath, fields: Fields, required: readonly string[], context = ''): void {
  for (const key of required) {
    if (fields[key] === undefined) list.add([...path, key], `is required${context}`);
  }
}

/** Keys the schema does not know are almost always typos (`lable`), so they are reported with a suggestion. */
export function checkKnownKeys(list: ProblemList, path: ManifestPath, fields: Fields, known: readonly string[]): void {
  for (const key of Object.keys(fields)) {
    if (known.includes(key)) continue;
    const guess = suggest(key, known);
    list.add([...path, key], `is not a known key${guess ? ` (did you mean "${guess}"?)` : ''}`, known);
  }
}

export interface TextRule {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** Says what the pattern means, e.g. "start with /". */
  patternHint?: string;
}

/** An optional string (absence is checked by `checkRequired`). */
export function checkText(
  list: ProblemList,
  path: ManifestPath,
  value: unknown,
  { min = 0, max, pattern, patternHint }: TextRule = {},
): void {
  if (value === undefined) return;
  if (typeof value !== 'string') {
    list.add(path, `must be a string, not ${describeValue(value)}`);
    return;
  }
  if (value.length < min)
    list.add(path, min === 1 ? 'must not be empty' : `must be at least ${min} characters long (it has ${value.length})`);
  if (max !== undefined && value.length > max) list.add(path, `must be at most ${max} characters long (it has ${value.length})`);
  if (pattern && !pattern.test(value)) list.add(path, `must ${patternHint ?? `match ${pattern}`} (it is ${JSON.stringify(value)})`);
}

/** Clockify appends every path to `baseUrl`, so each must be absolute within the add-on. */
export function checkUrlPath(list: ProblemList, path: ManifestPath, value: unknown): void {
  checkText(list, path, value, { pattern: /^\/\S*$/, patternHint: 'start with "/" and contain no spaces, as it is appended to baseUrl' });
}

export interface EnumRule {
  /** What a value is, e.g. "a scope", "a component type in schema 1.3". */
  noun: string;
  /** Appended when the value is a string outside the list: how to make it acceptable. */
  hint?: (value: string) => string | undefined;
}

export function checkEnum(
  list: ProblemList,
  path: ManifestPath,
  value: unknown,
  allowed: readonly string[],
  { noun, hint }: EnumRule,
): void {
  if (value === undefined) return;
  if (typeof value !== 'string') {
    list.add(path, `must be ${noun}, not ${describeValue(value)}`, allowed);
    return;
  }
  if (allowed.includes(value)) return;
  const extra = hint?.(value);
  const guess = extra ? undefined : suggest(value, allowed);
  const tail = [guess && `did you mean "${guess}"?`, extra].filter(Boolean).join('; ');
  list.add(path, `"${value}" is not ${noun}${tail ? ` (${tail})` : ''}`, allowed);
}

export function checkBoolean(list: ProblemList, path: ManifestPath, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') list.add(path, `must be true or false, not ${describeValue(value)}`);
}

/** Reports each entry whose identity repeats an earlier one. */
export function checkUnique<T>(
  list: ProblemList,
  entries: readonly { path: ManifestPath; value: T }[],
  identity: (value: T) => string | undefined,
  describe: (value: T) => string,
): void {
  const first = new Map<string, ManifestPath>();
  for (const { path, value } of entries) {
    const id = identity(value);
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (earlier) list.add(path, `${describe(value)} is already declared at ${list.describe(earlier)}`);
    else first.set(id, path);
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}
