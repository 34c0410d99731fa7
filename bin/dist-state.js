// Whether dist/ holds a build of the current sources: its stamp records the newest source mtime it was built from.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP = '.build-stamp';
const SOURCE_DIRS = ['runtime', 'plugins', 'config'];

export function sourceFiles(root) {
  return SOURCE_DIRS.flatMap((dir) => readdirSync(join(root, dir), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

export function newestSourceMtime(root) {
  return Math.max(...sourceFiles(root).map((file) => statSync(file).mtimeMs));
}

export function distIsFresh(root) {
  const stamp = join(root, 'dist', STAMP);
  return existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= newestSourceMtime(root);
}
