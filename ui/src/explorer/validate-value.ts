import { joinPointer } from './json-pointer.js';
import { resolveSchema, schemaType } from './resolve-schema.js';
import type { Components, FieldError, JsonSchema } from './types.js';

/**
 * The subset of JSON Schema the form can get wrong, checked in the browser before anything is sent: type, enum,
 * required and unknown properties, bounds, lengths, pattern, a few formats, array items. Messages use the words of
 * the server's validator (Ajv), so a field reads the same whichever side caught it; the server still checks all.
 */
export function validateValue(schema: JsonSchema | undefined, value: unknown, components: Components, pointer = ''): FieldError[] {
  const resolved = resolveSchema(schema, components);
  if (value === undefined) return [];
  const error = (message: string, at = pointer): FieldError => ({ pointer: at, message });
  if (value === null) return allowsNull(resolved) ? [] : [error(`must be ${schemaType(resolved) ?? 'a value'}`)];
  if (resolved.enum && !resolved.enum.some((member) => JSON.stringify(member) === JSON.stringify(value))) {
    return [error(`must be one of: ${resolved.enum.map(String).join(', ')}`)];
  }
  const type = schemaType(resolved);
  if (type && !hasType(value, type)) return [error(`must be ${type}`)];
  const errors = choiceErrors(resolved, value, components, pointer);
  if (typeof value === 'string') errors.push(...stringErrors(resolved, value).map((message) => error(message)));
  if (typeof value === 'number') errors.push(...numberErrors(resolved, value).map((message) => error(message)));
  if (Array.isArray(value)) errors.push(...arrayErrors(resolved, value, components, pointer));
  else if (typeof value === 'object') errors.push(...objectErrors(resolved, value as Record<string, unknown>, components, pointer));
  return errors;
}

function allowsNull(schema: JsonSchema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return schema.nullable === true || types.includes('null') || schema.enum?.includes(null) === true || schema.type === undefined;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

/** `oneOf`/`anyOf`: only whether some branch fits; which branch was meant is the server's to explain. */
function choiceErrors(schema: JsonSchema, value: unknown, components: Components, pointer: string): FieldError[] {
  const fits = (branches: JsonSchema[]) => branches.filter((branch) => validateValue(branch, value, components).length === 0).length;
  if (schema.oneOf && fits(schema.oneOf) !== 1) return [{ pointer, message: 'must match exactly one schema in oneOf' }];
  if (schema.anyOf && fits(schema.anyOf) === 0) return [{ pointer, message: 'must match a schema in anyOf' }];
  return [];
}

function stringErrors(schema: JsonSchema, value: string): string[] {
  const messages: string[] = [];
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) messages.push(`must NOT have fewer than ${schema.minLength} characters`);
  if (schema.maxLength !== undefined && length > schema.maxLength) messages.push(`must NOT have more than ${schema.maxLength} characters`);
  if (schema.pattern !== undefined && !matches(schema.pattern, value)) messages.push(`must match pattern "${schema.pattern}"`);
  if (schema.format && FORMATS[schema.format] && !FORMATS[schema.format]!(value)) messages.push(`must match format "${schema.format}"`);
  return messages;
}

function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true; // a pattern this browser cannot compile is left to the server
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const FORMATS: Record<string, (value: string) => boolean> = {
  date: isDate,
  'date-time': (value) => {
    const [date = '', time = ''] = value.split(/[tT ]/);
    return isDate(date) && TIME.test(time);
  },
  email: (value) => /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value),
  uuid: (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
};

function numberErrors(schema: JsonSchema, value: number): string[] {
  const messages: string[] = [];
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
  // OpenAPI 3.0 writes exclusiveness as a flag on minimum/maximum; 3.1 as a bound of its own.
  if (typeof exclusiveMinimum === 'number' && value <= exclusiveMinimum) messages.push(`must be > ${exclusiveMinimum}`);
  if (typeof exclusiveMaximum === 'number' && value >= exclusiveMaximum) messages.push(`must be < ${exclusiveMaximum}`);
  if (minimum !== undefined) {
    if (exclusiveMinimum === true ? value <= minimum : value < minimum)
      messages.push(`must be ${exclusiveMinimum === true ? '>' : '>='} ${minimum}`);
  }
  if (maximum !== undefined) {
    if (exclusiveMaximum === true ? value >= maximum : value > maximum)
      messages.push(`must be ${exclusiveMaximum === true ? '<' : '<='} ${maximum}`);
  }
  if (schema.format === 'int32' && (value < -(2 ** 31) || value > 2 ** 31 - 1)) messages.push('must match format "int32"');
  return messages;
}

function arrayErrors(schema: JsonSchema, value: unknown[], components: Components, pointer: string): FieldError[] {
  const errors: FieldError[] = [];
  if (schema.minItems !== undefined && value.length < schema.minItems) {
    errors.push({ pointer, message: `must NOT have fewer than ${schema.minItems} items` });
  }
  if (schema.maxItems !== undefined && value.length > schema.maxItems) {
    errors.push({ pointer, message: `must NOT have more than ${schema.maxItems} items` });
  }
  value.forEach((item, index) => {
    const at = `${pointer}${joinPointer(index)}`;
    // An item added in the form and left blank would travel as null: say so here rather than let the server guess.
    if (item === undefined) errors.push({ pointer: at, message: 'is empty: fill it in or remove it' });
    else errors.push(...validateValue(schema.items, item, components, at));
  });
  return errors;
}

function objectErrors(schema: JsonSchema, value: Record<string, unknown>, components: Components, pointer: string): FieldError[] {
  const errors: FieldError[] = [];
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) errors.push({ pointer: `${pointer}${joinPointer(name)}`, message: 'is required' });
  }
  for (const [name, item] of Object.entries(value)) {
    const at = `${pointer}${joinPointer(name)}`;
    const property = properties[name];
    if (property) errors.push(...validateValue(property, item, components, at));
    else if (schema.additionalProperties === false) errors.push({ pointer: at, message: 'is not allowed' });
    else if (typeof schema.additionalProperties === 'object')
      errors.push(...validateValue(schema.additionalProperties, item, components, at));
  }
  return errors;
}
