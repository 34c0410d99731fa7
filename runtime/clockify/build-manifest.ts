import type { AddonConfig } from '../config/types.js';
import type { ManifestComponent, ManifestContribution } from '../plugin/types.js';

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

/** The manifest Clockify reads: the YAML's fields plus what each plugin contributes, duplicates removed. */
export function buildManifest(config: AddonConfig, contributions: readonly ManifestContribution[]): Manifest {
  const scopes = unique([...config.scopes, ...contributions.flatMap((part) => part.scopes ?? [])]);
  const manifest: Manifest = {
    schemaVersion: config.schemaVersion,
    key: config.key,
    name: config.name,
    ...(config.description ? { description: config.description } : {}),
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    ...(config.iconPath ? { iconPath: config.iconPath } : {}),
    minimalSubscriptionPlan: config.minimalSubscriptionPlan,
    scopes,
    lifecycle: uniqueBy(
      contributions.flatMap((part) => part.lifecycle ?? []),
      (entry) => entry.type,
    ),
    webhooks: uniqueBy(
      contributions.flatMap((part) => part.webhooks ?? []),
      (entry) => `${entry.event} ${entry.path}`,
    ),
    components: [...(config.components as unknown as ManifestComponent[]), ...contributions.flatMap((part) => part.components ?? [])],
    ...(config.settings ? { settings: config.settings } : {}),
  };
  return structuredClone(manifest);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
