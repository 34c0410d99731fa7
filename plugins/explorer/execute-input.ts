import { type FieldError, invalidRequest, pointer } from './field-errors.js';

/** Parameters as the API receives them: strings, a query parameter possibly repeated. */
export interface CallParams {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  header: Record<string, string>;
}

/** What the browser asks to run: `POST /ui/api-explorer/execute`, a replay, or a preset. */
export interface ExecuteInput {
  operationId?: string;
  method?: string;
  path?: string;
  params: CallParams;
  /** `undefined` (or JSON null) for no body. */
  body?: unknown;
  /** A write runs only with `confirm: true`. */
  confirm: boolean;
  /** Validate and describe the request without sending it. */
  dryRun: boolean;
}

const PARTS = ['path', 'query', 'header'] as const;

/** Checks the envelope's shape (400 with every field error) and turns JSON scalars into the strings HTTP carries. */
export function parseExecuteInput(raw: unknown): ExecuteInput {
  const errors: FieldError[] = [];
  if (!isObject(raw)) throw invalidRequest([{ pointer: '', message: 'must be a JSON object' }]);
  const text = (name: string) => {
    const value = raw[name];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && value !== '') return value;
    errors.push({ pointer: pointer(name), message: 'must be a non-empty string' });
    return undefined;
  };
  const flag = (name: string) => {
    const value = raw[name];
    if (value === undefined || typeof value === 'boolean') return value === true;
    errors.push({ pointer: pointer(name), message: 'must be true or false' });
    return false;
  };
  const input: ExecuteInput = {
    operationId: text('operationId'),
    method: text('method'),
    path: text('path'),
    params: parseParams(raw.params, errors),
    body: raw.body === null ? undefined : raw.body,
    confirm: flag('confirm'),
    dryRun: flag('dryRun'),
  };
  if (input.operationId === undefined && (input.method === undefined || input.path === undefined) && errors.length === 0) {
    errors.push({ pointer: pointer('operationId'), message: 'is required unless "method" and "path" are given' });
  }
  if (errors.length > 0) throw invalidRequest(errors);
  return input;
}

function parseParams(raw: unknown, errors: FieldError[]): CallParams {
  const params: CallParams = { path: {}, query: {}, header: {} };
  if (raw === undefined || raw === null) return params;
  if (!isObject(raw)) {
    errors.push({ pointer: pointer('params'), message: 'must be an object with "path", "query" and "header"' });
    return params;
  }
  for (const name of Object.keys(raw)) {
    if (!(PARTS as readonly string[]).includes(name)) errors.push({ pointer: pointer('params', name), message: 'is not allowed' });
  }
  for (const part of PARTS) {
    const values = raw[part];
    if (values === undefined || values === null) continue;
    if (!isObject(values)) {
      errors.push({ pointer: pointer('params', part), message: 'must be an object of parameter values' });
      continue;
    }
    for (const [name, value] of Object.entries(values)) {
      const converted = toParameterValue(value, part === 'query');
      if (converted === undefined) continue;
      if (converted === INVALID) errors.push({ pointer: pointer('params', part, name), message: expected(part) });
      else (params[part] as Record<string, string | string[]>)[name] = converted;
    }
  }
  return params;
}

const INVALID = Symbol('invalid');

/** null means "not given"; a query parameter may repeat (an array). */
function toParameterValue(value: unknown, repeatable: boolean): string | string[] | undefined | typeof INVALID {
  if (value === null || value === undefined) return undefined;
  if (isScalar(value)) return String(value);
  if (repeatable && Array.isArray(value) && value.every(isScalar)) return value.map(String);
  return INVALID;
}

function expected(part: (typeof PARTS)[number]): string {
  return part === 'query' ? 'must be a string, number, boolean or an array of them' : 'must be a string, number or boolean';
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
