import { AddonError } from '../../errors/index.js';
import { checkComponents } from './check-components.js';
import { checkLifecycle, checkWebhooks } from './check-hooks.js';
import { checkSettings } from './check-settings.js';
import { checkTopLevel } from './check-top-level.js';
import { checkFields } from './field-checks.js';
import { formatProblem, type ManifestOrigins, type ManifestProblem, ProblemList } from './problems.js';
import { isSchemaVersion, LATEST_SCHEMA_VERSION, rulesFor } from './schema-rules.js';

export interface ValidateManifestOptions {
  /** Where each merged entry came from, so problems name the YAML path or the contributing plugin. */
  origins?: ManifestOrigins;
  /** The config file named in the error (`config.source`). */
  file?: string;
}

/**
 * Every rule of the manifest's schema version it breaks (empty when Clockify would accept it).
 * Our own rules (`schema-rules.ts`), stricter than the official schema where it is silent: paths start
 * with `/`, at most 10 webhooks, dropdown settings list their choices, ids and entries do not repeat.
 */
export function findManifestProblems(manifest: unknown, { origins }: Pick<ValidateManifestOptions, 'origins'> = {}): ManifestProblem[] {
  const list = new ProblemList(origins);
  if (!checkFields(list, [], manifest, 'a manifest object')) return [...list.problems];
  // An unsupported or absent version is checked against the latest, as Clockify does for an absent one.
  const version = isSchemaVersion(manifest.schemaVersion) ? manifest.schemaVersion : LATEST_SCHEMA_VERSION;
  const rules = rulesFor(version);
  checkTopLevel(list, manifest, rules);
  checkLifecycle(list, manifest.lifecycle);
  checkWebhooks(list, manifest.webhooks, rules);
  checkComponents(list, manifest.components, rules);
  checkSettings(list, manifest.settings, rules);
  return [...list.problems];
}

/** Throws one MANIFEST_INVALID error listing every problem, each with its path and the allowed values. */
export function validateManifest(manifest: unknown, { origins, file }: ValidateManifestOptions = {}): void {
  const problems = findManifestProblems(manifest, { origins });
  if (problems.length === 0) return;
  // Each line names its own place (a YAML path, or a plugin's contribution), so the location is only the file.
  const detail =
    problems.length === 1
      ? formatProblem(problems[0] as ManifestProblem)
      : `${problems.length} problems:\n${problems.map((problem) => `  - ${formatProblem(problem)}`).join('\n')}`;
  throw new AddonError('MANIFEST_INVALID', detail, { file });
}
