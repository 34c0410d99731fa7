import { Counter, Histogram, type Registry } from 'prom-client';

export interface ExplorerMetrics {
  /** A call that went out (or a dry run): its operation and Clockify's status, or how it failed (`timeout`…). */
  call(operation: string, status: string, seconds: number): void;
  /** A request refused before anything was sent, by error code (INVALID_REQUEST, ADMIN_REQUIRED, RATE_LIMITED…). */
  rejected(operation: string, code: string): void;
}

/**
 * `addon_explorer_calls_total{operation,status}`, `addon_explorer_call_duration_seconds{operation}` and
 * `addon_explorer_rejections_total{operation,code}`. `operation` is an operationId of the document or `unknown`,
 * so the series stay as few as the document's operations.
 */
export function createExplorerMetrics({ registry, prefix }: { registry: Registry; prefix: string }): ExplorerMetrics {
  const registers = [registry];
  const calls = new Counter({
    name: `${prefix}calls_total`,
    help: 'Explorer executions by operation and outcome (Clockify status, dry_run, or the failure)',
    labelNames: ['operation', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: `${prefix}call_duration_seconds`,
    help: 'Explorer execution duration, retries and rate-governor waits included',
    labelNames: ['operation'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const rejections = new Counter({
    name: `${prefix}rejections_total`,
    help: 'Explorer requests refused before sending, by operation and error code',
    labelNames: ['operation', 'code'] as const,
    registers,
  });
  return {
    call(operation, status, seconds) {
      calls.inc({ operation, status });
      duration.observe({ operation }, seconds);
    },
    rejected: (operation, code) => rejections.inc({ operation, code }),
  };
}
