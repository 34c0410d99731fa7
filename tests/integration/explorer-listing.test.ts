import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointListing, ListedOperation } from '../../plugins/explorer/list-endpoints.js';
import { type ExplorerTest, startExplorerTest } from '../helpers/explorer-addon.js';

const OFFICIAL_OPENAPI = fileURLToPath(new URL('../../../shared/clockify/openapi.json', import.meta.url));
const BASE = '/ui/api-explorer';

function operations(listing: EndpointListing): Map<string, ListedOperation> {
  return new Map(listing.groups.flatMap((group) => group.operations.map((operation) => [operation.operationId, operation])));
}

/** Every `$ref` of the listing points at something in its `components`. */
function expectRefsResolve(listing: EndpointListing): void {
  const refs = JSON.stringify(listing.groups).match(/"\$ref":"[^"]+"/g) ?? [];
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of new Set(refs)) {
    const [, kind, name] = /#\/components\/([^/]+)\/([^"]+)/.exec(ref) ?? [];
    expect(listing.components[kind ?? '']?.[name ?? ''], ref).toBeDefined();
  }
}

describe('the endpoint listing of our openapi.json', () => {
  let test: ExplorerTest;
  let listing: EndpointListing;

  beforeAll(async () => {
    test = await startExplorerTest({ scopes: ['PROJECT_READ', 'TAG_READ'] });
    const answer = await test.call<EndpointListing>('GET', `${BASE}/endpoints`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('private, max-age=300');
    listing = answer.json;
  });
  afterAll(() => test?.close());

  it('lists all 50 operations grouped by tag, with their parameters, bodies and scopes', () => {
    expect(listing.document).toMatchObject({ operations: 50 });
    expect(listing.groups.reduce((sum, group) => sum + group.operations.length, 0)).toBe(50);
    expect(listing.groups.map((group) => group.tag)).toContain('Projects');
    const getProjects = operations(listing).get('getProjects');
    expect(getProjects).toMatchObject({
      method: 'GET',
      path: '/v1/workspaces/{workspaceId}/projects',
      readOnly: true,
      scopes: ['PROJECT_READ'],
      scopesSource: 'document',
      allowed: true,
      requestBody: null,
    });
    expect(getProjects?.parameters).toContainEqual(expect.objectContaining({ in: 'query', name: 'page-size', required: false }));
    expect(getProjects?.parameters).toContainEqual(expect.objectContaining({ in: 'path', name: 'workspaceId', required: true }));
    const createClient = operations(listing).get('createClient');
    expect(createClient).toMatchObject({ readOnly: false, requestBody: { contentType: 'application/json', required: true } });
    expectRefsResolve(listing);
  });

  it('flags operations whose scopes the manifest lacks instead of hiding them', () => {
    expect(operations(listing).get('getClients')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('CLIENT_READ'),
    });
    expect(operations(listing).get('createNewTag')).toMatchObject({ allowed: false, reason: expect.stringContaining('TAG_WRITE') });
    expect(listing.grantedScopes).toEqual(['PROJECT_READ', 'TAG_READ']);
  });

  it('refuses to run an operation whose declared scope the manifest lacks, before sending it', async () => {
    const before = test.simulator.requests.length;
    const answer = await test.call('POST', `${BASE}/execute`, { body: { operationId: 'getClients' } });
    expect(answer).toMatchObject({ status: 403, json: { error: { code: 'SCOPE_MISSING' } } });
    expect(test.simulator.requests.length).toBe(before);
  });

  it('asks for a user token', async () => {
    const answer = await fetch(`${test.addon.url}${BASE}/endpoints`);
    expect(answer.status).toBe(401);
  });
});

describe("the endpoint listing and calls of Clockify's official document", () => {
  let test: ExplorerTest;
  let listing: EndpointListing;

  beforeAll(async () => {
    test = await startExplorerTest({ openapiPath: OFFICIAL_OPENAPI, explorer: { openapi: OFFICIAL_OPENAPI } });
    listing = (await test.call<EndpointListing>('GET', `${BASE}/endpoints`)).json;
  });
  afterAll(() => test?.close());

  it('lists every operation the document holds (170; the issue text says 279) under its 28 tags', () => {
    expect(listing.document).toMatchObject({ title: 'Clockify API', operations: 170 });
    expect(listing.groups).toHaveLength(28);
    expect(listing.groups.reduce((sum, group) => sum + group.operations.length, 0)).toBe(170);
    expectRefsResolve(listing);
  });

  it('guesses the scopes the document does not declare from tags, and flags what the manifest lacks', () => {
    const listed = operations(listing);
    expect(listed.get('getProjects')).toMatchObject({ scopes: ['PROJECT_READ'], scopesSource: 'inferred', allowed: true });
    expect(listed.get('createNewProject')).toMatchObject({
      scopes: ['PROJECT_WRITE'],
      allowed: false,
      reason: expect.stringContaining('likely needs: PROJECT_WRITE'),
    });
    expect(listed.get('generateDetailedReport')).toMatchObject({ scopes: ['REPORTS_READ'], readOnly: false });
    expect(listed.get('findPtoPoliciesForWorkspace')).toMatchObject({ scopes: ['TIME_OFF_READ'] });
  });

  it('runs its operations through the simulator serving the same document', async () => {
    const tags = await test.call('POST', `${BASE}/execute`, { body: { operationId: 'getTags', params: { query: { 'page-size': 2 } } } });
    expect(tags.json).toMatchObject({ operationId: 'getTags', status: 200 });
    // A guessed scope only flags: Clockify decides, so the call goes out.
    const clients = await test.call('POST', `${BASE}/execute`, { body: { operationId: 'getClients' } });
    expect(clients.json).toMatchObject({ operationId: 'getClients', status: 200 });
    expect(test.simulator.requests.at(-1)).toMatchObject({ operationId: 'getClients' });
  });

  it('sends report and time-off operations to the services the user token names', async () => {
    const token = await test.token({ reportsUrl: 'https://reports.api.clockify.me', ptoUrl: 'https://pto.api.clockify.me' });
    const report = await test.call('POST', `${BASE}/execute`, {
      body: { operationId: 'generateSharedReportV1', params: { path: { id: 'abc' } }, dryRun: true },
      token,
    });
    expect(report.json).toMatchObject({
      request: { url: expect.stringMatching(/^https:\/\/reports\.api\.clockify\.me\/v1\/shared-reports\/abc/) },
    });
    const policies = await test.call('POST', `${BASE}/execute`, {
      body: { operationId: 'findPtoPoliciesForWorkspace', dryRun: true },
      token,
    });
    expect(policies.json).toMatchObject({
      request: { url: `https://pto.api.clockify.me/v1/workspaces/${test.simulator.workspaceId}/policies` },
    });
  });
});
