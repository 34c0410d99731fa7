import { describe, expect, it } from 'vitest';
import type { ApiOperation } from '../../runtime/index.js';
import { createClockifyClient, createHostAllowlist, createMemoryGovernor } from '../../runtime/index.js';
import { toOutboundRequest } from './outbound-request.js';

const client = createClockifyClient({
  apiUrl: 'https://api.clockify.me/api',
  token: 'not-used',
  workspaceId: 'ws-1',
  allowlist: createHostAllowlist(),
  governor: createMemoryGovernor(),
});

const operation = { operationId: 'getProject', path: '/v1/workspaces/{workspaceId}/projects/{projectId}' } as ApiOperation;

describe('toOutboundRequest', () => {
  it('fills the template with each value percent-encoded as one segment, and builds the URL as the client sends it', () => {
    const params = {
      path: { workspaceId: 'w 1', projectId: '%2e%2e' },
      query: { hydrated: 'true', 'contains-name': ['a b', 'c'] },
      header: {},
    };
    const request = toOutboundRequest(client, operation, 'GET', params, undefined);
    expect(request.path).toBe('/v1/workspaces/w%201/projects/%252e%252e');
    expect(request.url).toBe(
      'https://api.clockify.me/api/v1/workspaces/w%201/projects/%252e%252e?hydrated=true&contains-name=a+b&contains-name=c',
    );
  });
});
