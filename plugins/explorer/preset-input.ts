import type { OperationIndex } from '../../runtime/index.js';
import { parseExecuteInput } from './execute-input.js';
import { type FieldError, invalidRequest, pointer } from './field-errors.js';
import type { PresetInput } from './preset-store.js';

const FIELDS = ['name', 'operationId', 'params', 'body'];

/** `{ name, operationId, params?, body? }` for a preset: the operation must be the document's; values are checked when run. */
export function parsePresetInput(raw: unknown, index: OperationIndex): PresetInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw invalidRequest([{ pointer: '', message: 'must be a JSON object' }]);
  const fields = raw as Record<string, unknown>;
  const errors: FieldError[] = Object.keys(fields)
    .filter((key) => !FIELDS.includes(key))
    .map((key) => ({ pointer: pointer(key), message: 'is not allowed' }));
  const name = typeof fields.name === 'string' ? fields.name.trim() : '';
  if (name === '' || name.length > 100) errors.push({ pointer: '/name', message: 'must be a name of 1 to 100 characters' });
  if (fields.operationId === undefined) errors.push({ pointer: '/operationId', message: 'is required' });
  if (errors.length > 0) throw invalidRequest(errors);
  const { operationId, params, body } = parseExecuteInput({ operationId: fields.operationId, params: fields.params, body: fields.body });
  if (operationId === undefined || !index.get(operationId)) {
    throw invalidRequest([{ pointer: '/operationId', message: 'is not an operation of the OpenAPI document' }]);
  }
  return { name, operationId, params, ...(body === undefined ? {} : { body }) };
}
