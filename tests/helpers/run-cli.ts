import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../../runtime/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A minimal addon.config.yaml on the given database, for CLI commands that work on it. */
export function writeCliConfig(databaseUrl: string, extra = ''): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cli-config-')), 'addon.config.yaml');
  writeFileSync(
    file,
    `key: test-addon\nname: Test Add-on\nbaseUrl: http://127.0.0.1:8080\ndatabase:\n  url: ${databaseUrl}\nplugins: []\n${extra}`,
  );
  return file;
}

/** Runs `addon <args>` in this process (the same `main` as bin/addon.js), capturing what it writes. */
export async function runCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
