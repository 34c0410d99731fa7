import { existsSync, type FSWatcher, watch } from 'node:fs';
import { basename, resolve } from 'node:path';

export interface WatchTarget {
  readonly dir: string;
  readonly recursive: boolean;
  /** Only these file names count (for a folder watched for a few files, like the config's); all when absent. */
  readonly only?: ReadonlySet<string>;
}

export interface SourceWatcher {
  close(): void;
}

// Editor swap files, tests, dependencies and data written at run time are not sources of the running add-on.
const IGNORED = /(^|[/\\])(node_modules|data|\.git)([/\\]|$)|\.test\.ts$|~$|\.sw[px]$|\.sqlite(-\w+)?$/;

/**
 * Calls `onChange` once per burst of changes (editors write a file in several steps) under the given folders,
 * with node:fs's recursive watch (Node 20 supports it on Linux, macOS and Windows).
 */
export function watchSources(targets: readonly WatchTarget[], onChange: (file: string) => void, debounceMs = 250): SourceWatcher {
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  for (const { dir, recursive, only } of targets) {
    if (!existsSync(dir)) continue;
    const watcher = watch(dir, { recursive }, (_event, name) => {
      const file = name?.toString() ?? '';
      if (!file || IGNORED.test(file) || (only && !only.has(basename(file)))) return;
      clearTimeout(timer);
      timer = setTimeout(() => onChange(resolve(dir, file)), debounceMs);
    });
    watchers.push(watcher);
  }
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
