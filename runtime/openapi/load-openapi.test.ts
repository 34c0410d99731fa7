import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sampleDocument } from '../../tests/fixtures/openapi/sample-document.js';
import { AddonError } from '../errors/index.js';
import { loadOpenApi, parseOpenApi } from './load-openapi.js';

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'openapi-test-'));
}

async function loadError(work: Promise<unknown>): Promise<AddonError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AddonError)) throw new Error(`expected an AddonError, got ${String(error)}`);
  return error;
}

describe('loadOpenApi', () => {
  it('loads a JSON document relative to a base folder', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(sampleDocument()));
    const api = await loadOpenApi('./openapi.json', { baseDir: dir });
    expect(api.file).toBe(join(dir, 'openapi.json'));
    expect(api.index.get('getProjects')?.paginated).toBe(true);
  });

  it('loads YAML and resolves external $refs relative to the file into the bundled copy', async () => {
    const dir = folder();
    const doc = sampleDocument();
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    schemas.Task = { $ref: './task.yaml' };
    writeFileSync(join(dir, 'task.yaml'), stringify({ type: 'object', required: ['id'], properties: { id: { type: 'string' } } }));
    writeFileSync(join(dir, 'api.yaml'), stringify(doc));
    const api = await loadOpenApi(join(dir, 'api.yaml'));
    expect(JSON.stringify(api.bundled)).not.toContain('task.yaml');
    expect(api.validators.response('getTasks', [{ status: 'DONE' }]).issues).toEqual([
      { pointer: '/response/0/id', message: 'is required' },
    ]);
  });

  it('keeps a cyclic dereferenced document and a JSON-safe bundled one', async () => {
    const api = await parseOpenApi(sampleDocument(), { file: '/app/openapi.json' });
    expect(() => JSON.stringify(api.document)).toThrow();
    expect(() => JSON.stringify(api.bundled)).not.toThrow();
  });

  it('does not modify the tree it is given', async () => {
    const tree = sampleDocument();
    const before = JSON.stringify(tree);
    await parseOpenApi(tree, { file: '/app/openapi.json' });
    expect(JSON.stringify(tree)).toBe(before);
  });

  it('reports a missing file as OPENAPI_NOT_FOUND with its absolute path', async () => {
    const dir = folder();
    const error = await loadError(loadOpenApi('missing.json', { baseDir: dir }));
    expect(error.code).toBe('OPENAPI_NOT_FOUND');
    expect(error.location.file).toBe(join(dir, 'missing.json'));
  });

  it('reports text that does not parse as OPENAPI_UNREADABLE', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'openapi.json'), '{ "openapi": ');
    const error = await loadError(loadOpenApi(join(dir, 'openapi.json')));
    expect(error.code).toBe('OPENAPI_UNREADABLE');
    expect(error.message).toContain(join(dir, 'openapi.json'));
  });

  it('reports a Swagger 2.0 document as OPENAPI_INVALID', async () => {
    const error = await loadError(
      parseOpenApi({ swagger: '2.0', info: { title: 't', version: '1' }, paths: {} }, { file: '/app/openapi.json' }),
    );
    expect(error.code).toBe('OPENAPI_INVALID');
    expect(error.message).toContain('Swagger 2.0');
  });

  it('reports a document that breaks the OpenAPI schema as OPENAPI_INVALID', async () => {
    const doc = sampleDocument();
    delete doc.info;
    const error = await loadError(parseOpenApi(doc, { file: '/app/openapi.json' }));
    expect(error.code).toBe('OPENAPI_INVALID');
    expect(error.location.file).toBe('/app/openapi.json');
  });
});
