import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BootstrapPlan, buildBootstrapPlan } from './bootstrap-plan.js';
import { loadOpenApi } from './load-openapi.js';
import type { OpenApi } from './types.js';

const ours = fileURLToPath(new URL('../../openapi.json', import.meta.url));
const official = fileURLToPath(new URL('../../../shared/clockify/openapi.json', import.meta.url));
const hasOfficial = existsSync(official);
if (!hasOfficial) console.warn(`Skipping the bootstrap plan of the official document: ${official} is not there.`);

const EVERY_SCOPE = [
  ...['TIME_ENTRY_READ', 'PROJECT_READ', 'USER_READ', 'TASK_READ', 'CLIENT_READ', 'TAG_READ', 'GROUP_READ'],
  ...['EXPENSE_READ', 'INVOICE_READ', 'APPROVAL_READ', 'TIME_OFF_READ', 'SCHEDULING_READ'],
];
const WINDOW = { start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' };

/** The nested lists every Clockify document has, with the list that fills their parameter. */
const NESTED = {
  getTasks: { operationId: 'getProjects', param: 'projectId' },
  getTimeEntries: { operationId: 'getUsersOfWorkspace', param: 'userId' },
  getManagersOfUser: { operationId: 'getUsersOfWorkspace', param: 'userId' },
  getBalancesForUser: { operationId: 'getUsersOfWorkspace', param: 'userId' },
  getUserTotalsForSingleUser: { operationId: 'getUsersOfWorkspace', param: 'userId' },
  getBalancesForPolicy: { operationId: 'findPoliciesForWorkspace', param: 'policyId' },
  getPaymentsForInvoice: { operationId: 'getInvoices', param: 'invoiceId' },
};

function operation(plan: BootstrapPlan, id: string) {
  const found = plan.operations.find((candidate) => candidate.operationId === id);
  if (!found) throw new Error(`${id} is not in the plan: ${plan.excluded.find((excluded) => excluded.operationId === id)?.reason}`);
  return found;
}

describe.each([
  { name: 'our document', file: ours, skip: false },
  { name: 'the official document', file: official, skip: !hasOfficial },
])('the bootstrap plan of $name', ({ file, skip }) => {
  let api: OpenApi;
  let plan: BootstrapPlan;
  beforeAll(async () => {
    if (skip) return;
    api = await loadOpenApi(file);
    plan = buildBootstrapPlan(api, { scopes: EVERY_SCOPE, window: WINDOW });
  });

  it.skipIf(skip)('reads every non-deprecated paginated workspace list, nested ones below the list that fills their parameter', () => {
    for (const [id, parent] of Object.entries(NESTED)) {
      expect(operation(plan, id), id).toMatchObject({ parent, level: 1 });
      expect(operation(plan, parent.operationId).children).toContain(id);
    }
    expect(operation(plan, 'getProjects')).toMatchObject({ level: 0, resource: 'projects' });
    expect(operation(plan, 'getTimeEntries').resource).toBe('user/time-entries');
    expect(plan.operations.map((op) => op.level)).toEqual([...plan.operations.map((op) => op.level)].sort());
    expect(plan.excluded.filter((excluded) => excluded.reason === 'deprecated').length).toBeGreaterThan(0);
    expect(plan.operations).toHaveLength(19);
    expect(plan.problems).toEqual([]);
  });

  it.skipIf(skip)('fills required query parameters from the window or their default, and finds each list of records', () => {
    expect(operation(plan, 'getAllAssignments').query).toEqual(WINDOW);
    expect(operation(plan, 'getUserTotalsForSingleUser').query).toEqual(WINDOW);
    expect(operation(plan, 'getUsersOfWorkspace').query).toEqual({ 'include-roles': 'false' });
    expect(operation(plan, 'getExpenses').itemsPath).toEqual(['expenses', 'expenses']);
    expect(operation(plan, 'getBalancesForPolicy').itemsPath).toEqual(['balances']);
    expect(operation(plan, 'getProjects').itemsPath).toEqual([]);
  });

  it.skipIf(skip)('takes the page size from the declared maximum, capped by maxPageSize, else from pageSize', () => {
    const sized = buildBootstrapPlan(api, { scopes: EVERY_SCOPE, window: WINDOW, pageSize: 75, maxPageSize: 500 });
    expect(operation(sized, 'getInProgressTimeEntries').pageSize).toBe(500);
    expect(operation(sized, 'getBalancesForPolicy').pageSize).toBe(200);
    expect(operation(sized, 'getProjects').pageSize).toBe(75);
    const custom = buildBootstrapPlan(api, { scopes: EVERY_SCOPE, window: WINDOW, operations: { getBalancesForUser: { pageSize: 999 } } });
    expect(operation(custom, 'getBalancesForUser').pageSize).toBe(200);
  });

  it.skipIf(skip)('keeps include with the parents it needs and leaves excluded lists out, with their children', () => {
    const included = buildBootstrapPlan(api, { scopes: EVERY_SCOPE, window: WINDOW, include: ['getTimeEntries'] });
    expect(included.operations.map((op) => op.operationId)).toEqual(['getUsersOfWorkspace', 'getTimeEntries']);
    expect(operation(included, 'getUsersOfWorkspace').children).toEqual(['getTimeEntries']);
    const excluded = buildBootstrapPlan(api, { scopes: EVERY_SCOPE, window: WINDOW, exclude: ['getProjects'] });
    expect(excluded.excluded.find((op) => op.operationId === 'getTasks')?.reason).toMatch(/parent list getProjects .* listed in exclude/);
  });

  it.skipIf(skip)('needs required start/end values when no window is given', () => {
    const windowless = buildBootstrapPlan(api, { scopes: EVERY_SCOPE });
    expect(windowless.excluded.find((op) => op.operationId === 'getAllAssignments')?.reason).toMatch(/required query parameter start, end/);
  });

  it.skipIf(skip)('names options that point at operations the document lacks or that are no workspace lists', () => {
    const typo = buildBootstrapPlan(api, { scopes: EVERY_SCOPE, window: WINDOW, exclude: ['getProjets'], include: ['getProject'] });
    expect(typo.problems).toEqual([
      'include names "getProject", which is not a paginated GET list of a workspace',
      expect.stringMatching(/^exclude: OPENAPI_UNKNOWN_OPERATION: .*"getProjets" \(did you mean "getProjects"\?\)/),
    ]);
  });
});

describe('the bootstrap plan and the manifest scopes', () => {
  it('leaves out lists whose x-scopes the manifest lacks, and lists whose parent is left out for that', async () => {
    const plan = buildBootstrapPlan(await loadOpenApi(ours), { scopes: ['TIME_ENTRY_READ', 'PROJECT_READ'], window: WINDOW });
    expect(plan.operations.map((op) => op.operationId).sort()).toEqual(['getInProgressTimeEntries', 'getProjects']);
    expect(plan.excluded.find((op) => op.operationId === 'getTasks')?.reason).toBe('the manifest lacks the scope TASK_READ');
    expect(plan.excluded.find((op) => op.operationId === 'getTimeEntries')?.reason).toMatch(
      /parent list getUsersOfWorkspace \(for \{userId\}\) is left out: the manifest lacks the scope USER_READ/,
    );
  });

  it.skipIf(!hasOfficial)('keeps every list of a document without x-scopes', async () => {
    const plan = buildBootstrapPlan(await loadOpenApi(official), { scopes: [], window: WINDOW });
    expect(plan.operations).toHaveLength(19);
  });
});
