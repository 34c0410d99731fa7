/** Keys whose values are secrets wherever they appear (headers, bodies, options, errors). */
const SECRET_KEY = /token|secret|password|passwd|authorization|signature|api[-_]?key|cookie|private[-_]?key|encryption[-_]?key/i;
/** A JWT anywhere inside a string: three base64url parts, the first starting with `eyJ` (`{"`). */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/** Query parameters that carry tokens, e.g. the sidebar's `?auth_token=`. */
const SECRET_QUERY = /([?&](?:auth_token|token|access_token|api_key)=)[^&#\s]*/gi;

export const REDACTED = '[REDACTED]';

/** True for a field name whose value is a secret wherever it appears (`authToken`, `password`, `X-Api-Key`…). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** Scrubs secrets from a string: JWTs and token-carrying query parameters. */
export function redactText(text: string): string {
  return text.replace(JWT, REDACTED).replace(SECRET_QUERY, `$1${REDACTED}`);
}

/**
 * A deep copy of `value` with secret-named fields replaced and JWT-looking strings scrubbed.
 * Used on every log record, so a token passed by mistake never reaches the output.
 */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8 || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Error) return redactError(value, depth, seen);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
  if (value instanceof Date) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] =
      SECRET_KEY.test(key) && item !== null && item !== undefined && item !== '' ? REDACTED : redactSecrets(item, depth + 1, seen);
  }
  return copy;
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const extra = redactSecrets({ ...error }, depth + 1, seen) as Record<string, unknown>;
  return {
    ...extra,
    type: error.name,
    message: redactText(error.message),
    stack: error.stack ? redactText(error.stack) : undefined,
    ...(error.cause ? { cause: redactSecrets(error.cause, depth + 1, seen) } : {}),
  };
}
