import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BootstrapService } from '../../plugins/bootstrap/index.js';
import { type DataSizes, generateKeyPairPem, reservePort } from '../../runtime/testkit/index.js';
import { startLoopDelay } from './loop-delay.js';
import { startSimulatorFleet } from './simulator-fleet.js';

const OPENAPI = fileURLToPath(new URL('../../openapi.json', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The add-on runs as `npm start` runs it: from the transpiled build in dist/ (made first, as prestart does), so no
 * TypeScript loader transpiles the modules it loads on first use while the event loop is measured.
 */
let production: Promise<ProductionBuild> | undefined;
type ProductionBuild = typeof import('../../runtime/index.js') & {
  bootstrapKey: typeof import('../../plugins/bootstrap/index.js').bootstrapKey;
};

/** Built once per bench process, whatever the number of runs. */
function productionBuild(): Promise<ProductionBuild> {
  production ??= (async () => {
    execFileSync(process.execPath, ['bin/build.js'], { cwd: ROOT, stdio: 'inherit' });
    const load = (path: string) => import(pathToFileURL(`${ROOT}dist/${path}`).href);
    const runtime = (await load('runtime/index.js')) as typeof import('../../runtime/index.js');
    const plugin = (await load('plugins/bootstrap/index.js')) as typeof import('../../plugins/bootstrap/index.js');
    return { ...runtime, bootstrapKey: plugin.bootstrapKey };
  })();
  return production;
}
const SCOPES = [
  ...['TIME_ENTRY_READ', 'PROJECT_READ', 'USER_READ', 'TASK_READ', 'CLIENT_READ', 'TAG_READ', 'GROUP_READ'],
  ...['EXPENSE_READ', 'INVOICE_READ', 'APPROVAL_READ', 'TIME_OFF_READ', 'SCHEDULING_READ'],
];

export interface BootstrapRun {
  workspaces: number;
  sizes: DataSizes;
  /** Options of the bootstrap plugin. */
  options: Record<string, unknown>;
  /** The add-on's rate governor (`clockify.rateLimit`). */
  governor: { perSecond: number; burst: number };
  /** Stop measuring (and the run) after this long, finished or not (the short baseline). */
  maxSeconds?: number;
}

export interface RunResult {
  finished: boolean;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Achieved requests per second ÷ (50 per second × workspaces). */
  ofLimit: number;
  records: number;
  recordsPerSecond: number;
  rateLimited429: number;
  peakRssMiB: number;
  eventLoopP99Ms: number;
  eventLoopMaxMs: number;
  pagesInWorkers: number;
  simulatorP50Ms: number;
  simulatorP99Ms: number;
  simulatorCpuSeconds: number;
  addonCpuSeconds: number;
}

const LIMIT = 50;

/**
 * One measured bootstrap: simulators (100 ms ± 30 ms, 50 requests/s per workspace) in a child process, the add-on in
 * this process on a fresh SQLite database, installed in every workspace at once. Requests are counted where they
 * arrive (the simulators); records, RSS and the event-loop delay where they are stored (here).
 */
export async function runBootstrap({ workspaces, sizes, options, governor, maxSeconds = 280 }: BootstrapRun): Promise<RunResult> {
  const { buildConfig, createAddon, createLogger, bootstrapKey } = await productionBuild();
  const keyPair = generateKeyPairPem();
  const fleet = await startSimulatorFleet(workspaces, {
    addonKey: 'bench-addon',
    keyPair,
    sizes,
    latencyMs: 100,
    jitterMs: 30,
    rateLimitPerSecond: LIMIT,
    openapiPath: OPENAPI,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-bootstrap-'));
  const port = await reservePort();
  const config = buildConfig(
    {
      key: 'bench-addon',
      name: 'Bootstrap Bench',
      baseUrl: `http://127.0.0.1:${port}`,
      openapi: OPENAPI,
      scopes: SCOPES,
      server: { port, host: '127.0.0.1' },
      database: { dataDir },
      log: { level: 'error' },
      auth: { publicKeys: [keyPair.publicKeyPem] },
      clockify: { devHosts: ['127.0.0.1:*'], rateLimit: governor },
      plugins: ['auth', { use: 'lifecycle', options: { subscriptionCheck: { enabled: false } } }, { use: 'bootstrap', options }],
    },
    { env: {} },
  );
  const addon = await createAddon({ config, log: createLogger({ level: 'error' }) });
  try {
    await addon.start();
    const service = addon.inject(bootstrapKey);
    // The plan's first build loads the OpenAPI document (~0.3 s on the event loop, once per process): done before measuring.
    await service.plan();
    let peakRss = 0;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 100);
    const delay = startLoopDelay();
    // The simulators' start (seeding, validators) is not part of the run: their CPU is counted from here.
    const simulatorCpuBefore = (await fleet.stats()).cpuMs;
    const started = performance.now();
    const cpu = process.cpuUsage();
    await fleet.install(`http://127.0.0.1:${port}`);
    const finished = await allDone(service, fleet.simulators, started + maxSeconds * 1000);
    const seconds = (performance.now() - started) / 1000;
    const loop = delay.stop();
    clearInterval(sampler);
    let records = 0;
    for (const { workspaceId } of fleet.simulators)
      records += Object.values(await service.records.count(workspaceId)).reduce((a, b) => a + b, 0);
    const { simulators: stats, cpuMs: simulatorCpuMs } = await fleet.stats();
    const addonCpu = process.cpuUsage(cpu);
    const requests = stats.reduce((sum, one) => sum + one.requests, 0);
    const span = (Math.max(...stats.map((one) => one.last)) - Math.min(...stats.map((one) => one.first))) / 1000;
    const requestsPerSecond = requests / span;
    return {
      finished,
      seconds,
      requests,
      requestsPerSecond,
      ofLimit: requestsPerSecond / (LIMIT * workspaces),
      records,
      recordsPerSecond: records / seconds,
      rateLimited429: stats.reduce((sum, one) => sum + one.rateLimited, 0),
      peakRssMiB: peakRss / 2 ** 20,
      eventLoopP99Ms: loop.p99Ms,
      eventLoopMaxMs: loop.maxMs,
      pagesInWorkers: service.fetcher().pagesInWorkers,
      simulatorP50Ms: Math.max(...stats.map((one) => one.durationP50Ms)),
      simulatorP99Ms: Math.max(...stats.map((one) => one.durationP99Ms)),
      simulatorCpuSeconds: (simulatorCpuMs - simulatorCpuBefore) / 1000,
      addonCpuSeconds: (addonCpu.user + addonCpu.system) / 1e6,
    };
  } finally {
    await addon.close();
    await fleet.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Waits until every workspace's newest job has ended; false when `deadline` (performance.now() time) came first.
 * The polling runs on the event loop being measured: while the runner holds jobs it only asks the runner (memory);
 * the database is read, one workspace at a time and only about those not yet seen finished, when it holds none.
 */
async function allDone(service: BootstrapService, simulators: readonly { workspaceId: string }[], deadline: number): Promise<boolean> {
  const open = new Set(simulators.map(({ workspaceId }) => workspaceId));
  while (performance.now() < deadline) {
    if (service.running() > 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    for (const workspaceId of open) {
      const state = (await service.jobs(workspaceId, 1))[0]?.state;
      if (state !== undefined && state !== 'queued' && state !== 'running') open.delete(workspaceId);
    }
    if (open.size === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
