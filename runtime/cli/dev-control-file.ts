import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What a running `addon dev` tells other commands (`addon simulate …`) about itself. */
export interface DevControl {
  /** The simulator's base URL; its control API is under `/_simulator`. */
  simulatorUrl: string;
  addonUrl: string;
  pid: number;
}

/** `<data dir>/simulator/`: the simulator's key pair and this file live there, beside the add-on's own data. */
export function simulatorDir(dataDir: string): string {
  return join(resolve(dataDir), 'simulator');
}

function controlFile(dataDir: string): string {
  return join(simulatorDir(dataDir), 'dev.json');
}

export function writeDevControl(dataDir: string, control: DevControl): void {
  const file = controlFile(dataDir);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(control, null, 2)}\n`);
}

export function removeDevControl(dataDir: string): void {
  rmSync(controlFile(dataDir), { force: true });
}

/** The running dev session's details, or undefined when `addon dev` is not running for this data folder. */
export function readDevControl(dataDir: string): DevControl | undefined {
  const file = controlFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as DevControl;
  } catch {
    return undefined;
  }
}
