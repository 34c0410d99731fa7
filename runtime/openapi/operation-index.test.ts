import { beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument } from '../../tests/fixtures/openapi/sample-document.js';
import { thrownAddonError } from '../../tests/helpers/thrown.js';
import { AddonError } from '../errors/index.js';
import { parseOpenApi } from './load-openapi.js';
import type { OpenApi } from './types.js';

const file = '/app/openapi.json';
let api: OpenApi;

beforeAll(async () => {
  api = await parseOpenApi(sampleDocument(), { file });
});

function operation(operationId: string) {
  const found = api.index.get(operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

describe('operation index', () => {
  it('indexes every operation of every path', () => {
    expect(api.index.operations).toHaveLength(10);
  });

  it('describes a paginated list with merged parameters, scopes and page-size limits', () => {
    const list = operation('getProjects');
    expect(list).toMatchObject({
      method: 'GET',
      path: '/v1/workspaces/{workspaceId}/projects',
      pointer: '/paths/~1v1~1workspaces~1{workspaceId}~1projects/get',
      summary: 'List projects',
      tags: ['Projects'],
      scopes: ['PROJECT_READ'],
      paginated: true,
      pageSize: { default: 50, maximum: 5000 },
      readOnly: true,
      deprecated: false,
      servers: [],
    });
    expect(list.parameters.map((parameter) => `${parameter.in}:${parameter.name}:${parameter.required}`)).toEqual([
      'path:workspaceId:true',
      'query:page:false',
      'query:page-size:false',
      'query:archived:false',
      'query:clients:false',
      'header:X-Request-Tag:true',
    ]);
    // A `$ref`'d parameter schema is followed, so its default and bounds are readable directly.
    expect(list.parameters[2]).toMatchObject({ schema: { maximum: 5000 }, pointer: '/components/schemas/PageSize' });
    expect(list.successResponse).toMatchObject({ status: 200, contentType: 'application/json' });
  });

  it('describes a write with its request body and lowest 2xx response', () => {
    const create = operation('createProject');
    expect(create).toMatchObject({ method: 'POST', readOnly: false, paginated: false, scopes: ['PROJECT_WRITE'] });
    expect(create.pageSize).toBeUndefined();
    expect(create.requestBody).toMatchObject({
      required: true,
      contentType: 'application/json',
      pointer: '/components/schemas/ProjectInput',
    });
    expect(create.successResponse).toMatchObject({ status: 201, pointer: '/components/schemas/Project' });
  });

  it('reads a */* response, a string page-size default, a 2XX range and the deprecated flag', () => {
    expect(operation('getTasks')).toMatchObject({ deprecated: true, pageSize: { default: 25, maximum: 200 } });
    expect(operation('getTasks').successResponse?.contentType).toBe('*/*');
    expect(operation('getTree').successResponse).toMatchObject({ status: 200, pointer: '/components/schemas/TreeNode' });
    expect(operation('getTree').scopes).toEqual([]);
  });

  it('names an operation without operationId by method and path, and keeps its path-level server', () => {
    const removal = operation('DELETE /v1/workspaces/{workspaceId}/time-entries/{id}');
    expect(removal).toMatchObject({ readOnly: false, servers: ['https://other.example.com'] });
    expect(removal.successResponse).toEqual({ status: 204 });
  });

  it('rejects an unknown operationId with a suggestion', () => {
    const error = thrownAddonError(() => api.index.require('getProject'));
    expect(error.code).toBe('OPENAPI_UNKNOWN_OPERATION');
    expect(error.message).toContain('did you mean "getProjects"?');
    expect(error.location.file).toBe(file);
    expect(api.index.require('getProjects').operationId).toBe('getProjects');
  });

  it('rejects a document that uses one operationId twice', async () => {
    const doc = sampleDocument();
    const paths = doc.paths as Record<string, Record<string, { operationId?: string }>>;
    const users = paths['/v1/workspaces/{workspaceId}/users/info']?.get;
    if (users) users.operationId = 'getProjects';
    const error = await parseOpenApi(doc, { file }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AddonError);
    expect((error as AddonError).code).toBe('OPENAPI_INVALID');
  });
});

describe('path matching', () => {
  it('matches a concrete path to its template and decodes the parameters', () => {
    const found = api.index.match('GET', '/v1/workspaces/ws%201/projects/p1/tasks');
    expect(found?.operation.operationId).toBe('getTasks');
    expect(found?.params).toEqual({ workspaceId: 'ws 1', projectId: 'p1' });
  });

  it('matches the template itself, in any method case, ignoring query string and trailing slash', () => {
    expect(api.index.match('get', '/v1/workspaces/{workspaceId}/projects')).toMatchObject({ params: {} });
    expect(api.index.match('post', '/v1/workspaces/abc/projects/?x=1')?.operation.operationId).toBe('createProject');
  });

  it('prefers a literal segment over a parameter at the same place', () => {
    expect(api.index.match('GET', '/v1/workspaces/abc/users/info')?.operation.operationId).toBe('getUserInfo');
    expect(api.index.match('GET', '/v1/workspaces/abc/users/u1')).toMatchObject({ params: { workspaceId: 'abc', userId: 'u1' } });
  });

  it('matches a segment that mixes a parameter with literal text', () => {
    expect(api.index.match('GET', '/v1/workspaces/abc/files/report.json')).toMatchObject({
      params: { workspaceId: 'abc', name: 'report' },
    });
    expect(api.index.match('GET', '/v1/workspaces/abc/files/report.txt')).toBeUndefined();
  });

  it('finds nothing for an unknown path, an empty segment or another method', () => {
    expect(api.index.match('GET', '/v1/workspaces/abc/nothing')).toBeUndefined();
    expect(api.index.match('GET', '/v1/workspaces//projects')).toBeUndefined();
    expect(api.index.match('PUT', '/v1/workspaces/abc/projects')).toBeUndefined();
  });
});
