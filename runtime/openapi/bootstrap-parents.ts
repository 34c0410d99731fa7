import { staticSegments } from './list-shape.js';
import type { ApiOperation } from './types.js';

/** The path parameters of an operation other than `workspaceId`, in path order. */
export function ownPathParams(operation: ApiOperation): string[] {
  return [...operation.path.matchAll(/\{([^{}/]+)\}/g)].map((match) => match[1] as string).filter((name) => name !== 'workspaceId');
}

/**
 * The list whose records' `id` fills an operation's last path parameter: the list the path nests under
 * (`/projects/{projectId}/tasks` → `/projects`), else the list named after the parameter (`{userId}` → `…/users`,
 * `{policyId}` → `…/policies`). The parent must take the operation's other path parameters, in the same order, so a
 * deeper list inherits them. Ties go to the shortest path, then the operationId, so the choice is stable.
 */
export function findParentList(operation: ApiOperation, lists: readonly ApiOperation[]): ApiOperation | undefined {
  const params = ownPathParams(operation);
  const param = params.at(-1);
  if (param === undefined) return undefined;
  const inherited = params.slice(0, -1).join('/');
  const candidates = lists.filter((list) => list !== operation && ownPathParams(list).join('/') === inherited);
  const nestedUnder = candidates.filter((list) => operation.path.startsWith(`${list.path}/{${param}}`));
  const named = candidates.filter((list) => isListOf(list.path, param));
  return [...nestedUnder].sort(byPath)[0] ?? [...named].sort(byPath)[0];
}

/** `{userId}` names a user: a list whose last static segment is `users` (or `user`, `policies` for `policyId`…). */
function isListOf(path: string, param: string): boolean {
  const stem = param.replace(/[-_]?id$/i, '').toLowerCase();
  if (stem === '' || stem === param.toLowerCase()) return false;
  const last = staticSegments(path).at(-1)?.toLowerCase();
  return last !== undefined && pluralsOf(stem).includes(last.replace(/-/g, ''));
}

function pluralsOf(stem: string): string[] {
  return [stem, `${stem}s`, `${stem}es`, ...(stem.endsWith('y') ? [`${stem.slice(0, -1)}ies`] : [])];
}

function byPath(a: ApiOperation, b: ApiOperation): number {
  return a.path.length - b.path.length || a.operationId.localeCompare(b.operationId);
}
