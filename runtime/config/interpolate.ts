import { AddonError } from '../errors/index.js';
import type { Environment } from './environment.js';
import { formatPath } from './format-path.js';

// ${NAME} or ${NAME:-default}; `$${` writes a literal `${`.
const PLACEHOLDER = /\$\$\{|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${VAR}` and `${VAR:-default}` in every string value of a parsed YAML tree.
 * A variable that is unset (or empty, for the `:-` form) takes its default; one with no default is an error
 * that names the variable and the config path that needs it.
 */
export function interpolate(value: unknown, env: Environment, file: string, path: string[] = []): unknown {
  if (typeof value === 'string') return interpolateString(value, env, file, path);
  if (Array.isArray(value)) return value.map((item, index) => interpolate(item, env, file, [...path, `[${index}]`]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolate(item, env, file, [...path, key])]));
  }
  return value;
}

function interpolateString(text: string, env: Environment, file: string, path: string[]): string {
  return text.replace(PLACEHOLDER, (match, name: string | undefined, fallback: string | undefined) => {
    if (match === '$${') return '${';
    const variable = name as string;
    const current = env[variable];
    if (current !== undefined && current !== '') return current;
    if (fallback !== undefined) return fallback;
    if (current === '') return '';
    throw new AddonError(
      'CONFIG_MISSING_VARIABLE',
      `set ${variable} in the environment, or write \${${variable}:-default} to give it a default`,
      { file, path: formatPath(path) },
    );
  });
}
