import { describe, expect, it } from 'vitest';
import { fillPath, unsafePathValue } from './path-values.js';

describe('path parameter values', () => {
  it.each(['', '.', '..', '../x', 'a/b', 'a\\b', 'a?b', 'a#b', 'a\nb'])('refuses %j', (value) => {
    expect(unsafePathValue(value)).toBeDefined();
  });

  it.each(['64f1c0ffee0000000000beef', '..a', 'a..', 'a b', '%2e%2e', 'ü'])('accepts %j', (value) => {
    expect(unsafePathValue(value)).toBeUndefined();
  });

  it('fills a template with each value percent-encoded as one segment', () => {
    expect(fillPath('/v1/workspaces/{workspaceId}/projects/{projectId}', { workspaceId: 'w 1', projectId: '%2e%2e' })).toBe(
      '/v1/workspaces/w%201/projects/%252e%252e',
    );
  });
});
