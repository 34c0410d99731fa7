import { Ajv, type ErrorObject } from 'ajv';
import ajvFormats from 'ajv-formats';
import { pointerToPath } from '../config/format-path.js';
import { AddonError } from '../errors/index.js';

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
ajvFormats.default(ajv);

/** Validates a plugin's options against its schema, filling defaults; errors name the option's config path. */
export function validateOptions(
  schema: Record<string, unknown> | undefined,
  options: Record<string, unknown>,
  { file, plugin, path }: { file: string; plugin: string; path: string },
): Record<string, unknown> {
  if (!schema) return options;
  const validate = ajv.compile(schema);
  if (validate(options)) return options;
  const problems = (validate.errors ?? []).map((error) => {
    const at = optionPath(path, error);
    const allowed = error.keyword === 'enum' ? `: ${(error.params.allowedValues as unknown[]).join(', ')}` : '';
    const message = error.keyword === 'additionalProperties' ? 'is not a known option' : error.message;
    return { at, text: `${at} ${message}${allowed}` };
  });
  throw new AddonError('PLUGIN_OPTIONS_INVALID', problems.map((problem) => problem.text).join('; '), {
    file,
    plugin,
    path: problems[0]?.at,
  });
}

function optionPath(entryPath: string, error: ErrorObject): string {
  const key = error.params.missingProperty ?? error.params.additionalProperty;
  const relative = pointerToPath(error.instancePath, ...(key === undefined ? [] : [String(key)]));
  const suffix = relative === '(root)' ? '' : relative.startsWith('[') ? relative : `.${relative}`;
  return `${entryPath}.options${suffix}`;
}
