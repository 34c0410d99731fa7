// Shared by the explorer's unit tests: a listing shaped like `GET /ui/api-explorer/endpoints` answers for our
// openapi.json, and a fetch that answers the explorer's routes as plugins/explorer/README.md documents them.
import type { CallDetail, EndpointListing, ListedOperation, Preset } from './types.js';

const WORKSPACE = { in: 'path', name: 'workspaceId', required: true, description: 'The workspace.', schema: { type: 'string' } } as const;
const PAGE = { in: 'query', name: 'page', required: false, schema: { type: 'integer', format: 'int32', default: 1 } } as const;
const PAGE_SIZE = {
  in: 'query',
  name: 'page-size',
  required: false,
  description: 'Items per page.',
  schema: { type: 'integer', format: 'int32', minimum: 1, default: 50 },
} as const;

function operation(overrides: Partial<ListedOperation> & Pick<ListedOperation, 'operationId' | 'method' | 'path'>): ListedOperation {
  return {
    deprecated: false,
    readOnly: overrides.method === 'GET',
    parameters: [],
    requestBody: null,
    scopes: [],
    scopesSource: 'document',
    allowed: true,
    ...overrides,
  };
}

export const GET_TAGS = operation({
  operationId: 'getTags',
  method: 'GET',
  path: '/v1/workspaces/{workspaceId}/tags',
  summary: 'List tags',
  parameters: [
    WORKSPACE,
    { in: 'query', name: 'name', required: false, schema: { type: 'string' } },
    { in: 'query', name: 'archived', required: false, schema: { type: 'boolean' } },
    { in: 'query', name: 'sort-order', required: false, schema: { $ref: '#/components/schemas/SortOrder' } },
    { in: 'query', name: 'ids', required: false, schema: { type: 'array', items: { type: 'string' } } },
    { in: 'header', name: 'X-Request-Tag', required: false, schema: { type: 'string', minLength: 3 } },
    PAGE,
    PAGE_SIZE,
  ],
  scopes: ['TAG_READ'],
});

export const GET_PROJECT = operation({
  operationId: 'getProject',
  method: 'GET',
  path: '/v1/workspaces/{workspaceId}/projects/{projectId}',
  summary: 'Find a project by id',
  parameters: [WORKSPACE, { in: 'path', name: 'projectId', required: true, schema: { type: 'string' } }],
});

export const CREATE_PROJECT = operation({
  operationId: 'createNewProject',
  method: 'POST',
  path: '/v1/workspaces/{workspaceId}/projects',
  summary: 'Add a project',
  parameters: [WORKSPACE],
  requestBody: {
    contentType: 'application/json',
    required: true,
    schema: {
      type: 'object',
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 2, maxLength: 250 },
        color: { type: 'string', pattern: '^#(?:[0-9a-fA-F]{6})$' },
        billable: { type: 'boolean' },
        hourlyRate: { $ref: '#/components/schemas/RateInput' },
        tagIds: { type: 'array', items: { type: 'string' } },
        customFields: { type: 'array', items: { $ref: '#/components/schemas/CustomFieldValueInput' } },
        id: { type: 'string', readOnly: true },
      },
    },
  },
  scopes: ['PROJECT_WRITE'],
  allowed: false,
  reason: "the add-on's manifest lacks the scope it needs: PROJECT_WRITE",
});

export const CREATE_TAG = operation({
  operationId: 'createNewTag',
  method: 'POST',
  path: '/v1/workspaces/{workspaceId}/tags',
  summary: 'Add a tag',
  parameters: [WORKSPACE],
  requestBody: {
    contentType: 'application/json',
    required: true,
    schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
  },
  scopes: ['TAG_WRITE'],
});

export const LISTING: EndpointListing = {
  document: { title: 'Clockify API v1 (the part this add-on uses)', version: '1.0.0', operations: 4 },
  grantedScopes: ['TAG_READ', 'TAG_WRITE', 'PROJECT_READ'],
  groups: [
    { tag: 'Projects', operations: [GET_PROJECT, CREATE_PROJECT] },
    { tag: 'Tags', operations: [GET_TAGS, CREATE_TAG] },
  ],
  components: {
    schemas: {
      SortOrder: { type: 'string', enum: ['ASCENDING', 'DESCENDING'] },
      RateInput: {
        type: 'object',
        required: ['amount'],
        properties: { amount: { type: 'integer', minimum: 0 }, currency: { type: 'string' } },
      },
      CustomFieldValueInput: {
        type: 'object',
        required: ['customFieldId'],
        properties: { customFieldId: { type: 'string' }, value: { description: 'The new value, shaped by the field type.' } },
      },
    },
  },
};

export const TAGS = [
  { id: 't1', name: 'remote', archived: false },
  { id: 't2', name: 'billable-later', archived: false },
];

/** Parameter values as the server stores them: HTTP strings. */
function asStrings(params: Partial<CallDetail['params']> | undefined): CallDetail['params'] {
  const part = (values: Record<string, unknown> = {}) =>
    Object.fromEntries(Object.entries(values).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]));
  return { path: part(params?.path), query: part(params?.query), header: part(params?.header) };
}

