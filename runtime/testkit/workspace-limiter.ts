export interface WorkspaceLimiter {
  /**
   * Counts a request that reaches Clockify's limiter at `atMs` (ms since the epoch; now by default); false when its
   * workspace is over the limit in that second.
   */
  take(workspaceId: string, atMs?: number): boolean;
  setLimit(perSecond: number): void;
}

/**
 * Clockify allows an add-on 50 requests per second per workspace (PLATFORM.md §6.4). Modelled as a fixed one-second
 * window per workspace: it opens with the workspace's first request and allows `perSecond` requests until it closes;
 * refused requests count too, as they do for a server that has already received them. A request is counted at the
 * moment it reaches the limiter, which the caller gives: its arrival plus the injected network latency, not the moment
 * this process gets round to it (a busy simulator would otherwise bunch requests that arrived well spaced).
 */
export function createWorkspaceLimiter(perSecond: number): WorkspaceLimiter {
  let limit = perSecond;
  const windows = new Map<string, { opened: number; count: number }>();
  return {
    take(workspaceId, atMs = Date.now()) {
      const window = windows.get(workspaceId);
      if (!window || atMs >= window.opened + 1000) {
        windows.set(workspaceId, { opened: atMs, count: 1 });
        return limit >= 1;
      }
      window.count += 1;
      return window.count <= limit;
    },
    setLimit(next) {
      limit = next;
      windows.clear();
    },
  };
}
