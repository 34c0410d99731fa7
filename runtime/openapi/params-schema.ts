import { DOCUMENT_ID } from './create-ajv.js';
import { pointerToFragment } from './json-pointer.js';
import type { ApiOperation, ApiParameter } from './types.js';

/** The parts a parameter validator checks; cookies are left to whoever reads them. */
export const PARAMETER_PARTS = ['path', 'query', 'header'] as const;

// OpenAPI 3.0 says header parameters with these names are ignored: the transport sets them.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

interface PartSchema {
  type: 'object';
  properties: Record<string, Record<string, unknown>>;
  required: string[];
}

/**
 * One JSON Schema for all parameters of an operation: `{ path: {...}, query: {...}, header: {...} }`, so a
 * single Ajv run reports every problem with pointers like `/query/page-size`. Each parameter schema is a `$ref`
 * into the document; its top-level `default` is copied beside the `$ref` because Ajv fills defaults only from the
 * schema it finds directly under `properties`.
 */
export function paramsSchema(operation: ApiOperation): Record<string, unknown> {
  const parts: Record<string, PartSchema> = {};
  for (const part of PARAMETER_PARTS) parts[part] = { type: 'object', properties: {}, required: [] };
  for (const parameter of operation.parameters) {
    const part = parts[parameter.in];
    const name = parameterKey(parameter);
    if (!part || name === undefined) continue;
    part.properties[name] = parameterProperty(parameter);
    if (parameter.required) part.required.push(name);
  }
  return { type: 'object', properties: parts, required: [...PARAMETER_PARTS] };
}

/** The key a parameter has in the validated object: header names are case-insensitive, so lower case. */
export function parameterKey(parameter: ApiParameter): string | undefined {
  if (parameter.in !== 'header') return parameter.name;
  const name = parameter.name.toLowerCase();
  return IGNORED_HEADERS.has(name) ? undefined : name;
}

function parameterProperty(parameter: ApiParameter): Record<string, unknown> {
  if (parameter.pointer === undefined) return {};
  const property: Record<string, unknown> = { $ref: `${DOCUMENT_ID}${pointerToFragment(parameter.pointer)}` };
  if (parameter.schema.default !== undefined) property.default = parameter.schema.default;
  return property;
}