interface Sent {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

/**
 * A fetch answering the explorer's routes from memory: execute (a 400 with field errors for a page-size of 999, as
 * the server's validator would for a bound the client does not know), dry runs, history with replay, presets.
 */
export function createFakeExplorer() {
  const sent: Sent[] = [];
  const history: CallDetail[] = [];
  const presets: Preset[] = [];
  let nextId = 1;

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fail = (status: number, code: string, message: string, details?: unknown) =>
    json(status, { error: { code, message, requestId: 'req-1', ...(details ? { details } : {}) } });

  const execute = (input: Record<string, unknown>) => {
    const operationId = input.operationId as string;
    const params = (input.params ?? { path: {}, query: {}, header: {} }) as CallDetail['params'];
    if (String(params.query?.['page-size']) === '999') {
      return fail(400, 'INVALID_REQUEST', 'the request is invalid', {
        errors: [
          { pointer: '/params/query/page-size', message: 'must be <= 500' },
          { pointer: '/params/header/x-request-tag', message: 'is not accepted here' },
        ],
      });
    }
    const write = operationId.startsWith('create');
    if (write && input.confirm !== true && input.dryRun !== true) return fail(400, 'CONFIRMATION_REQUIRED', `${operationId} changes data`);
    const path = `/v1/workspaces/ws1/${operationId === 'getTags' || operationId === 'createNewTag' ? 'tags' : 'projects'}`;
    if (input.dryRun === true) {
      return json(200, {
        dryRun: true,
        operationId,
        request: {
          method: write ? 'POST' : 'GET',
          url: `https://api.clockify.me/api${path}`,
          headers: { Accept: 'application/json', ...(input.body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(input.body === undefined ? {} : { body: input.body }),
        },
        note: 'not sent; when sent, the installation token is added server-side as X-Addon-Token',
      });
    }
    const body = write ? { id: 'new1', ...(input.body as object) } : TAGS;
    const id = nextId++;
    const text = JSON.stringify(body);
    history.unshift({
      id,
      userId: 'u1',
      operationId,
      method: write ? 'POST' : 'GET',
      path,
      status: write ? 201 : 200,
      durationMs: 41,
      responseBytes: text.length,
      responseTruncated: false,
      error: null,
      replayable: true,
      createdAt: '2026-01-02T03:04:05.000Z',
      params: asStrings(params),
      requestBody: input.body ?? null,
      responseBody: body,
    });
    return json(200, {
      operationId,
      status: write ? 201 : 200,
      headers: { 'content-type': 'application/json' },
      body,
      durationMs: 41,
      truncated: false,
      sizeBytes: text.length,
      attempts: 1,
      historyId: id,
    });
  };

  const route = (method: string, path: string, body: Record<string, unknown>): Response => {
    const base = '/ui/api-explorer';
    const url = new URL(path, 'http://addon.test');
    const rest = url.pathname.slice(base.length);
    if (method === 'GET' && rest === '/endpoints') return json(200, LISTING);
    if (method === 'POST' && rest === '/execute') return execute(body);
    if (method === 'GET' && rest === '/history')
      return json(200, { calls: history.map(({ params, requestBody, responseBody, ...call }) => call) });
    const call = /^\/history\/(\d+)(\/replay)?$/.exec(rest);
    const stored = call ? history.find((item) => item.id === Number(call[1])) : undefined;
    if (call && !stored) return fail(404, 'CALL_NOT_FOUND', `no call ${call[1]}`);
    if (stored && method === 'GET' && !call?.[2]) return json(200, { call: stored });
    if (stored && method === 'POST' && call?.[2]) {
      return execute({ operationId: stored.operationId, params: stored.params, body: stored.requestBody ?? undefined, ...body });
    }
    if (method === 'GET' && rest === '/presets') return json(200, { presets });
    if (method === 'POST' && rest === '/presets') {
      if (presets.some((preset) => preset.name === body.name)) {
        return fail(409, 'PRESET_NAME_TAKEN', `your workspace already has a preset named "${body.name}"; pick another name`);
      }
      const preset = {
        id: nextId++,
        createdBy: 'u1',
        createdAt: '',
        updatedAt: '',
        ...body,
        params: asStrings(body.params as CallDetail['params']),
      } as Preset;
      presets.push(preset);
      return json(201, { preset });
    }
    const preset = /^\/presets\/(\d+)$/.exec(rest);
    if (preset && method === 'DELETE') {
      presets.splice(
        presets.findIndex((item) => item.id === Number(preset[1])),
        1,
      );
      return json(200, { deleted: Number(preset[1]) });
    }
    return fail(404, 'NOT_FOUND', `${method} ${path}`);
  };

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method, path, body, authorization: new Headers(init?.headers).get('authorization') });
    return route(method, path, body ?? {});
  };

  return { fetch: fetch as typeof globalThis.fetch, sent, history, presets };
}
