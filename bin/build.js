#!/usr/bin/env node
// Transpiles the runtime and the built-in plugins to dist/ (one .js file per .ts file, same layout), so `start`
// runs without a TypeScript loader in the way of every import. Skipped when dist/ is already newer than every
// source file. The sources stay the truth: tests, `dev` and a stale or missing dist/ run them through tsx.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runtimeBuild } from './dist-state.js';

const root = fileURLToPath(new URL('..', import.meta.url));

const state = runtimeBuild(root);
if (state.fresh && !process.argv.includes('--force')) process.exit(0);
const started = performance.now();
// No stamp while files are rewritten: a process starting meanwhile takes the sources instead of a half-written build.
rmSync(state.stamp, { force: true });
const entryPoints = state.sources.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
await build({
  entryPoints,
  outdir: `${root}dist`,
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
// Read at run time relative to the code that reads them.
mkdirSync(`${root}dist/config`, { recursive: true });
cpSync(`${root}config/addon.schema.json`, `${root}dist/config/addon.schema.json`);
state.markBuilt();
process.stderr.write(`built dist/ (${entryPoints.length} files) in ${Math.round(performance.now() - started)} ms\n`);
