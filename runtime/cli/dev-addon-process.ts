import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Environment } from '../config/environment.js';
import { waitForReady } from '../testkit/wait-for-ready.js';

const BIN = fileURLToPath(new URL('../../bin/addon.js', import.meta.url));

export interface DevAddonProcess {
  /** Resolves when the add-on answers /ready; rejects if it exits first. */
  readonly ready: Promise<void>;
  /** SIGTERM after `graceMs` (for a Ctrl+C the terminal has already signalled the child: give it time to close). */
  stop(graceMs?: number): Promise<void>;
}

export interface SpawnDevAddonOptions {
  url: string;
  env: Environment;
  configPath: string;
}

/**
 * The add-on runs in a child process (`addon dev --serve-addon`): Node caches ES modules for the life of a process,
 * so only a fresh process picks up edited source files. Its output goes straight to this terminal.
 */
export function spawnDevAddon({ url, env, configPath }: SpawnDevAddonOptions): DevAddonProcess {
  const child = spawn(process.execPath, [BIN, '--config', configPath, 'dev', '--serve-addon'], { env: { ...env }, stdio: 'inherit' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = Promise.race([
    waitForReady(url, { timeoutMs: 60_000 }),
    exited.then((code) => {
      throw new Error(`the add-on exited (code ${code}) before it was ready; see its output above`);
    }),
  ]);
  return { ready, stop: (graceMs = 0) => stopChild(child, exited, graceMs) };
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>, graceMs: number): Promise<void> {
  if (graceMs > 0) await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const forced = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(forced);
}
