import { formatPath } from '../../config/format-path.js';

/** A place in the manifest: `['components', 0, 'type']`. */
export type ManifestPath = readonly (string | number)[];

/** One rule a manifest breaks, named where the author can fix it. */
export interface ManifestProblem {
  /** A path in addon.config.yaml, or in the plugin's contribution when `plugin` is set. */
  readonly path: string;
  readonly plugin?: string;
  readonly message: string;
  readonly allowed?: readonly string[];
}

/** Where one entry of a manifest list came from: the YAML (no plugin) or a plugin's `manifest()` result. */
export interface EntryOrigin {
  readonly path: string;
  readonly plugin?: string;
}

export const MERGED_SECTIONS = ['scopes', 'lifecycle', 'webhooks', 'components'] as const;
export type MergedSection = (typeof MERGED_SECTIONS)[number];

/** Per merged section, the origin of each entry by index. Absent: the manifest path is the YAML path. */
export type ManifestOrigins = Readonly<Partial<Record<MergedSection, readonly EntryOrigin[]>>>;

/**
 * Collects problems while the checks walk the manifest. Checks speak in manifest paths; the origins turn
 * them into the place the entry came from, so a plugin's webhook is reported against that plugin.
 */
export class ProblemList {
  readonly #origins: ManifestOrigins;
  readonly #problems: ManifestProblem[] = [];

  constructor(origins: ManifestOrigins = {}) {
    this.#origins = origins;
  }

  get problems(): readonly ManifestProblem[] {
    return this.#problems;
  }

  add(path: ManifestPath, message: string, allowed?: readonly string[]): void {
    this.#problems.push({ ...this.locate(path), message, ...(allowed ? { allowed } : {}) });
  }

  /** The place as a problem line names it, for messages that point at another entry. */
  describe(path: ManifestPath): string {
    return placeOf(this.locate(path));
  }

  /** How many entries of a section each plugin contributed (the YAML counts under `undefined`). */
  contributors(section: MergedSection): Map<string | undefined, number> {
    const counts = new Map<string | undefined, number>();
    for (const origin of this.#origins[section] ?? []) counts.set(origin.plugin, (counts.get(origin.plugin) ?? 0) + 1);
    return counts;
  }

  locate(path: ManifestPath): EntryOrigin {
    const [section, index, ...rest] = path;
    const origins = this.#origins[section as MergedSection];
    if (origins && typeof index === 'number') {
      const origin = origins[index];
      if (origin) return { ...origin, path: join(origin.path, rest) };
    }
    // A whole section that one plugin filled alone is that plugin's doing.
    if (origins && path.length === 1) {
      const plugins = [...this.contributors(section as MergedSection).keys()];
      if (plugins.length === 1 && plugins[0] !== undefined) return { path: String(section), plugin: plugins[0] };
    }
    return { path: join('', path) };
  }
}

/** `scopes[3] contributed by plugin "auth": "X" is not a scope; allowed: A, B` */
export function formatProblem(problem: ManifestProblem): string {
  const allowed = problem.allowed ? `; allowed: ${problem.allowed.join(', ')}` : '';
  return `${placeOf(problem)}: ${problem.message}${allowed}`;
}

function placeOf({ path, plugin }: EntryOrigin): string {
  return plugin ? `${path} contributed by plugin "${plugin}"` : path;
}

function join(base: string, rest: ManifestPath): string {
  const parts = rest.map((part) => (typeof part === 'number' ? `[${part}]` : part));
  return formatPath(base ? [base, ...parts] : parts);
}
