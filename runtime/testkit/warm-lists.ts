import { buildBootstrapPlan } from '../openapi/bootstrap-plan.js';
import type { OpenApi } from '../openapi/index.js';
import type { Dataset } from './dataset.js';
import type { OperationPlan } from './operation-plan.js';
import type { Renderer } from './render.js';
import { collectionOf } from './serve-operation.js';

/**
 * Renders every record of every list a bootstrap would read, parents first (each project's tasks need the projects),
 * and returns how many. A benchmark calls it before it measures: Clockify's data exists before an add-on is
 * installed, and generating it is the simulator's work, not the add-on's, on a machine they share.
 */
export function warmLists(
  openapi: Pick<OpenApi, 'index' | 'bundled'>,
  { plans, dataset, renderer }: { plans: ReadonlyMap<string, OperationPlan>; dataset: Dataset; renderer: Renderer },
): number {
  const scopes = [...new Set(openapi.index.operations.flatMap((operation) => operation.scopes))];
  const window = { start: '2000-01-01T00:00:00Z', end: '2100-01-01T00:00:00Z' };
  // The path parameters of every list of each operation read so far, with the ids its records give its children.
  const lists = new Map<string, { params: Record<string, string>; ids: string[] }[]>();
  let rendered = 0;
  for (const operation of buildBootstrapPlan(openapi, { scopes, window }).operations) {
    const plan = plans.get(operation.operationId);
    if (plan?.kind !== 'list') continue;
    const parent = operation.parent;
    const paramSets = parent
      ? (lists.get(parent.operationId) ?? []).flatMap(({ params, ids }) => ids.map((id) => ({ ...params, [parent.param]: id })))
      : [{}];
    const read = paramSets.map((params) => {
      const list = collectionOf(dataset, plan.target, params);
      const records = list.page(0, list.length);
      for (const facts of records) renderer.record(facts, plan.shape.itemSchema);
      rendered += records.length;
      return { params, ids: records.map((facts) => String(facts.id)) };
    });
    lists.set(operation.operationId, read);
  }
  return rendered;
}
