import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenMinter } from '../runtime/testkit/mint-token.js';
import { type LoadResult, load } from './lib/load.js';
import { round, writeReport } from './lib/report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const WORKSPACE = '64b0c0ffee00000000000001';
const ADDON = '64b0c0ffee00000000000002';
const ROUTE = '/webhooks/new-time-entry';

/**
 * Sustained webhook receiving: signed, unique NEW_TIME_ENTRY deliveries to a real `bin/addon.js start` process on
 * SQLite (auth, lifecycle, webhooks and a counting handler, so dispatch runs alongside), installed through its real
 * INSTALLED route. Baseline: a bare Hono server answering POST in the same way, started the same way, under the same
 * load, in the same run. Then the latency of the add-on at a fixed 500 deliveries/s.
 */
export default async function webhooks(): Promise<void> {
  const bare = await startServer(['bench/lib/bare-hono.js'], {});
  const bareTarget = { url: `${bare.url}/`, body: () => '{}', headers: { 'content-type': 'application/json' } };
  const bareResult = await load(bareTarget);
  const barePaced = await load({ ...bareTarget, overallRate: 500, connections: 20 });
  await bare.stop();

  const minter = await createTokenMinter({ addonKey: 'bench-webhooks', workspaceId: WORKSPACE, addonId: ADDON });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-webhooks-'));
  // BENCH_CPU_PROF=<folder> writes the add-on's CPU profile there (open it in Chrome's DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const addon = await startServer([...profile, 'bin/addon.js', 'start', '--config', writeConfig(dataDir, minter.publicKeyPem)], {
    DATA_DIR: dataDir,
  });
  try {
    const signature = await minter.webhookToken();
    await install(addon.url, minter, signature);
    let sequence = 0;
    const delivery = () => {
      sequence += 1;
      return JSON.stringify(timeEntry(sequence));
    };
    const headers = {
      'content-type': 'application/json',
      'clockify-signature': signature,
      'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
    };
    const url = `${addon.url}${ROUTE}`;
    await load({ url, headers, body: delivery, durationSeconds: 2 }); // warm-up
    const sustained = await load({ url, headers, body: delivery });
    // The latency at 500/s is a steady state: measured once the inbox has worked off the overload above.
    if (!process.env.BENCH_PAUSE_DISPATCH) await waitForHandled(addon.url, sequence);
    const before = await requestDurations(addon.url);
    const paced = await load({ url, headers, body: delivery, overallRate: 500, connections: 20 });
    const serverP99Ms = percentileBound(before, await requestDurations(addon.url), 0.99);
    const handled = process.env.BENCH_PAUSE_DISPATCH ? 0 : await waitForHandled(addon.url, sequence);
    report(bareResult, barePaced, sustained, paced, { delivered: sequence, handled, serverP99Ms });
  } finally {
    await addon.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(
  bare: LoadResult,
  barePaced: LoadResult,
  sustained: LoadResult,
  paced: LoadResult,
  counts: { delivered: number; handled: number; serverP99Ms: number },
) {
  const ratio = sustained.requestsPerSecond / bare.requestsPerSecond;
  writeReport({
    name: 'webhooks',
    baseline: {
      what: 'bare Hono POST, 50 connections, 10 s',
      perSecond: round(bare.requestsPerSecond, 0),
      p50Ms: bare.p50Ms,
      p99Ms: bare.p99Ms,
      at500PerSecondP50Ms: barePaced.p50Ms,
      at500PerSecondP99Ms: barePaced.p99Ms,
    },
    result: {
      acceptedPerSecond: round(sustained.requestsPerSecond, 0),
      p50Ms: sustained.p50Ms,
      p99Ms: sustained.p99Ms,
      non2xx: sustained.non2xx + paced.non2xx,
      errors: sustained.errors + paced.errors,
      at500PerSecondP50Ms: paced.p50Ms,
      at500PerSecondP99Ms: paced.p99Ms,
      at500PerSecondServerP99AtMostMs: counts.serverP99Ms,
      delivered: counts.delivered,
      handled: counts.handled,
    },
    ratios: { acceptedVsBareHono: round(ratio) },
    goals: {
      throughput: { target: '≥ 0.5× bare Hono (0.4× at the least)', met: ratio >= 0.5 },
      latencyAt500: { target: 'p99 < 10 ms at 500 deliveries/s', met: paced.p99Ms < 10 },
      nothingRefused: { target: 'every delivery answered 2xx', met: sustained.non2xx + paced.non2xx === 0 },
      everyDeliveryHandled: { target: 'the handler ran once per unique delivery', met: counts.handled === counts.delivered },
    },
  });
}

function writeConfig(dataDir: string, publicKeyPem: string): string {
  const file = join(dataDir, 'addon.config.yaml');
  const config = {
    key: 'bench-webhooks',
    name: 'Webhook bench',
    baseUrl: 'http://127.0.0.1:8080',
    scopes: ['TIME_ENTRY_READ'],
    log: { level: 'warn' },
    auth: { publicKeys: [publicKeyPem] },
    plugins: [
      // As in production: its request-duration histogram also gives the latency the add-on itself measured.
      'metrics',
      // The inbound per-workspace limit protects a real add-on; here one workspace is the whole load.
      { use: 'auth', options: { rateLimit: { perWorkspacePerSecond: 1_000_000 } } },
      { use: 'lifecycle', options: { subscriptionCheck: { enabled: false } } },
      // BENCH_PAUSE_DISPATCH=1 measures receiving alone (the handler never runs; `handled` stays 0).
      { use: 'webhooks', options: process.env.BENCH_PAUSE_DISPATCH ? { dispatch: { startDelayMs: 3_600_000 } } : {} },
      { use: join(root, 'bench/lib/webhook-sink-plugin.ts') },
    ],
  };
  writeFileSync(file, JSON.stringify(config)); // JSON is YAML
  return file;
}

async function install(url: string, minter: Awaited<ReturnType<typeof createTokenMinter>>, signature: string): Promise<void> {
  const body = {
    addonId: ADDON,
    workspaceId: WORKSPACE,
    authToken: await minter.installationToken(),
    asUser: '64b0c0ffee00000000000003',
    apiUrl: 'https://api.clockify.me/api',
    addonUserId: '64b0c0ffee00000000000004',
    webhooks: [{ path: ROUTE, webhookType: 'ADDON', authToken: signature }],
  };
  const response = await fetch(`${url}/lifecycle/installed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-addon-lifecycle-token': await minter.lifecycleToken() },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`INSTALLED answered ${response.status}: ${await response.text()}`);
}

function timeEntry(sequence: number) {
  const start = new Date(Date.UTC(2026, 0, 1) + sequence * 60_000).toISOString();
  return {
    id: `bench${String(sequence).padStart(19, '0')}`,
    description: `entry ${sequence}`,
    userId: '64b0c0ffee00000000000003',
    workspaceId: WORKSPACE,
    billable: false,
    tagIds: [],
    timeInterval: { start, end: start, duration: 'PT0S' },
  };
}

/** Cumulative counts of the webhook route's 200s per latency bucket (upper bound in ms), from the metrics plugin. */
async function requestDurations(url: string): Promise<Map<number, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = new Map<number, number>();
  const pattern = /^addon_http_request_duration_seconds_bucket\{([^}]*)\} (\d+)$/gm;
  for (const [, labels = '', count = '0'] of text.matchAll(pattern)) {
    if (!labels.includes(`route="${ROUTE}"`) || !labels.includes('status="200"')) continue;
    const bound = /le="([^"]+)"/.exec(labels)?.[1] ?? '+Inf';
    buckets.set(bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound) * 1000, Number(count));
  }
  return buckets;
}

/** The smallest bucket bound holding `rank` of the requests answered between the two scrapes. */
function percentileBound(before: Map<number, number>, after: Map<number, number>, rank: number): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const counts = bounds.map((bound) => (after.get(bound) ?? 0) - (before.get(bound) ?? 0));
  const total = counts.at(-1) ?? 0;
  const index = counts.findIndex((count) => count >= rank * total);
  return bounds[index] ?? Number.POSITIVE_INFINITY;
}

async function waitForHandled(url: string, expected: number): Promise<number> {
  const deadline = Date.now() + 120_000;
  let handled = 0;
  while (Date.now() < deadline) {
    handled = ((await (await fetch(`${url}/bench/handled`)).json()) as { handled: number }).handled;
    if (handled >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return handled;
}

async function startServer(args: string[], env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
