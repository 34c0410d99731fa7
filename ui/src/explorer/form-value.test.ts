// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { callToForm, formToCall, JsonText } from './form-value.js';
import { CREATE_PROJECT, CREATE_TAG, GET_TAGS, LISTING } from './test-fixtures.js';
import { validateForm } from './validate-form.js';

const { components } = LISTING;

describe('formToCall', () => {
  it('sends only the values set, typed, and never the workspace', () => {
    const built = formToCall(GET_TAGS, {
      params: { path: { workspaceId: 'other' }, query: { 'page-size': 5, archived: true, ids: ['a', 'b'] } },
    });
    expect(built).toEqual({
      params: { path: {}, query: { 'page-size': 5, archived: true, ids: ['a', 'b'] }, header: {} },
      body: undefined,
      errors: [],
    });
  });

  it('parses raw JSON boxes and reports one that does not parse at its place', () => {
    const built = formToCall(CREATE_PROJECT, {
      body: { name: 'Apollo', customFields: [{ customFieldId: 'c1', value: new JsonText('{"a":') }] },
    });
    expect(built.errors).toEqual([{ pointer: '/body/customFields/0/value', message: expect.stringContaining('is not valid JSON') }]);
    expect(formToCall(CREATE_PROJECT, { body: new JsonText('{"name":"Apollo"}') }).body).toEqual({ name: 'Apollo' });
  });

  it('sends an empty body only when the operation requires one', () => {
    expect(formToCall(CREATE_TAG, { body: {} }).body).toEqual({});
    expect(formToCall({ ...CREATE_TAG, requestBody: { ...CREATE_TAG.requestBody!, required: false } }, { body: {} }).body).toBeUndefined();
  });
});

describe('callToForm', () => {
  it('types stored parameter strings by their schemas and finds headers by any case', () => {
    const form = callToForm(
      GET_TAGS,
      components,
      {
        path: { workspaceId: 'ws1' },
        query: { 'page-size': '5', archived: 'true', ids: 'a', name: '12' },
        header: { 'x-request-tag': 'abc' },
      },
      undefined,
    );
    expect(form.params).toEqual({
      path: {},
      query: { 'page-size': 5, archived: true, ids: ['a'], name: '12' },
      header: { 'X-Request-Tag': 'abc' },
    });
  });

  it('keeps a parameter that does not read as its type as text, so the validator can say so', () => {
    expect(callToForm(GET_TAGS, components, { query: { page: 'x' } }, undefined).params?.query).toEqual({ page: 'x' });
  });

  it('puts a body that fits the schema into the form, raw JSON where the form draws none', () => {
    const form = callToForm(CREATE_PROJECT, components, {}, { name: 'Apollo', customFields: [{ customFieldId: 'c1', value: { a: 1 } }] });
    expect(form.body).toEqual({ name: 'Apollo', customFields: [{ customFieldId: 'c1', value: new JsonText('{\n  "a": 1\n}') }] });
  });

  it('keeps a body with values the form has no fields for as raw JSON', () => {
    const form = callToForm(CREATE_PROJECT, components, {}, { name: 'Apollo', unknown: 1 });
    expect(form.body).toBeInstanceOf(JsonText);
    expect(JSON.parse((form.body as JsonText).text)).toEqual({ name: 'Apollo', unknown: 1 });
  });
});

describe('validateForm', () => {
  it('finds a bad parameter and a required body field at the server pointers', () => {
    const checked = validateForm(GET_TAGS, components, { params: { query: { 'page-size': -1, page: 'x' } } });
    expect(checked.errors).toEqual([
      { pointer: '/params/query/page', message: 'must be integer' },
      { pointer: '/params/query/page-size', message: 'must be >= 1' },
    ]);
    expect(validateForm(CREATE_TAG, components, {}).errors).toEqual([{ pointer: '/body', message: 'is required' }]);
    expect(validateForm(CREATE_TAG, components, { body: {} }).errors).toEqual([{ pointer: '/body/name', message: 'is required' }]);
  });

  it('reports a required parameter left empty, but not the workspace the server fills', () => {
    const operation = { ...GET_TAGS, parameters: GET_TAGS.parameters.map((parameter) => ({ ...parameter, required: true })) };
    const pointers = validateForm(operation, components, {}).errors.map((error) => error.pointer);
    expect(pointers).toContain('/params/query/page-size');
    expect(pointers).not.toContain('/params/path/workspaceId');
  });

  it('says only that broken JSON is broken, not what its absence implies', () => {
    const checked = validateForm(CREATE_TAG, components, { body: new JsonText('{') });
    expect(checked.errors).toEqual([{ pointer: '/body', message: expect.stringContaining('is not valid JSON') }]);
  });
});
