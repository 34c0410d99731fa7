import { getAt, joinPointer } from './json-pointer.js';
import { resolveSchema, schemaKind, schemaType } from './resolve-schema.js';
import type { CallParams, Components, FieldError, JsonSchema, ListedOperation, ListedParameter, ParamValue } from './types.js';

/**
 * What the user typed into a raw JSON box, kept as text so typing is never reformatted under the cursor; it is
 * parsed when the call is built. It stands in the form value wherever the form edits JSON (a whole body, or a field
 * whose schema the form cannot draw).
 */
export class JsonText {
  constructor(readonly text: string) {}
}

/** The form's state, addressed by the same pointers as the server's field errors (`/params/query/x`, `/body/y`). */
export interface FormValue {
  params?: Partial<Record<'path' | 'query' | 'header', Record<string, unknown>>>;
  body?: unknown;
}

/** `workspaceId` is always filled on the server from the verified token: the form neither asks for it nor sends it. */
export function isServerFilled(parameter: ListedParameter): boolean {
  return parameter.in === 'path' && parameter.name === 'workspaceId';
}

/** The parameters the form shows (cookies cannot be sent by the explorer). */
export function formParameters(operation: ListedOperation): ListedParameter[] {
  return operation.parameters.filter((parameter) => parameter.in !== 'cookie');
}

/** The parameters a call carries from the form: those it shows, less the ones the server fills. */
export function sentParameters(operation: ListedOperation): ListedParameter[] {
  return formParameters(operation).filter((parameter) => !isServerFilled(parameter));
}

export function parameterPointer(parameter: ListedParameter): string {
  return joinPointer('params', parameter.in, parameter.name);
}

export interface BuiltCall {
  params: CallParams;
  /** `undefined` for none: an optional body left empty is not sent. */
  body: unknown;
  /** Raw JSON that does not parse, at its place. */
  errors: FieldError[];
}

/** The execute request's `params` and `body` from the form: set values only, JSON boxes parsed. */
export function formToCall(operation: ListedOperation, value: FormValue): BuiltCall {
  const params: CallParams = { path: {}, query: {}, header: {} };
  const errors: FieldError[] = [];
  for (const parameter of sentParameters(operation)) {
    const pointer = parameterPointer(parameter);
    const given = parseJsonTexts(getAt(value, pointer), pointer, errors);
    if (given !== undefined) (params[parameter.in as keyof CallParams] as Record<string, unknown>)[parameter.name] = given;
  }
  let body = operation.requestBody ? parseJsonTexts(value.body, '/body', errors) : undefined;
  const empty = typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
  if (empty && !operation.requestBody?.required) body = undefined;
  return { params, body, errors };
}

function parseJsonTexts(value: unknown, pointer: string, errors: FieldError[]): unknown {
  if (value instanceof JsonText) {
    if (value.text.trim() === '') return undefined;
    try {
      return JSON.parse(value.text);
    } catch (error) {
      errors.push({ pointer, message: `is not valid JSON (${(error as Error).message})` });
      return undefined;
    }
  }
  if (Array.isArray(value)) return value.map((item, index) => parseJsonTexts(item, `${pointer}/${index}`, errors));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => [key, parseJsonTexts(item, `${pointer}${joinPointer(key)}`, errors)]);
    return Object.fromEntries(entries.filter(([, item]) => item !== undefined));
  }
  return value;
}

/**
 * The form for a stored call or preset: parameter strings back to the types their schemas say (so `"5"` fills a
 * number box), the body in the form when it fits the schema, else as raw JSON.
 */
export function callToForm(operation: ListedOperation, components: Components, params: Partial<CallParams>, body: unknown): FormValue {
  const form: FormValue = { params: { path: {}, query: {}, header: {} } };
  for (const parameter of sentParameters(operation)) {
    const given = lookUpParam(params[parameter.in as keyof CallParams], parameter);
    if (given === undefined) continue;
    form.params![parameter.in as 'path']![parameter.name] = fromParamText(resolveSchema(parameter.schema, components), given, components);
  }
  if (body !== undefined && body !== null && operation.requestBody) form.body = bodyToForm(operation.requestBody.schema, body, components);
  return form;
}

function lookUpParam(values: Record<string, ParamValue> | undefined, parameter: ListedParameter): ParamValue | undefined {
  if (!values) return undefined;
  if (parameter.in !== 'header') return values[parameter.name];
  const name = Object.keys(values).find((key) => key.toLowerCase() === parameter.name.toLowerCase());
  return name === undefined ? undefined : values[name];
}

function fromParamText(schema: JsonSchema, given: ParamValue, components: Components): unknown {
  if (schemaType(schema) === 'array') {
    const items = resolveSchema(schema.items, components);
    return (Array.isArray(given) ? given : [given]).map((item) => fromParamText(items, item, components));
  }
  const text = Array.isArray(given) ? given[0] : given;
  if (typeof text !== 'string') return text;
  return textToValue(schema, text);
}

/** What a text box holds, typed by the schema: numbers and booleans when they read as such, else the text itself. */
export function textToValue(schema: JsonSchema, text: string): unknown {
  if (text === '') return undefined;
  const type = schemaType(schema);
  if ((type === 'integer' || type === 'number') && /^\s*-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** A body as the form holds it: the same value with JSON boxes where the form draws none, or all raw when it does not fit. */
export function bodyToForm(schema: JsonSchema | undefined, body: unknown, components: Components): unknown {
  const fitted = fitForm(schema, body, components, 0);
  return fitted === NO_FIT ? new JsonText(JSON.stringify(body, null, 2)) : fitted;
}

const NO_FIT = Symbol('no fit');

function fitForm(schema: JsonSchema | undefined, value: unknown, components: Components, depth: number): unknown {
  const resolved = resolveSchema(schema, components);
  if (value === undefined) return undefined;
  switch (schemaKind(resolved, depth)) {
    case 'json':
      return new JsonText(JSON.stringify(value, null, 2));
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return NO_FIT;
      const properties = resolved.properties ?? {};
      const fitted: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        if (!properties[key]) return NO_FIT;
        fitted[key] = fitForm(properties[key], item, components, depth + 1);
        if (fitted[key] === NO_FIT) return NO_FIT;
      }
      return fitted;
    }
    case 'array': {
      if (!Array.isArray(value)) return NO_FIT;
      const items = value.map((item) => fitForm(resolved.items, item, components, depth + 1));
      return items.includes(NO_FIT) ? NO_FIT : items;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : NO_FIT;
    case 'number':
      return typeof value === 'number' ? value : NO_FIT;
    case 'text':
      return typeof value === 'string' ? value : NO_FIT;
    default:
      return resolved.enum?.includes(value) ? value : NO_FIT;
  }
}

/** Whether the body's schema is one the form can draw (an object or an array at the top), else it is raw JSON only. */
export function bodyHasForm(operation: ListedOperation, components: Components): boolean {
  const kind = schemaKind(resolveSchema(operation.requestBody?.schema, components), 0);
  return kind === 'object' || kind === 'array';
}
