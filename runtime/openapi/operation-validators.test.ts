import { beforeEach, describe, expect, it } from 'vitest';
import { sampleDocument } from '../../tests/fixtures/openapi/sample-document.js';
import { parseOpenApi } from './load-openapi.js';
import type { OpenApi } from './types.js';

const file = '/app/openapi.json';
const listParams = { path: { workspaceId: 'ws1' }, header: { 'X-Request-Tag': 'abc' } };
let api: OpenApi;

beforeEach(async () => {
  api = await parseOpenApi(sampleDocument(), { file });
});

const project = (extra: Record<string, unknown> = {}) => ({ id: 'p1', name: 'Alpha', ...extra });

describe('lazy compilation', () => {
  it('compiles nothing at load, then one validator per operation and kind on first use, reusing it after', () => {
    expect(api.validators.compiledCount).toBe(0);
    expect(api.validators.isCompiled('getProjects', 'params')).toBe(false);

    api.validators.params('getProjects', listParams);
    expect(api.validators.compiledCount).toBe(1);
    expect(api.validators.isCompiled('getProjects', 'params')).toBe(true);
    expect(api.validators.isCompiled('getProjects', 'response')).toBe(false);

    api.validators.params('getProjects', { ...listParams, query: { page: '3' } });
    expect(api.validators.compiledCount).toBe(1);

    api.validators.precompile('createProject');
    expect(api.validators.compiledCount).toBe(4);
  });

  it('rejects an unknown operationId before compiling anything', () => {
    expect(() => api.validators.body('nope', {})).toThrowError(/OPENAPI_UNKNOWN_OPERATION/);
    expect(api.validators.compiledCount).toBe(0);
  });

  it('reports a schema Ajv cannot compile as OPENAPI_INVALID naming the operation, when first used', async () => {
    const doc = sampleDocument();
    const schemas = (doc.components as { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> }).schemas;
    const name = schemas.ProjectInput?.properties.name;
    if (name) name.pattern = '(';
    const broken = await parseOpenApi(doc, { file });
    expect(() => broken.validators.body('createProject', { name: 'x' })).toThrowError(
      expect.objectContaining({ code: 'OPENAPI_INVALID', message: expect.stringContaining('operation "createProject" does not compile') }),
    );
  });
});

describe('parameters', () => {
  it('coerces query strings to the declared types and fills defaults, leaving the input untouched', () => {
    const query = { page: '2', archived: 'true', clients: 'c1' };
    const result = api.validators.params('getProjects', { ...listParams, query });
    expect(result.valid).toBe(true);
    expect(result.value.query).toEqual({ page: 2, 'page-size': 50, archived: true, clients: ['c1'] });
    expect(result.value.header).toEqual({ 'x-request-tag': 'abc' });
    expect(query).toEqual({ page: '2', archived: 'true', clients: 'c1' });
  });

  it('unwraps a one-item array for a scalar parameter and keeps repeated values for an array one', () => {
    const result = api.validators.params('getProjects', { ...listParams, query: { page: ['4'], clients: ['a', 'b'] } });
    expect(result.value.query).toMatchObject({ page: 4, clients: ['a', 'b'] });
  });

  it('points at each bad parameter by part and name', () => {
    const result = api.validators.params('getProjects', { path: {}, query: { 'page-size': '9000', page: 'x' }, header: {} });
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { pointer: '/path/workspaceId', message: 'is required' },
        { pointer: '/query/page', message: 'must be integer' },
        { pointer: '/query/page-size', message: 'must be <= 5000' },
        { pointer: '/header/x-request-tag', message: 'is required' },
      ]),
    );
  });

  it('treats header names without regard to case', () => {
    const result = api.validators.params('getProjects', { path: { workspaceId: 'ws1' }, header: { 'x-REQUEST-tag': 'ab' } });
    expect(result.issues).toEqual([{ pointer: '/header/x-request-tag', message: 'must NOT have fewer than 3 characters' }]);
  });
});

describe('request bodies', () => {
  it('points at a missing property and at a bound crossed', () => {
    const result = api.validators.body('createProject', { budget: 0 });
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([
      { pointer: '/body/name', message: 'is required' },
      { pointer: '/body/budget', message: 'must be > 0' },
    ]);
  });

  it('requires a body only where the document says so', () => {
    expect(api.validators.body('createProject', undefined).issues).toEqual([{ pointer: '/body', message: 'is required' }]);
    expect(api.validators.body('createPet', undefined).valid).toBe(true);
    expect(api.validators.compiledCount).toBe(0);
  });

  it('does not coerce or default a body', () => {
    const body = { name: 12 };
    expect(api.validators.body('createProject', body).issues).toEqual([{ pointer: '/body/name', message: 'must be string' }]);
    expect(body).toEqual({ name: 12 });
  });

  it('uses a discriminator Ajv supports to report the chosen branch only', () => {
    expect(api.validators.body('createPet', { kind: 'dog', barks: true }).valid).toBe(true);
    expect(api.validators.body('createPet', { kind: 'cat' }).issues).toEqual([{ pointer: '/body/meows', message: 'is required' }]);
    expect(api.validators.body('createPet', { kind: 'bird' }).issues).toEqual([
      { pointer: '/body/kind', message: 'value of tag "kind" must be in oneOf' },
    ]);
  });
});

describe('responses', () => {
  it('accepts null where a schema is nullable: typed, enum, and beside allOf', () => {
    const body = [project({ note: null, status: null, client: null, example: null })];
    expect(api.validators.response('getProjects', body)).toMatchObject({ valid: true, issues: [] });
  });

  it('still rejects null where a schema is not nullable, and values outside a nullable enum', () => {
    const result = api.validators.response('getProjects', [project({ name: null, status: 'LATE' })]);
    expect(result.issues).toEqual([
      { pointer: '/response/0/name', message: 'must be string' },
      { pointer: '/response/0/status', message: 'must be one of: ACTIVE, DONE, null' },
    ]);
  });

  it('treats example, xml and externalDocs as annotations', () => {
    expect(api.validators.response('createProject', project({ hours: 3, createdAt: '2024-01-02T03:04:05Z' })).valid).toBe(true);
  });

  it('checks OpenAPI formats such as int32 and date-time', () => {
    const result = api.validators.response('createProject', project({ hours: 2 ** 40, createdAt: 'yesterday' }));
    expect(result.issues).toEqual([
      { pointer: '/response/hours', message: 'must match format "int32"' },
      { pointer: '/response/createdAt', message: 'must match format "date-time"' },
    ]);
  });

  it('validates a recursive schema down to the nested value at fault', () => {
    const tree = { name: 'root', children: [{ name: 'a', children: [{ children: [] }] }] };
    expect(api.validators.response('getTree', tree).issues).toEqual([
      { pointer: '/response/children/0/children/0/name', message: 'is required' },
    ]);
  });

  it('compiles a discriminator with a mapping by falling back to plain oneOf', () => {
    expect(api.validators.response('listPets', { kind: 'dog' }).valid).toBe(true);
    expect(api.validators.response('listPets', { kind: 'cat' }).valid).toBe(false);
  });

  it('accepts anything for an operation without a response schema', () => {
    expect(api.validators.response('getUserInfo', 'whatever').valid).toBe(true);
    expect(api.validators.isCompiled('getUserInfo', 'response')).toBe(true);
  });
});
