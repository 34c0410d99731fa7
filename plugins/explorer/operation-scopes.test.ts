import { describe, expect, it } from 'vitest';
import type { ApiOperation } from '../../runtime/index.js';
import { checkScopes, operationScopes } from './operation-scopes.js';

function operation(overrides: Partial<ApiOperation>): ApiOperation {
  return {
    operationId: 'op',
    method: 'GET',
    path: '/v1/workspaces/{workspaceId}/things',
    pointer: '',
    tags: [],
    parameters: [],
    scopes: [],
    paginated: false,
    readOnly: true,
    deprecated: false,
    servers: [],
    ...overrides,
  };
}

describe('operationScopes', () => {
  it('takes the scopes the document declares', () => {
    expect(operationScopes(operation({ scopes: ['TAG_READ'], tags: ['Projects'] }))).toEqual({ scopes: ['TAG_READ'], source: 'document' });
  });

  it.each([
    [['Time entry'], 'GET', '/x', 'TIME_ENTRY_READ'],
    [['Time Entry Report'], 'POST', '/v1/workspaces/{workspaceId}/reports/detailed', 'REPORTS_READ'],
    [['Shared Report'], 'POST', '/v1/workspaces/{workspaceId}/shared-reports', 'REPORTS_WRITE'],
    [['Policy (Deprecated)'], 'POST', '/x', 'TIME_OFF_WRITE'],
    [['Holiday'], 'GET', '/x', 'TIME_OFF_READ'],
    [['Group'], 'PUT', '/x', 'GROUP_WRITE'],
    [['User groups'], 'GET', '/x', 'GROUP_READ'],
    [['User'], 'GET', '/x', 'USER_READ'],
    [['Custom fields'], 'GET', '/x', 'CUSTOM_FIELDS_READ'],
    [['Tag'], 'DELETE', '/x', 'TAG_WRITE'],
  ] as const)('guesses %s %s as %s', (tags, method, path, scope) => {
    const guessed = operationScopes(operation({ tags: [...tags], method, path, readOnly: method === 'GET' }));
    expect(guessed).toEqual({ scopes: [scope], source: 'inferred' });
  });

  it('guesses nothing for tags that name no scope family', () => {
    expect(operationScopes(operation({ tags: ['Webhooks'] }))).toEqual({ scopes: [], source: 'none' });
    expect(operationScopes(operation({ tags: ['Entity changes (Experimental)'] }))).toEqual({ scopes: [], source: 'none' });
  });
});

describe('checkScopes', () => {
  it('allows what the manifest grants and names what it lacks', () => {
    expect(checkScopes({ scopes: ['TAG_READ'], source: 'document' }, new Set(['TAG_READ']))).toEqual({ allowed: true });
    expect(checkScopes({ scopes: ['TAG_READ', 'USER_READ'], source: 'document' }, new Set())).toEqual({
      allowed: false,
      reason: "the add-on's manifest lacks the scopes it needs: TAG_READ, USER_READ",
    });
    expect(checkScopes({ scopes: ['TAG_WRITE'], source: 'inferred' }, new Set()).reason).toContain('likely needs: TAG_WRITE');
  });
});
