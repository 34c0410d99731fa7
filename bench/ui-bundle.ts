import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
// @ts-expect-error: a plain JavaScript build script without type declarations
import { buildUi, UI_ENTRIES } from '../bin/build-ui.js';
import { round, writeReport } from './lib/report.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_KB = 60;

/**
 * The web components' weight: the gzipped size of each published module (every one carries its own Lit), against a
 * bare Lit element bundled the same way in the same run, the floor any Lit component pays. The issue's target: the
 * shell and the explorer under 60 kB gzipped (`sidebar.js` holds both and the other tools too).
 */
export default async function uiBundle(): Promise<void> {
  const bareKb = await bareLitKb();
  await buildUi({ force: true, quiet: true });
  const sizes = Object.fromEntries(
    Object.keys(UI_ENTRIES as Record<string, string>).map((name) => [
      name,
      round(gzipSync(readFileSync(join(root, 'dist', 'ui', `${name}.js`))).length / 1024, 1),
    ]),
  );
  writeReport({
    name: 'ui-bundle',
    baseline: { what: 'a bare Lit element, Vite library build, gzipped kB', kB: round(bareKb, 1) },
    result: Object.fromEntries(Object.entries(sizes).map(([name, kb]) => [`${name}.js kB`, kb])),
    ratios: Object.fromEntries(Object.entries(sizes).map(([name, kb]) => [`${name}VsBareLit`, round(kb / bareKb)])),
    goals: {
      sidebarUnder60kB: {
        target: `sidebar.js (shell, explorer and the other tools) < ${LIMIT_KB} kB gzipped`,
        met: (sizes.sidebar ?? Infinity) < LIMIT_KB,
      },
    },
  });
}

async function bareLitKb(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lit-'));
  try {
    writeFileSync(
      join(dir, 'bare.js'),
      `import { LitElement, html } from 'lit';
class BareElement extends LitElement { render() { return html\`<p>hi</p>\`; } }
customElements.define('bare-element', BareElement);
`,
    );
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      resolve: { alias: { lit: join(root, 'node_modules', 'lit', 'index.js') } },
      build: {
        outDir: join(dir, 'out'),
        target: 'es2022',
        minify: true,
        lib: { entry: join(dir, 'bare.js'), formats: ['es'], fileName: () => 'bare.js' },
      },
    });
    return gzipSync(readFileSync(join(dir, 'out', 'bare.js'))).length / 1024;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
