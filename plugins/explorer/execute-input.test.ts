import { describe, expect, it } from 'vitest';
import { isHttpError } from '../../runtime/index.js';
import { parseExecuteInput } from './execute-input.js';

function errorsOf(raw: unknown): unknown {
  try {
    parseExecuteInput(raw);
  } catch (error) {
    if (isHttpError(error)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected the input to be refused');
}

describe('parseExecuteInput', () => {
  it('turns JSON scalars into the strings HTTP carries and drops nulls', () => {
    const input = parseExecuteInput({
      operationId: 'getProjects',
      params: { path: { id: 7 }, query: { archived: false, 'page-size': 5, tags: ['a', 1], name: null }, header: {} },
      body: null,
    });
    expect(input).toEqual({
      operationId: 'getProjects',
      method: undefined,
      path: undefined,
      params: { path: { id: '7' }, query: { archived: 'false', 'page-size': '5', tags: ['a', '1'] }, header: {} },
      body: undefined,
      confirm: false,
      dryRun: false,
    });
  });

  it('lists every shape problem with its pointer', () => {
    expect(errorsOf({ operationId: '', params: { path: { id: [1] }, cookie: {} }, dryRun: 1 })).toEqual({
      code: 'INVALID_REQUEST',
      details: {
        errors: [
          { pointer: '/operationId', message: 'must be a non-empty string' },
          { pointer: '/params/cookie', message: 'is not allowed' },
          { pointer: '/params/path/id', message: 'must be a string, number or boolean' },
          { pointer: '/dryRun', message: 'must be true or false' },
        ],
      },
    });
  });

  it('needs an operationId, or a method and a path', () => {
    expect(errorsOf({ method: 'GET' })).toMatchObject({ details: { errors: [{ pointer: '/operationId' }] } });
    expect(parseExecuteInput({ method: 'GET', path: '/v1/x' })).toMatchObject({ method: 'GET', path: '/v1/x' });
    expect(errorsOf([])).toMatchObject({ details: { errors: [{ pointer: '', message: 'must be a JSON object' }] } });
  });

  it('escapes parameter names in pointers', () => {
    expect(errorsOf({ operationId: 'x', params: { query: { 'a/b~c': {} } } })).toMatchObject({
      details: { errors: [{ pointer: '/params/query/a~1b~0c' }] },
    });
  });
});
