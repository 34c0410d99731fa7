#!/usr/bin/env node
// Builds the web components of ui/ into dist/ui/: one self-contained ES module per element (Lit included), so a page
// can embed any one of them with a single <script type="module">. Skipped when dist/ui is newer than every ui/ source.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildState } from './dist-state.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const uiSource = join(root, 'ui', 'src');
const outDir = join(root, 'dist', 'ui');

/** The published modules: file name → entry. The sidebar holds every tool; the others are for embedding. */
export const UI_ENTRIES = {
  sidebar: 'sidebar/index.ts',
  'api-explorer': 'explorer/index.ts',
  bootstrap: 'bootstrap/index.ts',
  webhooks: 'webhooks/index.ts',
};

export async function buildUi({ force = false, quiet = false } = {}) {
  // An image or a production install holds the built modules but neither the sources nor Vite.
  if (!existsSync(uiSource)) return;
  // This script is a source too: a change to how the modules are built rebuilds them.
  const state = buildState({ dirs: [uiSource], files: [import.meta.filename], stamp: join(outDir, '.build-stamp') });
  if (!force && state.fresh) return;
  const started = performance.now();
  let build;
  try {
    ({ build } = await import('vite'));
  } catch {
    process.stderr.write('ui/ not built: Vite is not installed (a development dependency); the sidebar page will say so\n');
    return;
  }
  for (const [name, entry] of Object.entries(UI_ENTRIES)) {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: join(root, 'ui'),
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        lib: { entry: join(uiSource, entry), formats: ['es'], fileName: () => `${name}.js` },
      },
    });
  }
  state.markBuilt();
  if (!quiet) {
    const sizes = Object.keys(UI_ENTRIES).map((name) => {
      const gzipped = gzipSync(readFileSync(join(outDir, `${name}.js`))).length;
      return `${name}.js ${(gzipped / 1024).toFixed(1)} kB gz`;
    });
    process.stderr.write(`built dist/ui/ in ${Math.round(performance.now() - started)} ms: ${sizes.join(', ')}\n`);
  }
}

if (process.argv[1] === import.meta.filename) await buildUi({ force: process.argv.includes('--force') });
