import type { AddonConfig } from '../config/types.js';
import type { ManifestComponent, ManifestContribution } from '../plugin/types.js';
import type { EntryOrigin, ManifestOrigins, MergedSection } from './manifest/problems.js';
import { validateManifest } from './manifest/validate-manifest.js';

export interface Manifest {
  schemaVersion: string;
  key: string;
  name: string;
  description?: string;
  baseUrl: string;
  iconPath?: string;
  minimalSubscriptionPlan: string;
  scopes: string[];
  lifecycle: { type: string; path: string }[];
  webhooks: { event: string; path: string }[];
  components: ManifestComponent[];
  settings?: unknown;
}

/** A plugin's contribution with the plugin's name, so a problem in it names the plugin. */
export interface NamedContribution extends ManifestContribution {
  plugin?: string;
}

/**
 * The manifest Clockify reads: the YAML's fields plus what each plugin contributes, with identical entries
 * merged. Validated against the rules of its schema version, so a misconfiguration fails at boot
 * (MANIFEST_INVALID naming the YAML path or the plugin) rather than when Clockify refuses the manifest.
 */
export function buildManifest(config: AddonConfig, contributions: readonly NamedContribution[]): Manifest {
  const named = contributions.map((part, index) => ({ ...part, plugin: part.plugin ?? `#${index}` }));
  const scopes = merge('scopes', config.scopes, named, (scope) => scope);
  // Identical entries from two plugins are one; a second path for the same lifecycle type is left for the validator to report.
  const lifecycle = merge('lifecycle', [], named, (entry) => `${entry.type} ${entry.path}`);
  const webhooks = merge('webhooks', [], named, (entry) => `${entry.event} ${entry.path}`);
  const components = merge('components', config.components as unknown as ManifestComponent[], named);
  const manifest: Manifest = {
    schemaVersion: config.schemaVersion,
    key: config.key,
    name: config.name,
    ...(config.description ? { description: config.description } : {}),
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    ...(config.iconPath ? { iconPath: config.iconPath } : {}),
    minimalSubscriptionPlan: config.minimalSubscriptionPlan,
    scopes: scopes.entries,
    lifecycle: lifecycle.entries,
    webhooks: webhooks.entries,
    components: components.entries,
    ...(config.settings ? { settings: config.settings } : {}),
  };
  const origins: ManifestOrigins = {
    scopes: scopes.origins,
    lifecycle: lifecycle.origins,
    webhooks: webhooks.origins,
    components: components.origins,
  };
  validateManifest(manifest, { origins, file: config.source });
  return structuredClone(manifest);
}

type Entry<S extends MergedSection> = NonNullable<ManifestContribution[S]>[number];

/** The YAML's entries, then each plugin's, keeping where each came from; `identity` merges repeats. */
function merge<S extends MergedSection>(
  section: S,
  fromYaml: readonly Entry<S>[],
  contributions: readonly (ManifestContribution & { plugin: string })[],
  identity?: (entry: Entry<S>) => string,
): { entries: Entry<S>[]; origins: EntryOrigin[] } {
  const candidates = [
    ...fromYaml.map((entry, index) => ({ entry, origin: { path: `${section}[${index}]` } })),
    ...contributions.flatMap((part) =>
      ((part[section] ?? []) as readonly Entry<S>[]).map((entry, index) => ({
        entry,
        origin: { path: `${section}[${index}]`, plugin: part.plugin },
      })),
    ),
  ];
  const seen = new Set<string>();
  const kept = candidates.filter(({ entry }) => {
    if (!identity) return true;
    const id = identity(entry);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  return { entries: kept.map(({ entry }) => structuredClone(entry)), origins: kept.map(({ origin }) => origin) };
}
