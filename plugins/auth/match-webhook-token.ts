import { timingSafeEqual } from 'node:crypto';
import { entryOf } from '../../runtime/index.js';

/**
 * The token stored at INSTALLED for the webhook served at `routePath`. Clockify's payload keys webhooks by
 * manifest path in the docs but by full URL in samples (PLATFORM.md §4), so this looks, in order, for the path
 * itself, a URL whose path is the add-on's base path plus the route's, then a URL whose path ends with the route's.
 */
export function findWebhookToken(stored: Readonly<Record<string, string>>, routePath: string, basePath: string): string | undefined {
  if (stored[routePath] !== undefined) return stored[routePath];
  const byPath = Object.entries(stored).map(([key, token]) => ({ path: pathOf(key), token }));
  const expected = trimSlash(basePath) + routePath;
  return (byPath.find(({ path }) => path === expected) ?? byPath.find(({ path }) => path?.endsWith(routePath)))?.token;
}

// Per stored-token record: the installations service hands every request of a workspace the same frozen record for
// as long as it caches it, so the route's token is looked up (through URLs, see above) and encoded once per record,
// not per delivery, and the bytes live exactly as long as the decrypted token they come from.
const bytesByRecord = new WeakMap<Readonly<Record<string, string>>, Map<string, Buffer | null>>();

/** The bytes of the token stored for the webhook at `routePath`; undefined when none is stored for it. */
export function storedTokenBytes(stored: Readonly<Record<string, string>>, routePath: string, basePath: string): Buffer | undefined {
  const byRoute = entryOf(bytesByRecord, stored, () => new Map<string, Buffer | null>());
  const bytes = entryOf(byRoute, routePath, () => {
    const token = findWebhookToken(stored, routePath, basePath);
    return token === undefined ? null : Buffer.from(token);
  });
  return bytes ?? undefined;
}

/**
 * Compares in constant time for a given length. Only the length can show through timing, and a token's length says
 * nothing an attacker could use: Clockify's tokens are JWTs of a known shape. (Hashing both sides first would hide
 * it too, at two SHA-256 of a kilobyte per delivery, the largest cost of the webhook policy.)
 */
export function isSameToken(presented: string, stored: Buffer): boolean {
  const bytes = Buffer.from(presented);
  return bytes.length === stored.length && timingSafeEqual(bytes, stored);
}

function pathOf(key: string): string | undefined {
  try {
    return trimSlash(new URL(key).pathname);
  } catch {
    return undefined;
  }
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path === '/' ? '' : path;
}
