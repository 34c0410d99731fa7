import type { ApiOperation } from '../openapi/index.js';
import { wrapPage } from '../openapi/list-shape.js';
import type { Facts } from './apply-facts.js';
import { factsFromBody } from './body-facts.js';
import type { Collection } from './collection.js';
import type { Dataset } from './dataset.js';
import { isoSeconds } from './facts.js';
import type { OperationPlan, Target } from './operation-plan.js';
import type { Renderer } from './render.js';

export interface ServeInput {
  readonly operation: ApiOperation;
  readonly plan: OperationPlan;
  /** Path parameters, decoded. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** The `user` claim of the caller's token, when it has one. */
  readonly user?: string;
}

export interface ServeResult {
  readonly status: number;
  readonly body?: unknown;
}

// Clockify's support has named 5000 as the page-size ceiling where an operation declares none (PLATFORM.md §6.3).
const MAX_PAGE_SIZE = 5000;

/** Answers one API operation from the data set (or from its schema alone, for operations it does not store). */
export function serveOperation(input: ServeInput, { dataset, renderer }: { dataset: Dataset; renderer: Renderer }): ServeResult {
  const { operation, plan, params } = input;
  const schema = operation.successResponse?.schema;
  const status = operation.successResponse?.status ?? 200;
  const answer = (facts: Facts | undefined): ServeResult =>
    facts ? { status, body: schema ? renderer.record(facts, schema) : undefined } : notFound(operation);
  switch (plan.kind) {
    case 'list': {
      const list = collectionOf(dataset, plan.target, params);
      return { status, body: pageOf(input, list, plan, renderer) };
    }
    case 'single':
      return answer(locate(dataset, plan.target, input, plan.idParam)?.record);
    case 'create': {
      const list = plan.target === 'time-entries' ? timeEntriesOf(dataset, input) : collectionOf(dataset, plan.target, params);
      const facts = {
        ...defaultsFor(dataset, input),
        ...factsFromBody(input.body),
        ...pick(params, Object.keys(params)),
        id: dataset.newId(),
      };
      return answer(list.add(facts));
    }
    case 'update': {
      const found = locate(dataset, plan.target, input, plan.idParam);
      return answer(found?.list.update(found.record.id as string, factsFromBody(input.body, found.record)));
    }
    case 'delete': {
      const found = locate(dataset, plan.target, input, plan.idParam);
      return answer(found?.list.remove(found.record.id as string));
    }
    case 'stop-timer':
      return answer(stopTimer(timeEntriesOf(dataset, input), input.body));
    default:
      return { status, body: schema ? renderer.record(generatedFacts(dataset, plan.key, input), schema) : undefined };
  }
}

function pageOf(input: ServeInput, list: Collection, plan: Extract<OperationPlan, { kind: 'list' }>, renderer: Renderer): unknown {
  const { operation, query } = input;
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '', 10) || 1);
  const fallback = operation.paginated ? (operation.pageSize?.default ?? 50) : MAX_PAGE_SIZE;
  const requested = Number.parseInt(query.get('page-size') ?? '', 10) || fallback;
  const size = Math.min(Math.max(1, requested), operation.pageSize?.maximum ?? MAX_PAGE_SIZE);
  const offset = operation.paginated ? (page - 1) * size : 0;
  const items = list.page(offset, size).map((facts) => renderer.record(facts, plan.shape.itemSchema));
  const wrapper = plan.shape.path.length
    ? renderer.value(operation.successResponse?.schema, `${operation.operationId}/wrapper`)
    : undefined;
  return wrapPage(plan.shape, wrapper, items, list.length);
}

function locate(dataset: Dataset, target: Target, input: ServeInput, idParam: string): { list: Collection; record: Facts } | undefined {
  const id = input.params[idParam] ?? '';
  if (target !== 'time-entries') {
    const list = collectionOf(dataset, target, input.params);
    const record = list.find(id);
    return record && { list, record };
  }
  for (const userId of allUserIds(dataset)) {
    const list = dataset.collection('user/time-entries', { userId });
    const record = list.find(id);
    if (record) return { list, record };
  }
  return undefined;
}

function allUserIds(dataset: Dataset): string[] {
  const users = dataset.collection('users');
  return users.page(0, users.length).map((user) => user.id as string);
}

/** The caller's own time entries (POST /time-entries), or those of the user in the path. */
function timeEntriesOf(dataset: Dataset, input: ServeInput): Collection {
  return dataset.collection('user/time-entries', { userId: input.params.userId ?? input.user ?? dataset.ownerId });
}

function defaultsFor(dataset: Dataset, input: ServeInput): Facts {
  return { workspaceId: dataset.workspaceId, userId: input.params.userId ?? input.user ?? dataset.ownerId, archived: false };
}

/** PATCH …/user/{userId}/time-entries stops the user's running timer: the entry without an end. */
function stopTimer(list: Collection, body: unknown): Facts | undefined {
  const running = list.page(0, list.length).find((entry) => (entry.timeInterval as { end?: unknown } | undefined)?.end === null);
  if (!running) return undefined;
  const end = (body as { end?: unknown } | null)?.end;
  return list.update(running.id as string, factsFromBody({ end: typeof end === 'string' ? end : isoSeconds(Date.now()) }, running));
}

/** An operation outside the stored lists: its path parameters, the workspace, and the caller for `/v1/user`. */
function generatedFacts(dataset: Dataset, key: string, input: ServeInput): Facts {
  if (key === '') return dataset.collection('workspaces').page(0, 1)[0] ?? { id: dataset.workspaceId };
  if (key === 'user') return dataset.collection('users').find(input.user ?? dataset.ownerId) ?? { id: input.user };
  const values = Object.values(input.params);
  return { ...input.params, workspaceId: dataset.workspaceId, id: values[values.length - 1] };
}

/** The list a target names, for the path parameters of a request (or of a parent record, when warming lists). */
export function collectionOf(
  dataset: Dataset,
  target: { readonly key: string; readonly params: readonly string[] },
  params: Readonly<Record<string, string>>,
): Collection {
  return dataset.collection(target.key, pick(params, target.params));
}

function pick(params: Readonly<Record<string, string>>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.filter((name) => name !== 'workspaceId' && params[name] !== undefined).map((name) => [name, params[name] as string]),
  );
}

function notFound(operation: ApiOperation): ServeResult {
  return { status: 404, body: { message: `no such record for ${operation.operationId}`, code: 404 } };
}
