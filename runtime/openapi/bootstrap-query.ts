import type { ApiOperation } from './types.js';

const PAGING = new Set(['page', 'page-size']);

/**
 * The query a bootstrap sends besides `page` and `page-size`: the options' values, then for each required parameter
 * still unset the window (`start`/`end`, as the scheduling lists require), its schema's default, or its only enum
 * value. `missing` names the required parameters nothing could fill.
 */
export function queryFor(
  operation: ApiOperation,
  given: Readonly<Record<string, string>> = {},
  window?: { readonly start: string; readonly end: string },
): { values: Record<string, string>; missing: string[] } {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in !== 'query' || PAGING.has(parameter.name)) continue;
    const { name, schema } = parameter;
    const windowed = name === 'start' || name === 'end' ? window?.[name] : undefined;
    const onlyValue = Array.isArray(schema.enum) && schema.enum.length === 1 ? schema.enum[0] : undefined;
    const value = given[name] ?? (parameter.required ? (windowed ?? scalar(schema.default) ?? scalar(onlyValue)) : undefined);
    if (value !== undefined) values[name] = value;
    else if (parameter.required) missing.push(name);
  }
  return { values, missing };
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
