import type { ClockifyResponse } from '../../runtime/index.js';
import { redactText } from '../../runtime/index.js';
import { redactedJson, truncateUtf8 } from './redact-json.js';

/** What the browser gets back from an executed call. */
export interface ExplorerResponse {
  status: number;
  headers: Record<string, string>;
  /** The answer's JSON (or text); when over the size limit, the first bytes of its text and `truncated: true`. */
  body: unknown;
  durationMs: number;
  truncated: boolean;
  /** Size of the whole (redacted) body in bytes. */
  sizeBytes: number;
  attempts: number;
}

// Headers that describe the answer and hold nothing about the session; anything else (cookies, tracing ids that
// could be correlated, hop-by-hop headers, content-length of a body we may cut) stays on the server.
const SAFE_HEADERS = ['content-type', 'date', 'etag', 'last-modified', 'retry-after', 'location', 'cache-control'];

/** Clockify's answer, redacted, as text: JSON for JSON bodies, the text itself otherwise, '' for none. */
export function responseText(body: unknown): string {
  if (body === null || body === undefined) return '';
  return typeof body === 'string' ? redactText(body) : redactedJson(body);
}

/** The browser's view of an answer: safe headers, secrets masked, the body cut beyond `maxBytes`. */
export function shapeResponse(response: ClockifyResponse, text: string, maxBytes: number): ExplorerResponse {
  const cut = truncateUtf8(text, maxBytes);
  let body: unknown = cut.text;
  if (!cut.truncated && typeof response.body !== 'string') body = text === '' ? null : JSON.parse(text);
  return {
    status: response.status,
    headers: safeHeaders(response.headers),
    body,
    durationMs: Math.round(response.durationMs),
    truncated: cut.truncated,
    sizeBytes: cut.bytes,
    attempts: response.attempts,
  };
}

function safeHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (SAFE_HEADERS.includes(name.toLowerCase())) safe[name.toLowerCase()] = redactText(value);
  }
  return safe;
}
