import { entryOf } from '../map-entry.js';

/** Matches concrete paths (`/v1/workspaces/abc/projects`) to OpenAPI path templates (`/v1/workspaces/{workspaceId}/projects`). */

interface Segment {
  /** Set for a literal segment. */
  readonly literal?: string;
  /** Set for a segment holding one or more `{name}`s, possibly with literal text around them. */
  readonly pattern?: RegExp;
  readonly names: readonly string[];
}

interface Route<T> {
  readonly segments: readonly Segment[];
  /** One weight per segment (2 literal, 1 mixed, 0 parameter): a literal beats a parameter at the same position. */
  readonly weights: readonly number[];
  readonly value: T;
}

export interface PathMatch<T> {
  readonly value: T;
  readonly params: Record<string, string>;
}

export interface PathMatcher<T> {
  add(template: string, value: T): void;
  match(path: string): PathMatch<T> | undefined;
}

export function createPathMatcher<T>(): PathMatcher<T> {
  const bySegmentCount = new Map<number, Route<T>[]>();
  return {
    add(template, value) {
      const segments = splitPath(template).map(compileSegment);
      const weights = segments.map((segment) => (segment.literal !== undefined ? 2 : isMixed(segment) ? 1 : 0));
      const routes = entryOf(bySegmentCount, segments.length, () => []);
      routes.push({ segments, weights, value });
      // Most specific first, so the first route that matches is the right one.
      routes.sort((a, b) => compareWeights(b.weights, a.weights));
    },
    match(path) {
      const parts = splitPath(normalizePath(path));
      for (const route of bySegmentCount.get(parts.length) ?? []) {
        const params = matchRoute(route, parts);
        if (params) return { value: route.value, params };
      }
      return undefined;
    },
  };
}

/** Drops the query string, the fragment and a trailing slash. */
export function normalizePath(path: string): string {
  const bare = path.replace(/[?#].*$/, '');
  return bare.length > 1 ? bare.replace(/\/+$/, '') : bare;
}

function splitPath(path: string): string[] {
  return path.split('/').slice(1);
}

function compileSegment(segment: string): Segment {
  const names: string[] = [];
  if (!segment.includes('{')) return { literal: segment, names };
  const source = segment.replace(/\{([^}]+)\}|([^{]+)/g, (_, name: string | undefined, text: string | undefined) => {
    if (name === undefined) return escapeRegExp(text ?? '');
    names.push(name);
    return '([^/]+?)';
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

function isMixed(segment: Segment): boolean {
  return segment.pattern !== undefined && segment.pattern.source !== '^([^/]+?)$';
}

function matchRoute<T>(route: Route<T>, parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [position, segment] of route.segments.entries()) {
    const part = parts[position] ?? '';
    if (segment.literal !== undefined) {
      if (part !== segment.literal) return undefined;
      continue;
    }
    const found = part === '' ? null : segment.pattern?.exec(part);
    if (!found) return undefined;
    segment.names.forEach((name, index) => {
      params[name] = decode(found[index + 1] ?? '');
    });
  }
  return params;
}

function compareWeights(a: readonly number[], b: readonly number[]): number {
  for (let position = 0; position < a.length; position++) {
    const difference = (a[position] ?? 0) - (b[position] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
