import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, round, writeReport } from './lib/report.js';
import { startServerProcess } from './lib/server-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;

/**
 * Start-up to ready: `node bin/addon.js start` with the default addon.config.yaml (every built-in plugin),
 * from spawn until GET /ready answers 200: on a fresh SQLite database (migrations included) and on one kept
 * from an earlier start (the usual restart).
 * The add-on runs as `npm start` runs it: from the build in dist/ (made first, as prestart does).
 * Baseline: the same spawn of a bare Hono server in plain JavaScript, until it answers.
 */
export default async function startup(): Promise<void> {
  // What `npm start` does first (prestart): transpile to dist/ when the sources changed.
  execFileSync(process.execPath, ['bin/build.js'], { cwd: root, stdio: 'inherit' });
  const fresh: number[] = [];
  const restart: number[] = [];
  const bare: number[] = [];
  const kept = mkdtempSync(join(tmpdir(), 'bench-startup-kept-'));
  await timeToReady('bare'); // warms the loader's transform cache for both
  await timeToReady('addon', kept);
  for (let run = 0; run < RUNS; run++) {
    bare.push(await timeToReady('bare'));
    fresh.push(await timeToReady('addon'));
    restart.push(await timeToReady('addon', kept));
  }
  rmSync(kept, { recursive: true, force: true });
  const baseline = median(bare);
  const [first, again] = [median(fresh), median(restart)];
  writeReport({
    name: 'startup',
    baseline: { what: 'bare Hono server (plain JavaScript), spawn → first 200', medianMs: round(baseline) },
    result: { firstStartMs: round(first), restartMs: round(again), runs: RUNS },
    ratios: { firstStartVsBareHono: round(first / baseline), restartVsBareHono: round(again / baseline) },
    goals: {
      firstStartUnder1500ms: { target: 'fresh SQLite (migrations included) < 1500 ms', met: first < 1500 },
      restartUnder1500ms: { target: 'existing SQLite < 1500 ms', met: again < 1500 },
    },
  });
}

async function timeToReady(kind: 'addon' | 'bare', keptDataDir?: string): Promise<number> {
  const dataDir = keptDataDir ?? mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const args = kind === 'addon' ? ['bin/addon.js', 'start'] : ['bench/lib/bare-hono.js'];
  const started = performance.now();
  const server = await startServerProcess(args, { DATA_DIR: dataDir });
  try {
    const probe = kind === 'addon' ? `${server.url}/ready` : server.url;
    while ((await fetch(probe).catch(() => undefined))?.status !== 200) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - started;
  } finally {
    await server.stop();
    if (!keptDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
