import { isSecretKey, REDACTED, redactText } from '../../runtime/index.js';

/**
 * JSON text of a value with secrets masked at any depth, by the rules the logs use: secret-named fields (`authToken`
 * in a webhook listing, a `password`) and JWT-looking strings. Clockify answers can carry tokens that must not reach
 * a browser or the history; `redactSecrets` stops at a depth suited to log records, API answers can go deeper.
 */
export function redactedJson(value: unknown): string {
  return (
    JSON.stringify(value, function redact(key, item: unknown) {
      if (key !== '' && isSecretKey(key) && item !== null && item !== undefined && item !== '') return REDACTED;
      return typeof item === 'string' ? redactText(item) : item;
    }) ?? 'null'
  );
}

/** `text` cut to at most `maxBytes` of UTF-8, never inside a character. */
export function truncateUtf8(text: string, maxBytes: number): { text: string; truncated: boolean; bytes: number } {
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length <= maxBytes) return { text, truncated: false, bytes: buffer.length };
  let end = maxBytes;
  // Continuation bytes look like 10xxxxxx: step back to the first byte of the character that would be split.
  while (end > 0 && ((buffer[end] ?? 0) & 0xc0) === 0x80) end--;
  return { text: buffer.subarray(0, end).toString('utf8'), truncated: true, bytes: buffer.length };
}
