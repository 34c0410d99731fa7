import type { ApiOperation, OperationValidators } from '../../runtime/index.js';
import type { CallParams } from './execute-input.js';
import { type FieldError, invalidRequest, pointer } from './field-errors.js';
import { unsafePathValue } from './path-values.js';

const PARTS = ['path', 'query', 'header'] as const;

/**
 * Every problem with a call's parameters and body at once, as field errors at their place in the execute request
 * (`/params/query/page-size`, `/body/name`): parameters the operation does not declare, unsafe path values, then the
 * operation's own Ajv validators (compiled on first use).
 */
export function validateCall(validators: OperationValidators, operation: ApiOperation, params: CallParams, body: unknown): void {
  const errors: FieldError[] = [...undeclared(operation, params), ...unsafePathValues(operation, params)];
  const checked = validators.params(operation.operationId, params);
  errors.push(...checked.issues.map((issue) => ({ pointer: `/params${issue.pointer}`, message: issue.message })));
  errors.push(...bodyErrors(validators, operation, body));
  if (errors.length > 0) throw invalidRequest(errors);
}

/** Only declared parameters are sent: the explorer is a window on the documented API, not a raw HTTP client. */
function undeclared(operation: ApiOperation, params: CallParams): FieldError[] {
  const errors: FieldError[] = [];
  for (const part of PARTS) {
    const declared = new Set(
      operation.parameters.filter((parameter) => parameter.in === part).map((parameter) => key(part, parameter.name)),
    );
    for (const name of Object.keys(params[part])) {
      if (!declared.has(key(part, name))) {
        errors.push({ pointer: pointer('params', part, name), message: `is not a ${part} parameter of ${operation.operationId}` });
      }
    }
  }
  return errors;
}

function unsafePathValues(operation: ApiOperation, params: CallParams): FieldError[] {
  return Object.entries(params.path).flatMap(([name, value]) => {
    const problem = operation.parameters.some((parameter) => parameter.in === 'path' && parameter.name === name) && unsafePathValue(value);
    return problem ? [{ pointer: pointer('params', 'path', name), message: problem }] : [];
  });
}

function bodyErrors(validators: OperationValidators, operation: ApiOperation, body: unknown): FieldError[] {
  if (body !== undefined && !operation.requestBody) return [{ pointer: '/body', message: `${operation.operationId} takes no body` }];
  return [...validators.body(operation.operationId, body).issues];
}

/** Header names are case-insensitive. */
function key(part: (typeof PARTS)[number], name: string): string {
  return part === 'header' ? name.toLowerCase() : name;
}
