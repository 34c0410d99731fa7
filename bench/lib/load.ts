import autocannon, { type Request } from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fresh body per request (unique deliveries), or none. */
  body?: () => string;
  connections?: number;
  durationSeconds?: number;
}

/**
 * autocannon from this process against a server in another, as fast as the server answers: throughput and latency
 * percentiles under that load. A steady rate is `paced-load.ts`'s job (autocannon's own rate option sends bursts).
 */
export async function load({
  url,
  method = 'POST',
  headers = {},
  body,
  connections = 50,
  durationSeconds = 10,
}: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method,
    headers,
    connections,
    duration: durationSeconds,
    requests: [{ method, ...(body ? { setupRequest: (request: Request) => ({ ...request, body: body() }) } : {}) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
  };
}
