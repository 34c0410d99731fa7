import type { ApiOperation, OperationIndex } from '../../runtime/index.js';
import { HttpError } from '../../runtime/index.js';
import type { CallParams, ExecuteInput } from './execute-input.js';
import { type FieldError, invalidRequest, pointer } from './field-errors.js';

export interface ResolvedCall {
  operation: ApiOperation;
  /** The input's parameters, with path parameters taken from a concrete `path` added. */
  params: CallParams;
}

// A path names an operation only: a query or fragment would be smuggled past params.query, a backslash or space
// would be normalised into something else by a URL parser.
const PLAIN_PATH = /^\/[^?#\\\s]*$/;

/** The operation an execute request names, by operationId or by method and path (a template or a concrete path). */
export function resolveOperation(index: OperationIndex, input: ExecuteInput): ResolvedCall {
  if (input.operationId !== undefined) {
    const operation = index.get(input.operationId);
    if (!operation) throw unknownOperation(`operationId "${input.operationId.slice(0, 200)}"`);
    return { operation, params: input.params };
  }
  const method = (input.method ?? '').toUpperCase();
  const path = input.path ?? '';
  if (!PLAIN_PATH.test(path)) {
    const message = 'must be an API path starting with "/" without "?", "#", "\\" or spaces (give query parameters in params.query)';
    throw invalidRequest([{ pointer: pointer('path'), message }]);
  }
  const match = index.match(method, path);
  if (!match) throw unknownOperation(`${method} ${path.slice(0, 200)}`);
  return { operation: match.operation, params: { ...input.params, path: mergePathParams(match.params, input.params.path) } };
}

/** Values read from a concrete path, plus those given in params.path; the two must agree where both are given. */
function mergePathParams(fromPath: Readonly<Record<string, string>>, given: Readonly<Record<string, string>>): Record<string, string> {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(fromPath)) {
    if (given[name] !== undefined && given[name] !== value) {
      errors.push({ pointer: pointer('params', 'path', name), message: 'differs from the value in "path"' });
    }
  }
  if (errors.length > 0) throw invalidRequest(errors);
  return { ...fromPath, ...given };
}

function unknownOperation(what: string): HttpError {
  return new HttpError(404, 'OPERATION_UNKNOWN', `the OpenAPI document has no operation for ${what}`);
}
