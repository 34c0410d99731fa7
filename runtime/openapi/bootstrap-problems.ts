import type { BootstrapPlanOptions } from './bootstrap-plan.js';
import type { ApiOperation, OpenApi } from './types.js';

/** Options that name operations the document lacks (with the closest operationId), or that are no workspace lists. */
export function problemsOf(openapi: Pick<OpenApi, 'index'>, candidates: readonly ApiOperation[], options: BootstrapPlanOptions): string[] {
  const lists = new Set(candidates.map((op) => op.operationId));
  const named: [string, readonly string[]][] = [
    ['include', options.include ?? []],
    ['exclude', options.exclude ?? []],
    ['operations', Object.keys(options.operations ?? {})],
    ['a parent', Object.values(options.operations ?? {}).flatMap((settings) => (settings.parent ? [settings.parent] : []))],
  ];
  const problems: string[] = [];
  for (const [where, ids] of named) {
    for (const id of ids) {
      if (lists.has(id)) continue;
      if (!openapi.index.get(id)) problems.push(`${where}: ${errorText(() => openapi.index.require(id))}`);
      else problems.push(`${where} names "${id}", which is not a paginated GET list of a workspace`);
    }
  }
  return problems;
}

function errorText(work: () => unknown): string {
  try {
    work();
    return '';
  } catch (error) {
    return (error as Error).message;
  }
}
