import type { Ajv, ValidateFunction } from 'ajv';
import { AddonError } from '../errors/index.js';
import { createAjv, DOCUMENT_ID } from './create-ajv.js';
import { pointerToFragment } from './json-pointer.js';
import { paramsSchema } from './params-schema.js';
import { prepareForAjv } from './prepare-schemas.js';
import type {
  ApiOperation,
  CoercedParams,
  OpenApiDocument,
  OperationIndex,
  OperationValidators,
  RequestParams,
  Validation,
  ValidatorKind,
} from './types.js';
import { toIssues } from './validation-issues.js';

export interface CreateOperationValidatorsOptions {
  bundled: OpenApiDocument;
  index: OperationIndex;
  /** Named in errors. */
  file: string;
}

// Stands in for "nothing to check" (no body, no response schema), so such operations are cached like the rest.
const acceptAll = Object.assign(() => true, { errors: null }) as unknown as ValidateFunction;

/**
 * Validators for parameters, request bodies and success responses, compiled on first use: a document such as
 * Clockify's full one has hundreds of schemas, and an add-on calls only a few of its operations.
 * Two Ajv instances share the prepared document: parameters need coercion and defaults, bodies must stay as sent.
 */
export function createOperationValidators({ bundled, index, file }: CreateOperationValidatorsOptions): OperationValidators {
  const cache = new Map<string, ValidateFunction>();
  let instances: { plain: Ajv; coercing: Ajv } | undefined;
  const ajv = () => {
    if (!instances) {
      const prepared = prepareForAjv(bundled);
      instances = { plain: createAjv(prepared, { coerce: false }), coercing: createAjv(prepared, { coerce: true }) };
    }
    return instances;
  };

  const validatorFor = (operation: ApiOperation, kind: ValidatorKind): ValidateFunction => {
    const key = cacheKey(operation.operationId, kind);
    let validate = cache.get(key);
    if (!validate) {
      validate = compile(operation, kind);
      cache.set(key, validate);
    }
    return validate;
  };

  const compile = (operation: ApiOperation, kind: ValidatorKind): ValidateFunction => {
    const { plain, coercing } = ajv();
    try {
      if (kind === 'params') return coercing.compile(paramsSchema(operation));
      const pointer = kind === 'body' ? operation.requestBody?.pointer : operation.successResponse?.pointer;
      return pointer === undefined ? acceptAll : plain.compile({ $ref: `${DOCUMENT_ID}${pointerToFragment(pointer)}` });
    } catch (cause) {
      const detail = `the ${kind} schema of operation "${operation.operationId}" does not compile: ${(cause as Error).message}`;
      throw new AddonError('OPENAPI_INVALID', detail, { file }, { cause });
    }
  };

  return {
    params(operationId, input) {
      const value = paramsInput(input);
      const validate = validatorFor(index.require(operationId), 'params');
      const valid = validate(value) as boolean;
      return result(valid, toIssues(validate.errors, ''), value);
    },
    body(operationId, body) {
      const operation = index.require(operationId);
      if (body === undefined) {
        const missing = operation.requestBody?.required ? [{ pointer: '/body', message: 'is required' }] : [];
        return result(missing.length === 0, missing, body);
      }
      const validate = validatorFor(operation, 'body');
      return result(validate(body) as boolean, toIssues(validate.errors, '/body'), body);
    },
    response(operationId, body) {
      const validate = validatorFor(index.require(operationId), 'response');
      return result(validate(body) as boolean, toIssues(validate.errors, '/response'), body);
    },
    precompile(operationId) {
      const operation = index.require(operationId);
      for (const kind of ['params', 'body', 'response'] as const) validatorFor(operation, kind);
    },
    isCompiled: (operationId, kind) => cache.has(cacheKey(operationId, kind)),
    get compiledCount() {
      return cache.size;
    },
  };
}

function cacheKey(operationId: string, kind: ValidatorKind): string {
  return `${kind} ${operationId}`;
}

/** A fresh object per call: coercion and defaults write into it, never into the caller's data. */
function paramsInput(input: RequestParams): CoercedParams {
  const value: CoercedParams = { path: { ...input.path }, query: {}, header: {} };
  for (const [name, raw] of Object.entries(input.query ?? {})) value.query[name] = Array.isArray(raw) ? [...raw] : raw;
  for (const [name, raw] of Object.entries(input.header ?? {})) {
    if (raw !== undefined) value.header[name.toLowerCase()] = Array.isArray(raw) ? raw.join(', ') : raw;
  }
  return value;
}

function result<T>(valid: boolean, issues: Validation<T>['issues'], value: T): Validation<T> {
  return { valid, issues: valid ? [] : issues, value };
}
