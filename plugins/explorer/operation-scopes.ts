import type { ApiOperation } from '../../runtime/index.js';
import { SCOPES } from '../../runtime/index.js';

/** Where an operation's scopes come from: its `x-scopes`, a guess from its tag and method, or nowhere. */
export type ScopeSource = 'document' | 'inferred' | 'none';

export interface OperationScopes {
  readonly scopes: readonly string[];
  readonly source: ScopeSource;
}

export interface ScopeVerdict {
  readonly allowed: boolean;
  /** Why not, naming the scopes the manifest lacks. */
  readonly reason?: string;
}

// Clockify's official document declares no `x-scopes`; its tags name the resource, and the scope families follow
// the resources (PLATFORM.md §2). More specific patterns come first ("Time entry report" is a report).
const FAMILIES: readonly (readonly [RegExp, string])[] = [
  [/report/i, 'REPORTS'],
  [/time ?off|polic|balance|holiday/i, 'TIME_OFF'],
  [/time ?entr/i, 'TIME_ENTRY'],
  [/user ?group|^groups?\b/i, 'GROUP'],
  [/custom ?field/i, 'CUSTOM_FIELDS'],
  [/approval/i, 'APPROVAL'],
  [/schedul/i, 'SCHEDULING'],
  [/expense/i, 'EXPENSE'],
  [/invoice/i, 'INVOICE'],
  [/client/i, 'CLIENT'],
  [/project/i, 'PROJECT'],
  [/task/i, 'TASK'],
  [/^tags?\b/i, 'TAG'],
  [/^users?\b/i, 'USER'],
  [/^workspaces?\b/i, 'WORKSPACE'],
];

const KNOWN_SCOPES: ReadonlySet<string> = new Set(SCOPES);

/** The scopes an operation likely needs: its `x-scopes` when the document has them, else a guess from its tag. */
export function operationScopes(operation: ApiOperation): OperationScopes {
  if (operation.scopes.length > 0) return { scopes: operation.scopes, source: 'document' };
  const family = operationFamily(operation);
  if (family === undefined) return { scopes: [], source: 'none' };
  const scope = `${family}_${isRead(operation, family) ? 'READ' : 'WRITE'}`;
  return KNOWN_SCOPES.has(scope) ? { scopes: [scope], source: 'inferred' } : { scopes: [], source: 'none' };
}

/** Whether the add-on's manifest grants what an operation needs. */
export function checkScopes(needed: OperationScopes, granted: ReadonlySet<string>): ScopeVerdict {
  const missing = needed.scopes.filter((scope) => !granted.has(scope));
  if (missing.length === 0) return { allowed: true };
  const likely = needed.source === 'inferred' ? 'likely ' : '';
  return {
    allowed: false,
    reason: `the add-on's manifest lacks the scope${missing.length > 1 ? 's' : ''} it ${likely}needs: ${missing.join(', ')}`,
  };
}

/** The scope family of an operation: that of its first tag that names one, if any. */
export function operationFamily(operation: ApiOperation): string | undefined {
  return operation.tags.map(familyOf).find((found) => found !== undefined);
}

/** The scope family (`TIME_OFF`, `REPORTS`…) a tag names, if any. */
function familyOf(tag: string): string | undefined {
  const name = tag.replace(/\(deprecated\)/i, '').trim();
  return FAMILIES.find(([pattern]) => pattern.test(name))?.[1];
}

/** Reports are queried with POST bodies (PLATFORM.md §6.3), so a POST to a report is a read. */
function isRead(operation: ApiOperation, family: string): boolean {
  return operation.readOnly || (family === 'REPORTS' && operation.method === 'POST' && /\/reports\//.test(operation.path));
}
