import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenMinter } from '../../runtime/testkit/mint-token.js';
import { type ServerProcess, startServerProcess } from './server-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WORKSPACE = '64b0c0ffee00000000000001';
const ADDON = '64b0c0ffee00000000000002';
export const WEBHOOK_ROUTE = '/webhooks/new-time-entry';

export interface WebhookBenchAddon {
  /** The bare Hono baseline server and the add-on, each in a process of its own. */
  bare: ServerProcess;
  addon: ServerProcess;
  /** The headers of a signed NEW_TIME_ENTRY delivery to the add-on, token included. */
  deliveryHeaders: Record<string, string>;
  /** A new, unique NEW_TIME_ENTRY body per call. */
  nextDelivery(): string;
  /** Deliveries built so far. */
  delivered(): number;
  close(): Promise<void>;
}

export interface WebhookBenchOptions {
  /** The handler never runs (`handled` stays 0): measures receiving alone. */
  pausedDispatch?: boolean;
  /** More plugin files for the add-on (bench-only routes), and more webhook paths to install tokens for. */
  plugins?: string[];
  webhookPaths?: string[];
}

/**
 * A real `bin/addon.js start` process on SQLite (metrics, auth, lifecycle, webhooks and a counting handler),
 * installed through its real INSTALLED route, and beside it the bare Hono baseline, started the same way.
 * BENCH_CPU_PROF=<folder> writes the add-on's CPU profile there (open it in Chrome's DevTools).
 */
export async function startWebhookBench({ pausedDispatch = false, plugins = [], webhookPaths = [] }: WebhookBenchOptions = {}) {
  const minter = await createTokenMinter({ addonKey: 'bench-webhooks', workspaceId: WORKSPACE, addonId: ADDON });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-webhooks-'));
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const config = writeConfig(dataDir, minter.publicKeyPem, pausedDispatch, plugins);
  const bare = await startServerProcess(['bench/lib/bare-hono.js']);
  const addon = await startServerProcess([...profile, 'bin/addon.js', 'start', '--config', config], { DATA_DIR: dataDir });
  const close = async () => {
    await Promise.all([addon.stop(), bare.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const signature = await minter.webhookToken();
    await install(addon.url, minter, signature, [WEBHOOK_ROUTE, ...webhookPaths]);
    let sequence = 0;
    return {
      bare,
      addon,
      deliveryHeaders: {
        'content-type': 'application/json',
        'clockify-signature': signature,
        'clockify-webhook-event-type': 'NEW_TIME_ENTRY',
      },
      nextDelivery() {
        sequence += 1;
        return JSON.stringify(timeEntry(sequence));
      },
      delivered: () => sequence,
      close,
    } satisfies WebhookBenchAddon;
  } catch (error) {
    await close();
    throw error;
  }
}

function writeConfig(dataDir: string, publicKeyPem: string, pausedDispatch: boolean, plugins: string[]): string {
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
      { use: 'webhooks', options: pausedDispatch ? { dispatch: { startDelayMs: 3_600_000 } } : {} },
      { use: join(root, 'bench/lib/webhook-sink-plugin.ts') },
      ...plugins.map((plugin) => ({ use: join(root, plugin) })),
    ],
  };
  writeFileSync(file, JSON.stringify(config)); // JSON is YAML
  return file;
}

async function install(url: string, minter: Awaited<ReturnType<typeof createTokenMinter>>, signature: string, paths: string[]) {
  const body = {
    addonId: ADDON,
    workspaceId: WORKSPACE,
    authToken: await minter.installationToken(),
    asUser: '64b0c0ffee00000000000003',
    apiUrl: 'https://api.clockify.me/api',
    addonUserId: '64b0c0ffee00000000000004',
    webhooks: paths.map((path) => ({ path, webhookType: 'ADDON', authToken: signature })),
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
