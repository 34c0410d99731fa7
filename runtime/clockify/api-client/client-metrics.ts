import { Counter, Histogram, type Registry } from 'prom-client';

/** What the client reports; one instance per registry, shared by every client. */
export interface ClockifyMetrics {
  /** A finished call: its operation, its final status (or `timeout`, `unreachable`, `refused`, `aborted`…), its duration. */
  call(operation: string, status: string, seconds: number): void;
  /** A retry about to happen, and why (`429`, `503`, `timeout`, `connect`, `network`…). */
  retry(operation: string, reason: string): void;
  /** A 429 received (every attempt counts). */
  rateLimited(operation: string): void;
  /** Time an attempt waited for the workspace's rate governor. */
  governorWait(seconds: number): void;
}

/**
 * `addon_clockify_requests_total{operation,status}`, `addon_clockify_request_duration_seconds{operation}`,
 * `addon_clockify_retries_total{operation,reason}`, `addon_clockify_rate_limited_total{operation}` and
 * `addon_clockify_governor_wait_seconds`, registered on `registry` (reused when already there).
 */
export function createClockifyMetrics(registry: Registry, prefix = 'addon_clockify_'): ClockifyMetrics {
  const requests = existing<Counter<'operation' | 'status'>>(registry, `${prefix}requests_total`, (name) => {
    return new Counter({
      name,
      help: 'Clockify API calls by operation and final status',
      labelNames: ['operation', 'status'],
      registers: [registry],
    });
  });
  const duration = existing<Histogram<'operation'>>(registry, `${prefix}request_duration_seconds`, (name) => {
    return new Histogram({
      name,
      help: 'Clockify API call duration, retries and rate-governor waits included',
      labelNames: ['operation'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    });
  });
  const retries = existing<Counter<'operation' | 'reason'>>(registry, `${prefix}retries_total`, (name) => {
    return new Counter({
      name,
      help: 'Clockify API attempts repeated, by reason',
      labelNames: ['operation', 'reason'],
      registers: [registry],
    });
  });
  const limited = existing<Counter<'operation'>>(registry, `${prefix}rate_limited_total`, (name) => {
    return new Counter({ name, help: 'HTTP 429 answers received from the Clockify API', labelNames: ['operation'], registers: [registry] });
  });
  const waits = existing<Histogram>(registry, `${prefix}governor_wait_seconds`, (name) => {
    return new Histogram({
      name,
      help: 'Time an attempt waited for its workspace rate limit',
      buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
      registers: [registry],
    });
  });
  return {
    call(operation, status, seconds) {
      requests.inc({ operation, status });
      duration.observe({ operation }, seconds);
    },
    retry: (operation, reason) => retries.inc({ operation, reason }),
    rateLimited: (operation) => limited.inc({ operation }),
    governorWait: (seconds) => waits.observe(seconds),
  };
}

function existing<M>(registry: Registry, name: string, create: (name: string) => M): M {
  return (registry.getSingleMetric(name) as M | undefined) ?? create(name);
}
