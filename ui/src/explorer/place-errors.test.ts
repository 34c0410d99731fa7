// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { placeErrors } from './place-errors.js';

const FIELDS = new Set([
  '/params/query/page-size',
  '/params/header/X-Request-Tag',
  '/body',
  '/body/name',
  '/body/customFields',
  '/body/customFields/0',
]);

describe('placeErrors', () => {
  it('puts a server error on the field at its pointer', () => {
    const { byField, unplaced } = placeErrors([{ pointer: '/params/query/page-size', message: 'must be >= 1' }], FIELDS);
    expect(byField.get('/params/query/page-size')).toEqual(['must be >= 1']);
    expect(unplaced).toEqual([]);
  });

  it('matches header names without regard to case', () => {
    const { byField } = placeErrors([{ pointer: '/params/header/x-request-tag', message: 'is required' }], FIELDS);
    expect(byField.get('/params/header/X-Request-Tag')).toEqual(['is required']);
  });

  it('puts an error inside a raw JSON value on the nearest field, naming the rest of the path', () => {
    const { byField } = placeErrors([{ pointer: '/body/customFields/0/value/x', message: 'must be string' }], FIELDS);
    expect(byField.get('/body/customFields/0')).toEqual(['value/x: must be string']);
  });

  it('collects several messages for one field', () => {
    const errors = [
      { pointer: '/body/name', message: 'is required' },
      { pointer: '/body/name', message: 'must be string' },
    ];
    expect(placeErrors(errors, FIELDS).byField.get('/body/name')).toEqual(['is required', 'must be string']);
  });

  it('leaves errors no field shows for the list above the form', () => {
    const errors = [
      { pointer: '/params/query/unknown', message: 'is not a query parameter of getTags' },
      { pointer: '/operationId', message: 'is required' },
      { pointer: '', message: 'must be a JSON object' },
    ];
    const { byField, unplaced } = placeErrors(errors, FIELDS);
    expect(byField.size).toBe(0);
    expect(unplaced).toEqual(errors);
  });
});
