import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: mkdtempSync(join(tmpdir(), 'cli-data-')) };
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

function addon(args: string[], env = cleanEnv()): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['bin/addon.js', ...args], { cwd: root, env });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const done = new Promise<Run>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk) => {
      seen += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', () => reject(new Error('exited before listening')));
  });
}

describe('addon CLI', () => {
  it('lists every command in --help', async () => {
    const run = await addon(['--help']).done;
    expect(run.code).toBe(0);
    for (const command of ['start', 'manifest', 'migrate', 'config']) expect(run.stdout).toContain(command);
  });

  it('says what exists for a wrong command and a wrong flag', async () => {
    const wrongCommand = await addon(['strat']).done;
    expect(wrongCommand.code).toBe(1);
    expect(wrongCommand.stderr).toContain("unknown command 'strat'");
    expect(wrongCommand.stderr).toContain('(Did you mean start?)');
    const wrongFlag = await addon(['migrate', '--froce']).done;
    expect(wrongFlag.code).toBe(1);
    expect(wrongFlag.stderr).toContain("unknown option '--froce'");
  });

  it('config check prints the effective config with secrets masked', async () => {
    const run = await addon(
      ['config', 'check'],
      cleanEnv({ DATABASE_URL: 'postgres://app:hunter2@db.internal/addon', ADDON_ENCRYPTION_KEY: 'k'.repeat(44) }),
    ).done;
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is valid');
    expect(run.stdout).toMatch(/openapi.json is valid: \d+ operations/);
    expect(run.stdout).toContain('postgres://app:***@db.internal/addon');
    expect(run.stdout).not.toContain('hunter2');
    expect(run.stdout).not.toContain('k'.repeat(44));
  });

  it('config check fails with the coded error for a bad config file', async () => {
    const run = await addon(['config', 'check', '--config', 'tests/fixtures/missing.yaml']).done;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('CONFIG_NOT_FOUND');
  });

  it('migrate applies migrations to the SQLite default and reports nothing left the second time', async () => {
    const env = cleanEnv();
    expect((await addon(['migrate'], env).done).stdout).toMatch(/applied 0001-installation(, \d{4}-[a-z-]+)* on /);
    expect((await addon(['migrate'], env).done).stdout).toContain('nothing to apply');
  });

  it('start runs the build in dist/ when it is current, and still loads a user .ts plugin whose errors keep their status', async () => {
    const build = spawnSync(process.execPath, ['bin/build.js', '--force'], { cwd: root, encoding: 'utf8' });
    expect(build.status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'cli-compiled-'));
    const config = join(dir, 'addon.config.yaml');
    const greeter = join(root, 'tests/fixtures/plugins/greeter.ts');
    writeFileSync(
      config,
      `key: compiled-addon\nname: Compiled\nbaseUrl: http://127.0.0.1:8080\nplugins:\n  - metrics\n  - use: ${greeter}\n    options: { greeting: hello }\n`,
    );
    const { child, done } = addon(['start', '--config', config], cleanEnv({ PORT: '0', HOST: '127.0.0.1' }));
    const url = await listeningUrl(child);
    expect(await (await fetch(`${url}/greet`)).json()).toEqual({ text: 'hello' });
    const teapot = await fetch(`${url}/greet/teapot`);
    expect(teapot.status).toBe(418);
    expect((await teapot.json()).error.code).toBe('TEAPOT');
    child.kill('SIGTERM');
    expect((await done).code).toBe(0);
  });

  it('start serves the manifest and exits cleanly on SIGTERM', async () => {
    const { child, done } = addon(['start'], cleanEnv({ PORT: '0', HOST: '127.0.0.1' }));
    const url = await listeningUrl(child);
    const manifest = await (await fetch(`${url}/manifest`)).json();
    expect(manifest.key).toBe('clockify-addon-kit');
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('SIGTERM received');
  });
});
