import type { ApiOperation, OperationIndex } from '../openapi/index.js';
import { type ListShape, listShapeOf } from '../openapi/list-shape.js';

/** Where an operation's records live: a list named by its resource key, or every user's time entries. */
export type Target = { readonly key: string; readonly params: readonly string[] } | 'time-entries';

export type OperationPlan =
  | { readonly kind: 'list'; readonly target: Exclude<Target, 'time-entries'>; readonly shape: ListShape }
  | { readonly kind: 'single' | 'update' | 'delete'; readonly target: Target; readonly idParam: string }
  | { readonly kind: 'create'; readonly target: Target }
  | { readonly kind: 'stop-timer' }
  | { readonly kind: 'generated'; readonly key: string };

const WORKSPACE_PREFIX = /^\/v1\/(workspaces\/\{workspaceId\}\/?)?/;

/** `/v1/workspaces/{workspaceId}/projects/{projectId}/tasks` → `projects/tasks` with parameters `[projectId]`. */
export function resourcePathOf(template: string): { key: string; params: string[] } {
  const segments = template.replace(WORKSPACE_PREFIX, '').split('/').filter(Boolean);
  const key = segments.filter((segment) => !segment.startsWith('{')).join('/');
  const params = segments.filter((segment) => segment.startsWith('{')).map((segment) => segment.slice(1, -1));
  return { key: template === '/v1/workspaces' ? 'workspaces' : key, params };
}

/**
 * How the simulator answers each operation, decided once from the document: GET lists page through a collection,
 * `GET|PUT|PATCH|DELETE …/{id}` under a list find the record in it, POST to a list adds one. Time entries are listed
 * per user but addressed by id alone (`/time-entries/{id}`), so they get their own target. Anything else is answered
 * with generated data shaped by its response schema and changes nothing.
 */
export function planOperations(index: OperationIndex, doc: unknown): Map<string, OperationPlan> {
  const lists = new Map<string, ListShape>();
  for (const operation of index.operations) {
    const shape = operation.method === 'GET' ? listShapeOf(operation, doc) : undefined;
    if (shape) lists.set(operation.path, shape);
  }
  const plans = new Map<string, OperationPlan>();
  for (const operation of index.operations) plans.set(operation.operationId, planOf(operation, lists));
  return plans;
}

function planOf(operation: ApiOperation, lists: ReadonlyMap<string, ListShape>): OperationPlan {
  const { method, path } = operation;
  const { key, params } = resourcePathOf(path);
  const ownShape = lists.get(path);
  const parentPath = path.replace(/\/\{[^}/]+\}$/, '');
  const idParam = parentPath !== path ? (path.slice(parentPath.length + 2, -1) as string) : undefined;
  const parent: Target | undefined =
    idParam && lists.has(parentPath)
      ? resourcePathOf(parentPath)
      : idParam && /\/time-entries$/.test(parentPath)
        ? 'time-entries'
        : undefined;
  if (method === 'GET') {
    if (ownShape) return { kind: 'list', target: { key, params }, shape: ownShape };
    if (parent && idParam) return { kind: 'single', target: parent, idParam };
  } else if (method === 'POST') {
    if (ownShape) return { kind: 'create', target: { key, params } };
    if (key === 'time-entries') return { kind: 'create', target: 'time-entries' };
  } else if (method === 'PATCH' && ownShape && key === 'user/time-entries') {
    return { kind: 'stop-timer' };
  } else if (parent && idParam && (method === 'PUT' || method === 'PATCH' || method === 'DELETE')) {
    return { kind: method === 'DELETE' ? 'delete' : 'update', target: parent, idParam };
  }
  return { kind: 'generated', key };
}
