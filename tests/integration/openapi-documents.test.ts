import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import ajvFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiOperation, loadOpenApi, type OpenApi } from '../../runtime/openapi/index.js';
import { prepareForAjv } from '../../runtime/openapi/prepare-schemas.js';

const ours = fileURLToPath(new URL('../../openapi.json', import.meta.url));
// Clockify's published document, kept beside the checkout (DESIGN.md, "OpenAPI"); read here, never copied.
const official = fileURLToPath(new URL('../../../shared/clockify/openapi.json', import.meta.url));
const hasOfficial = existsSync(official);
if (!hasOfficial) console.warn(`Skipping the official-document checks: ${official} is not there.`);

const isWorkspaceList = (operation: ApiOperation) =>
  operation.method === 'GET' && operation.paginated && operation.path.startsWith('/v1/workspaces/{workspaceId}/');
const parameterKeys = (operation: ApiOperation, only: (required: boolean) => boolean = () => true) =>
  operation.parameters.filter((parameter) => only(parameter.required)).map((parameter) => `${parameter.in}:${parameter.name}`);

describe('our openapi.json', () => {
  let api: OpenApi;
  beforeAll(async () => {
    api = await loadOpenApi(ours);
  });

  it('is an OpenAPI 3.0.3 document with the add-on token scheme and the global server', () => {
    expect(api.bundled.openapi).toBe('3.0.3');
    expect(api.bundled.servers).toEqual([expect.objectContaining({ url: 'https://api.clockify.me/api' })]);
    expect(api.bundled.components?.securitySchemes?.AddonToken).toEqual(
      expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Addon-Token' }),
    );
  });

  it('gives every operation an operationId, a summary, a tag and x-scopes from the scope list', () => {
    const scopes =
      /^(CLIENT|PROJECT|TAG|TASK|TIME_ENTRY|EXPENSE|INVOICE|USER|GROUP|WORKSPACE|CUSTOM_FIELDS|APPROVAL|SCHEDULING|REPORTS|TIME_OFF)_(READ|WRITE)$/;
    for (const operation of api.index.operations) {
      expect(operation.operationId, operation.path).not.toContain(' ');
      expect(operation.summary, operation.operationId).toBeTruthy();
      expect(operation.tags, operation.operationId).toHaveLength(1);
      for (const scope of operation.scopes) expect(scope, operation.operationId).toMatch(scopes);
      if (operation.operationId !== 'getAddonWebhooks') expect(operation.scopes.length, operation.operationId).toBeGreaterThan(0);
    }
  });

  it('has the paginated workspace lists, the common writes and the add-on webhook list', () => {
    const ids = new Set(api.index.operations.map((operation) => operation.operationId));
    const expected = ['getClients', 'getProjects', 'getTasks', 'getTags', 'getUsersOfWorkspace', 'getUserGroups', 'getTimeEntries'];
    expected.push('getExpenses', 'getInvoices', 'getApprovalRequests', 'findPoliciesForWorkspace', 'getBalancesForPolicy');
    expected.push('getAllAssignments', 'ofWorkspace', 'getHolidays', 'getWebhooks', 'getAddonWebhooks');
    expected.push('createTimeEntry', 'updateTimeEntry', 'createNewProject', 'updateProject', 'createClient', 'updateClient');
    expected.push('createNewTag', 'updateTag', 'createTask', 'updateTask');
    for (const id of expected) expect(ids.has(id), id).toBe(true);
    expect(api.index.operations.filter(isWorkspaceList)).toHaveLength(23);
  });

  it('compiles every validator, and every schema under strict Ajv rules so a mistyped keyword fails here', () => {
    for (const operation of api.index.operations) api.validators.precompile(operation.operationId);
    expect(api.validators.compiledCount).toBe(api.index.operations.length * 3);

    const strict = new Ajv({ strict: true, allowUnionTypes: true, discriminator: true });
    ajvFormats.default(strict);
    strict.addVocabulary(['example', 'xml', 'externalDocs', 'components']);
    const components = prepareForAjv(api.bundled).components as Record<'schemas' | 'parameters', Record<string, unknown>>;
    strict.addSchema({ $id: 'doc', components });
    const pointers = [
      ...Object.keys(components.schemas).map((name) => `schemas/${name}`),
      ...Object.keys(components.parameters).map((name) => `parameters/${name}/schema`),
    ];
    for (const pointer of pointers) expect(() => strict.getSchema(`doc#/components/${pointer}`), pointer).not.toThrow();
  });
});

describe.skipIf(!hasOfficial)('the official Clockify document', () => {
  let api: OpenApi;
  let loadMs = 0;
  beforeAll(async () => {
    const started = performance.now();
    api = await loadOpenApi(official);
    loadMs = performance.now() - started;
  });

  it('loads, and indexes 109 paths, 170 operations and 23 paginated workspace lists', () => {
    console.info(`official openapi.json loaded and indexed in ${Math.round(loadMs)} ms`);
    expect(Object.keys(api.bundled.paths)).toHaveLength(109);
    expect(api.index.operations).toHaveLength(170);
    expect(api.index.operations.filter((operation) => operation.method === 'GET' && operation.paginated)).toHaveLength(23);
    expect(api.index.operations.filter(isWorkspaceList)).toHaveLength(23);
    expect(api.index.match('GET', '/v1/workspaces/w1/projects/p1/tasks')?.operation.operationId).toBe('getTasks');
  });

  it('compiles the validators of every operation without throwing', () => {
    const started = performance.now();
    for (const operation of api.index.operations) api.validators.precompile(operation.operationId);
    console.info(
      `compiled ${api.validators.compiledCount} validators of the official document in ${Math.round(performance.now() - started)} ms`,
    );
    expect(api.validators.compiledCount).toBe(170 * 3);
  });

  describe('matches our document', () => {
    let mine: OpenApi;
    beforeAll(async () => {
      mine = await loadOpenApi(ours);
    });

    it('in method, path and operationId for each of our operations', () => {
      for (const operation of mine.index.operations) {
        const theirs = api.index.match(operation.method, operation.path)?.operation;
        expect(theirs?.path, `${operation.method} ${operation.path}`).toBe(operation.path);
        expect(theirs?.operationId).toBe(operation.operationId);
      }
    });

    it('in parameter names: ours are a subset of theirs, and include each one they require', () => {
      for (const operation of mine.index.operations) {
        const theirs = api.index.get(operation.operationId);
        if (!theirs) throw new Error(`${operation.operationId} is not in the official document`);
        expect(parameterKeys(theirs), operation.operationId).toEqual(expect.arrayContaining(parameterKeys(operation)));
        expect(parameterKeys(operation), operation.operationId).toEqual(
          expect.arrayContaining(parameterKeys(theirs, (required) => required)),
        );
      }
    });

    it('in covering every paginated workspace list the official document has', () => {
      const ids = new Set(mine.index.operations.map((operation) => operation.operationId));
      const missing = api.index.operations.filter(isWorkspaceList).filter((operation) => !ids.has(operation.operationId));
      expect(missing.map((operation) => operation.operationId)).toEqual([]);
    });
  });
});
