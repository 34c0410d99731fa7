import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDefaultManifest, manifestFile } from '../helpers/default-manifest.js';

describe('manifest.json', () => {
  it('equals what addon.config.yaml and the built-in plugins generate (regenerate with `npm run manifest`)', async () => {
    expect(existsSync(manifestFile), 'manifest.json is missing: run `npm run manifest` with ADDON_BASE_URL unset').toBe(true);
    const committed = JSON.parse(readFileSync(manifestFile, 'utf8')) as unknown;
    const generated = await buildDefaultManifest();
    expect(committed, 'manifest.json is stale: run `npm run manifest` with ADDON_BASE_URL unset and commit the result').toEqual(generated);
  });
});
