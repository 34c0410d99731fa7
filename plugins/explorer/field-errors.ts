import { HttpError } from '../../runtime/index.js';

/** One problem with the request, at the JSON pointer of the offending value in the request body (`/params/query/page`). */
export interface FieldError {
  readonly pointer: string;
  readonly message: string;
}

const SHOWN_IN_MESSAGE = 3;

/** 400 INVALID_REQUEST listing every field error in `details.errors`; the message names the first few. */
export function invalidRequest(errors: readonly FieldError[]): HttpError {
  const shown = errors.slice(0, SHOWN_IN_MESSAGE).map((error) => `${error.pointer || '/'} ${error.message}`);
  const more = errors.length > SHOWN_IN_MESSAGE ? ` (and ${errors.length - SHOWN_IN_MESSAGE} more)` : '';
  return new HttpError(400, 'INVALID_REQUEST', `the request is invalid: ${shown.join('; ')}${more}`, { details: { errors } });
}

/** `/params/path/x~1y`: names are escaped as RFC 6901 requires. */
export function pointer(...segments: readonly string[]): string {
  return segments.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
