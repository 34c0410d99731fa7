// Whether a build in dist/ is of the current sources: its stamp file records the newest source mtime it was built from.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The sources of one build (every file under `dirs`, and `files`), found and dated once, against its stamp file.
 * `markBuilt` records a build of exactly these: a source changed while building leaves the build stale.
 */
export function buildState({ dirs, files = [], stamp }) {
  const sources = [
    ...dirs
      .flatMap((dir) => readdirSync(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath ?? entry.path, entry.name)),
    ...files,
  ];
  const newest = Math.max(...sources.map((file) => statSync(file).mtimeMs));
  return {
    sources,
    stamp,
    fresh: existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= newest,
    markBuilt: () => writeFileSync(stamp, String(newest)),
  };
}

/** The build of the runtime and the built-in plugins (bin/build.js), which `start` runs when it is fresh. */
export function runtimeBuild(root) {
  return buildState({ dirs: ['runtime', 'plugins', 'config'].map((dir) => join(root, dir)), stamp: join(root, 'dist', '.build-stamp') });
}
