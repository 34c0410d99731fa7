import { routePath } from 'hono/route';
import { Counter, Histogram, Registry } from 'prom-client';
import { definePlugin } from '../../runtime/index.js';
import { processMetrics } from './process-metrics.js';

interface MetricsOptions {
  path: string;
  defaultMetrics: boolean;
}

/** Serves the kernel's Prometheus registry, with process metrics and HTTP request counts and latency by route. */
export default definePlugin<MetricsOptions>({
  name: 'metrics',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      path: { type: 'string', pattern: '^/', default: '/metrics' },
      defaultMetrics: { type: 'boolean', default: true, description: 'Node.js process metrics (CPU, memory, event loop, GC).' },
    },
  },
  setup(ctx) {
    const { registry } = ctx.metrics;
    const requests = new Counter({
      name: 'addon_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
    const duration = new Histogram({
      name: 'addon_http_request_duration_seconds',
      help: 'HTTP request latency, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });

    ctx.observe(function httpMetrics(c, durationMs) {
      // The matched pattern of the handler that answered, not the raw path, keeps label cardinality bounded;
      // unmatched requests share one label.
      const pattern = routePath(c);
      const labels = { method: c.req.method, route: pattern === '/*' ? '(unmatched)' : pattern, status: String(c.res.status) };
      requests.inc(labels);
      duration.observe(labels, durationMs / 1000);
    });

    // The add-on's own metrics, and with `defaultMetrics` the process's, shared by every add-on of the process.
    // Merged at each scrape: plugins set up later, or at ready, register theirs after this one.
    const processRegistry = ctx.options.defaultMetrics ? processMetrics() : undefined;
    const served = () => (processRegistry ? Registry.merge([processRegistry, registry]) : registry);
    ctx.route(
      'GET',
      ctx.options.path,
      async (c) => {
        const scraped = served();
        return c.body(await scraped.metrics(), 200, { 'Content-Type': scraped.contentType });
      },
      { auth: 'none' },
    );
  },
});
