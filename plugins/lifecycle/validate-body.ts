import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { HttpError, type LifecycleType } from '../../runtime/index.js';
import { lifecycleBodySchemas } from './body-schemas.js';
import type { LifecycleBodies } from './payloads.js';

export interface FieldError {
  /** JSON Pointer of the offending field (`/webhooks/0/authToken`); `/` for the body itself. */
  field: string;
  message: string;
}

export type BodyValidator = (<T extends LifecycleType>(type: T, body: unknown) => LifecycleBodies[T]) & {
  /** Compiles the schema of `type` now, ahead of its first call. */
  prepare(type: LifecycleType): void;
};

/**
 * Compiles each body schema on the first call of its type, or when `prepare`d (start-up time counts, so not while
 * booting), then keeps it; the validator answers a bad body with 400 INVALID_LIFECYCLE_BODY listing each field.
 */
export function createBodyValidator(): BodyValidator {
  let ajv: Ajv | undefined;
  const validators = new Map<LifecycleType, ValidateFunction>();
  const compiled = (type: LifecycleType) => {
    ajv ??= new Ajv({ allErrors: true, strict: true });
    const validate = validators.get(type) ?? ajv.compile(lifecycleBodySchemas[type]);
    validators.set(type, validate);
    return validate;
  };
  const validateBody = <T extends LifecycleType>(type: T, body: unknown): LifecycleBodies[T] => {
    const validate = compiled(type);
    if (validate(body)) return body as LifecycleBodies[T];
    const errors = (validate.errors ?? []).map(toFieldError);
    const summary = errors.map((error) => `${error.field} ${error.message}`).join('; ');
    throw new HttpError(400, 'INVALID_LIFECYCLE_BODY', `the ${type} body is invalid: ${summary}`, { details: { errors } });
  };
  return Object.assign(validateBody, { prepare: (type: LifecycleType) => void compiled(type) });
}

function toFieldError(error: ErrorObject): FieldError {
  const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
  const field = `${error.instancePath}${missing}` || '/';
  if (error.keyword === 'required') return { field, message: 'is required' };
  const allowed = error.keyword === 'enum' ? `: ${(error.params.allowedValues as unknown[]).join(', ')}` : '';
  return { field, message: `${error.message ?? 'is invalid'}${allowed}` };
}
