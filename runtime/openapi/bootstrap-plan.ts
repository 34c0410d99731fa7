import { findParentList, ownPathParams } from './bootstrap-parents.js';
import { problemsOf } from './bootstrap-problems.js';
import { queryFor } from './bootstrap-query.js';
import { listShapeOf, staticSegments } from './list-shape.js';
import type { ApiOperation, OpenApi } from './types.js';

/** Per-operation settings of a bootstrap plan, by operationId. */
export interface PlanOperationOptions {
  pageSize?: number;
  maxPages?: number;
  /** Query parameters to send (required ones without a default must be given here). */
  query?: Readonly<Record<string, string>>;
  /** The operationId of the list whose records fill this operation's path parameter, when the guess is wrong. */
  parent?: string;
}

export interface BootstrapPlanOptions {
  /** The manifest's scopes: an operation whose `x-scopes` are not all granted is left out (no `x-scopes`: kept). */
  scopes: readonly string[];
  /** Only these operations (and the parent lists they need); every list when absent or empty. */
  include?: readonly string[];
  exclude?: readonly string[];
  /** Page size of a list that declares no maximum (default 50, Clockify's default page size). */
  pageSize?: number;
  /** Cap on a declared `page-size` maximum (default 1000). */
  maxPageSize?: number;
  /** Pages read at most per list and parent (default 1000). */
  maxPages?: number;
  /** Values of required `start`/`end` query parameters (the scheduling lists), `yyyy-MM-ddTHH:mm:ssZ`. */
  window?: { readonly start: string; readonly end: string };
  operations?: Readonly<Record<string, PlanOperationOptions>>;
}

export interface PlannedOperation {
  readonly operationId: string;
  readonly path: string;
  /** Where its records are stored: the path after the workspace without parameters (`projects/tasks`). */
  readonly resource: string;
  /** 0 for lists of the workspace; a nested list is one level below the list that fills its parameter. */
  readonly level: number;
  /** The list whose records' `id` fills `param` (the path's last parameter). */
  readonly parent?: { readonly operationId: string; readonly param: string };
  readonly children: readonly string[];
  /** Path parameters other than `workspaceId`, in path order. */
  readonly params: readonly string[];
  readonly pageSize: number;
  readonly maxPages: number;
  readonly query: Readonly<Record<string, string>>;
  /** Where a page's records sit in the body (`['expenses', 'expenses']`); empty when the body is the list. */
  readonly itemsPath: readonly string[];
  readonly scopes: readonly string[];
}

export interface ExcludedOperation {
  readonly operationId: string;
  readonly path: string;
  readonly reason: string;
}

/** What a bootstrap reads, derived from the OpenAPI index (DESIGN.md "Bootstrap plan"): a DAG of paginated lists. */
export interface BootstrapPlan {
  /** Parents before children (by level, then path). */
  readonly operations: readonly PlannedOperation[];
  readonly excluded: readonly ExcludedOperation[];
  /** Options naming operations the document lacks or that are no workspace lists. */
  readonly problems: readonly string[];
}

const WORKSPACE_LIST = /^\/v1\/workspaces\/\{workspaceId\}\//;
const DEFAULTS = { pageSize: 50, maxPageSize: 1000, maxPages: 1000 };

/** Builds the plan: candidates, their own checks, parents (recursively), then `include` with the ancestors it needs. */
export function buildBootstrapPlan(openapi: Pick<OpenApi, 'index' | 'bundled'>, options: BootstrapPlanOptions): BootstrapPlan {
  const candidates = openapi.index.operations.filter((op) => op.method === 'GET' && op.paginated && WORKSPACE_LIST.test(op.path));
  const reasons = new Map<string, string>();
  const shapes = new Map<string, readonly string[]>();
  for (const operation of candidates) {
    const shape = listShapeOf(operation, openapi.bundled);
    const reason = ownReason(operation, options) ?? (shape ? undefined : 'its response holds no list of records');
    if (reason) reasons.set(operation.operationId, reason);
    else shapes.set(operation.operationId, shape?.path ?? []);
  }
  const parents = resolveParents(candidates, reasons, options);
  const wanted = wantedOperations(candidates, reasons, parents, options.include);
  const planned = candidates.filter((op) => wanted.has(op.operationId));
  const resources = resourceNames(planned);
  const operations = planned.map((operation) => {
    const parent = parents.get(operation.operationId);
    const settings = options.operations?.[operation.operationId] ?? {};
    return {
      operationId: operation.operationId,
      path: operation.path,
      resource: resources.get(operation.operationId) as string,
      level: levelOf(operation.operationId, parents),
      ...(parent ? { parent } : {}),
      children: planned
        .filter((child) => parents.get(child.operationId)?.operationId === operation.operationId)
        .map((child) => child.operationId),
      params: ownPathParams(operation),
      pageSize: pageSizeOf(operation, settings, options),
      maxPages: settings.maxPages ?? options.maxPages ?? DEFAULTS.maxPages,
      query: queryFor(operation, settings.query, options.window).values,
      itemsPath: shapes.get(operation.operationId) ?? [],
      scopes: operation.scopes,
    } satisfies PlannedOperation;
  });
  operations.sort((a, b) => a.level - b.level || a.path.localeCompare(b.path));
  const excluded = candidates
    .filter((op) => !wanted.has(op.operationId))
    .map((op) => ({ operationId: op.operationId, path: op.path, reason: reasons.get(op.operationId) ?? 'not listed in include' }));
  return { operations, excluded, problems: problemsOf(openapi, candidates, options) };
}

