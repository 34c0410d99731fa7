import { collectDefaultMetrics, Registry } from 'prom-client';

let processRegistry: Registry | undefined;

/**
 * The Node.js process metrics (CPU, memory, event loop, GC), collected once per process into a registry of their own
 * and served by every add-on the process runs. prom-client's collector cannot be stopped: its GC observer stays
 * registered with Node for good, and through the registry it collected into it would keep each closed add-on alive
 * (every metric, and what their scrape-time callbacks reach: the store, the ORM), about 0.7 MiB per add-on that a
 * test suite starts and closes.
 */
export function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: 'addon_' });
  }
  return processRegistry;
}
