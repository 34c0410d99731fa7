import { hash, timingSafeEqual } from 'node:crypto';
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
// as long as it caches it, so the route's token is looked up (through URLs, see above) and hashed once per record, not
// per delivery, and the digest lives exactly as long as the decrypted token it comes from.
const digestsByRecord = new WeakMap<Readonly<Record<string, string>>, Map<string, Buffer | null>>();

/** The digest of the token stored for the webhook at `routePath`; undefined when none is stored for it. */
export function storedTokenDigest(stored: Readonly<Record<string, string>>, routePath: string, basePath: string): Buffer | undefined {
  const digests = entryOf(digestsByRecord, stored, () => new Map<string, Buffer | null>());
  const digest = entryOf(digests, routePath, () => {
    const token = findWebhookToken(stored, routePath, basePath);
    return token === undefined ? null : sha256(token);
  });
  return digest ?? undefined;
}

/** Compares in constant time: the presented token is hashed too, so neither length nor content leaks through timing. */
export function isSameToken(presented: string, storedDigest: Buffer): boolean {
  return timingSafeEqual(sha256(presented), storedDigest);
}

function sha256(text: string): Buffer {
  return hash('sha256', text, 'buffer');
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