/** Why an operation cannot be read, judging it alone: deprecated, excluded, a scope missing, a query value missing. */
function ownReason(operation: ApiOperation, options: BootstrapPlanOptions): string | undefined {
  if (operation.deprecated) return 'deprecated';
  if (options.exclude?.includes(operation.operationId)) return 'listed in exclude';
  const missing = operation.scopes.filter((scope) => !options.scopes.includes(scope));
  if (missing.length) return `the manifest lacks the scope ${missing.join(', ')}`;
  const { missing: unset } = queryFor(operation, options.operations?.[operation.operationId]?.query, options.window);
  if (unset.length) return `required query parameter ${unset.join(', ')} has no value: set operations.${operation.operationId}.query`;
  return undefined;
}

type Parents = Map<string, { operationId: string; param: string }>;

/** Fills `parents` for every nested list whose parent chain is readable; records a reason for the others. */
function resolveParents(candidates: readonly ApiOperation[], reasons: Map<string, string>, options: BootstrapPlanOptions): Parents {
  const parents: Parents = new Map();
  const byId = new Map(candidates.map((op) => [op.operationId, op]));
  // A readable list is preferred (`/time-off/policies` over the deprecated `/policies`); the others only explain a refusal.
  const readable = candidates.filter((op) => !reasons.has(op.operationId));
  const visit = (operation: ApiOperation, seen: ReadonlySet<string>): boolean => {
    const id = operation.operationId;
    if (reasons.has(id)) return false;
    const param = ownPathParams(operation).at(-1);
    if (param === undefined || parents.has(id)) return true;
    const named = options.operations?.[id]?.parent;
    const parent = named ? byId.get(named) : (findParentList(operation, readable) ?? findParentList(operation, candidates));
    const fail = (reason: string): false => {
      reasons.set(id, reason);
      return false;
    };
    if (!parent) return fail(named ? `its parent ${named} is not a paginated workspace list` : `no list provides {${param}}`);
    if (seen.has(parent.operationId)) return fail(`its parents form a cycle through ${parent.operationId}`);
    if (!visit(parent, new Set([...seen, id]))) {
      return fail(`its parent list ${parent.operationId} (for {${param}}) is left out: ${reasons.get(parent.operationId)}`);
    }
    parents.set(id, { operationId: parent.operationId, param });
    return true;
  };
  for (const operation of candidates) visit(operation, new Set());
  return parents;
}

/** Every readable list, or those of `include` with the ancestors their parameters come from. */
function wantedOperations(
  candidates: readonly ApiOperation[],
  reasons: ReadonlyMap<string, string>,
  parents: Parents,
  include?: readonly string[],
) {
  const readable = candidates.map((op) => op.operationId).filter((id) => !reasons.has(id));
  if (!include?.length) return new Set(readable);
  const wanted = new Set<string>();
  for (const id of readable.filter((candidate) => include.includes(candidate))) {
    wanted.add(id);
    for (let parent = parents.get(id); parent; parent = parents.get(parent.operationId)) wanted.add(parent.operationId);
  }
  return wanted;
}

function levelOf(id: string, parents: Parents): number {
  let level = 0;
  for (let parent = parents.get(id); parent; parent = parents.get(parent.operationId)) level += 1;
  return level;
}

function pageSizeOf(operation: ApiOperation, settings: PlanOperationOptions, options: BootstrapPlanOptions): number {
  const declared = operation.pageSize?.maximum;
  const size =
    settings.pageSize ??
    (declared ? Math.min(declared, options.maxPageSize ?? DEFAULTS.maxPageSize) : (options.pageSize ?? DEFAULTS.pageSize));
  // A size above the declared maximum is a 400 from Clockify: the document's limit wins over the options.
  return Math.max(1, declared ? Math.min(size, declared) : size);
}

/** `projects/tasks` for `/v1/workspaces/{workspaceId}/projects/{projectId}/tasks`; the operationId when two lists collide. */
function resourceNames(operations: readonly ApiOperation[]): Map<string, string> {
  const keyOf = (op: ApiOperation) => staticSegments(op.path.replace(WORKSPACE_LIST, '')).join('/');
  const counts = new Map<string, number>();
  for (const op of operations) counts.set(keyOf(op), (counts.get(keyOf(op)) ?? 0) + 1);
  return new Map(operations.map((op) => [op.operationId, counts.get(keyOf(op)) === 1 ? keyOf(op) : op.operationId]));
}
