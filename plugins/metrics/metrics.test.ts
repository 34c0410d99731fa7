import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { startTestAddon } from '../../tests/helpers/start-addon.js';

const scrape = async (url: string) => (await fetch(`${url}/metrics`)).text();

describe('the metrics plugin', () => {
  it("serves the process's metrics and the add-on's own, those of plugins set up after it included", async () => {
    const test = await startTestAddon({ config: { plugins: ['metrics', 'auth', 'lifecycle', 'webhooks'] } });
    try {
      await fetch(`${test.url}/health`);
      const text = await scrape(test.url);
      expect(text).toMatch(/^addon_process_cpu_user_seconds_total \d/m);
      expect(text).toMatch(/^addon_nodejs_eventloop_lag_seconds /m);
      expect(text).toMatch(/^addon_http_requests_total\{method="GET",route="\/health",status="200"\} 1$/m);
      expect(text).toContain('# TYPE addon_webhooks_receipts_total counter');
    } finally {
      await test.close();
    }
  });

  it('serves the process metrics from every add-on of one process, and none with defaultMetrics off', async () => {
    const first = await startTestAddon({ config: { plugins: ['metrics'] } });
    const second = await startTestAddon({ config: { plugins: [{ use: 'metrics', options: { defaultMetrics: false } }] } });
    try {
      expect(await scrape(first.url)).toMatch(/^addon_process_resident_memory_bytes \d/m);
      const without = await scrape(second.url);
      expect(without).not.toContain('addon_process_');
      expect(without).toContain('# TYPE addon_http_requests_total counter');
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it("lets a closed add-on's metrics be garbage-collected (process metrics used to keep every registry alive)", async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // In a function of its own, so no frame of this test keeps the add-on reachable.
    const startScrapeAndClose = async () => {
      const test = await startTestAddon({ config: { plugins: ['metrics', 'auth', 'lifecycle', 'webhooks'] } });
      await scrape(test.url);
      const registry = new WeakRef(test.addon.registry);
      await test.close();
      return registry;
    };
    const registry = await startScrapeAndClose();
    for (let attempt = 0; attempt < 10 && registry.deref() !== undefined; attempt++) {
      // A WeakRef's target stays alive until the current job ends: let one end between collections.
      await new Promise((resolve) => setTimeout(resolve, 20));
      gc();
    }
    expect(registry.deref()).toBeUndefined();
  });
});
