import { Ajv, type ErrorObject } from 'ajv';
import { HttpError, LIFECYCLE_TYPES, type LifecycleType } from '../../runtime/index.js';
import { lifecycleBodySchemas } from './body-schemas.js';
import type { LifecycleBodies } from './payloads.js';

export interface FieldError {
  /** JSON Pointer of the offending field (`/webhooks/0/authToken`); `/` for the body itself. */
  field: string;
  message: string;
}

export type BodyValidator = <T extends LifecycleType>(type: T, body: unknown) => LifecycleBodies[T];

/** Compiles the four body schemas once; the validator answers a bad body with 400 INVALID_LIFECYCLE_BODY listing each field. */
export function createBodyValidator(): BodyValidator {
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validators = new Map(LIFECYCLE_TYPES.map((type) => [type, ajv.compile(lifecycleBodySchemas[type])]));
  return function validateBody(type, body) {
    const validate = validators.get(type);
    if (validate?.(body)) return body as LifecycleBodies[typeof type];
    const errors = (validate?.errors ?? []).map(toFieldError);
    const summary = errors.map((error) => `${error.field} ${error.message}`).join('; ');
    throw new HttpError(400, 'INVALID_LIFECYCLE_BODY', `the ${type} body is invalid: ${summary}`, { details: { errors } });
  };
}

function toFieldError(error: ErrorObject): FieldError {
  const missing = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
  const field = `${error.instancePath}${missing}` || '/';
  if (error.keyword === 'required') return { field, message: 'is required' };
  const allowed = error.keyword === 'enum' ? `: ${(error.params.allowedValues as unknown[]).join(', ')}` : '';
  return { field, message: `${error.message ?? 'is invalid'}${allowed}` };
}
