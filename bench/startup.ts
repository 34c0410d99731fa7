import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, round, writeReport } from './lib/report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;

/**
 * Start-up to ready: `node bin/addon.js start` with the default addon.config.yaml (every built-in plugin),
 * from spawn until GET /ready answers 200, on a fresh SQLite database each run (so migrations are included).
 * Baseline: the same spawn of a bare Hono server under the same TypeScript loader, until it answers.
 */
export default async function startup(): Promise<void> {
  const addon: number[] = [];
  const bare: number[] = [];
  await timeToReady('bare'); // warms the loader's transform cache for both
  await timeToReady('addon');
  for (let run = 0; run < RUNS; run++) {
    bare.push(await timeToReady('bare'));
    addon.push(await timeToReady('addon'));
  }
  const result = median(addon);
  const baseline = median(bare);
  writeReport({
    name: 'startup',
    baseline: { what: 'bare Hono server under tsx, spawn → first 200', medianMs: round(baseline) },
    result: { what: 'add-on, all built-in plugins, fresh SQLite, spawn → /ready 200', medianMs: round(result), runs: RUNS },
    ratios: { startupVsBareHono: round(result / baseline) },
    goals: { startupUnder1500ms: { target: '< 1500 ms', met: result < 1500 } },
  });
}

async function timeToReady(kind: 'addon' | 'bare'): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const args = kind === 'addon' ? ['bin/addon.js', 'start'] : ['--import', 'tsx', 'bench/lib/bare-hono.ts'];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk) => {
        seen += chunk;
        const match = /listening on (http:\/\/\S+)/.exec(seen);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`${kind} exited with ${code} before listening`)));
    });
    const probe = kind === 'addon' ? `${url}/ready` : url;
    while ((await fetch(probe).catch(() => undefined))?.status !== 200) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - started;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
