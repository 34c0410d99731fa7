import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../runtime/index.js';
import { createOpenApiService } from '../../runtime/openapi/index.js';
import { validateOptions } from '../../runtime/plugin/validate-options.js';
import type { BootstrapOptions } from './options.js';
import { bootstrapOptionsSchema } from './options.js';
import { createPlanSource } from './plan-source.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function planSource({ failFirstLoad = false } = {}) {
  const documents = createOpenApiService({ defaultPath: 'openapi.json', baseDir: root });
  let loads = 0;
  const counted = {
    load(path?: string) {
      loads += 1;
      if (failFirstLoad && loads === 1) return Promise.reject(new Error('disk unavailable'));
      return documents.load(path);
    },
  };
  const options = validateOptions(bootstrapOptionsSchema, {}, { file: 'test', plugin: 'bootstrap', path: 'plugins[0].options' });
  const source = createPlanSource({
    config: { openapi: 'openapi.json', baseDir: root },
    documents: counted,
    options: options as unknown as BootstrapOptions,
    manifest: () => ({ scopes: ['TIME_ENTRY_READ', 'PROJECT_READ', 'USER_READ'] }) as never,
    log: createLogger({ level: 'silent' }),
  });
  return { source, loads: () => loads };
}

describe('the bootstrap plan source', () => {
  it('builds the plan once per day: jobs created together share it', async () => {
    const { source, loads } = planSource();
    const morning = await source.plan(new Date('2026-03-01T08:00:00Z'));
    const evening = await source.plan(new Date('2026-03-01T20:00:00Z'));
    expect(evening).toBe(morning);
    expect(loads()).toBe(1);
    expect(morning.operations.map((operation) => operation.operationId)).toContain('getTimeEntries');
  });

  it('builds a new plan when the day, and so the window, changes', async () => {
    const { source } = planSource();
    const first = await source.plan(new Date('2026-03-01T23:59:00Z'));
    const next = await source.plan(new Date('2026-03-02T00:01:00Z'));
    expect(next).not.toBe(first);
    expect(next.window.start > first.window.start).toBe(true);
  });

  it('does not keep a failed load: the next call tries again', async () => {
    const { source, loads } = planSource({ failFirstLoad: true });
    await expect(source.plan()).rejects.toThrow('disk unavailable');
    const plan = await source.plan();
    expect(plan.operations.length).toBeGreaterThan(0);
    expect(loads()).toBe(2);
  });
});
