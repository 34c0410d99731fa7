import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAddon, createLogger, loadConfig, type Manifest } from '../../runtime/index.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const manifestFile = join(repoRoot, 'manifest.json');

/**
 * The manifest `npm run manifest` writes: the real addon.config.yaml and its plugins, built in-process with an
 * empty environment (so `${VAR:-default}` takes its default) on an in-memory database and a temporary data folder.
 */
export async function buildDefaultManifest(): Promise<Manifest> {
  const config = loadConfig({ path: join(repoRoot, 'addon.config.yaml'), env: {} });
  const dataDir = mkdtempSync(join(tmpdir(), 'addon-manifest-'));
  try {
    const addon = await createAddon({
      config: { ...config, database: { ...config.database, url: 'sqlite::memory:', dataDir } },
      log: createLogger({ level: 'silent' }),
    });
    const manifest = addon.manifest();
    await addon.close();
    return manifest;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
