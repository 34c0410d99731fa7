import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { AddonError } from '../errors/index.js';
import { pointerToPath } from './format-path.js';

const schemaUrl = new URL('../../config/addon.schema.json', import.meta.url);
export const addonConfigSchema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as Record<string, unknown>;

// Coercion turns "8080" from `${PORT:-8080}` into a number; defaults fill the optional sections.
const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: true, verbose: true, strict: false });
const validateSchema = ajv.compile(addonConfigSchema);

/** Validates (and fills defaults into) a config tree; throws one AddonError listing every problem. */
export function validateConfig(tree: Record<string, unknown>, file: string): void {
  if (validateSchema(tree)) return;
  const errors = prune(validateSchema.errors ?? []);
  const unknown = errors.filter((error) => error.keyword === 'additionalProperties');
  const code = unknown.length > 0 ? 'CONFIG_UNKNOWN_KEY' : 'CONFIG_INVALID';
  const lines = errors.map(describe);
  const first = errors[0];
  throw new AddonError(code, lines.join('; '), { file, path: first ? pathOf(first) : undefined });
}

// `oneOf` reports every branch that failed; when a branch matched the value's type, its errors are the useful ones.
function prune(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'type');
  return specific.length > 0 ? specific : errors;
}

function describe(error: ErrorObject): string {
  const path = pathOf(error);
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
    const suggestion = suggest(key, known);
    return `unknown key "${key}" at ${path}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; allowed: ${known.join(', ')}`;
  }
  if (error.keyword === 'enum') {
    return `${path} ${error.message}: ${(error.params.allowedValues as unknown[]).join(', ')}`;
  }
  return `${path} ${error.message}`;
}

/** The closest known name, when it is close enough to be a likely typo. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  return distance(word.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function pathOf(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return pointerToPath(error.instancePath, String(error.params.additionalProperty));
  if (error.keyword === 'required') return pointerToPath(error.instancePath, String(error.params.missingProperty));
  return pointerToPath(error.instancePath);
}
