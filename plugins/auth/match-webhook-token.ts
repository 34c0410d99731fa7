import { hash, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';

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

/** Compares in constant time: both sides are hashed first, so neither length nor content leaks through timing. */
export function isSameToken(presented: string, stored: string): boolean {
  return timingSafeEqual(sha256(presented), storedDigest(stored));
}

// A webhook's stored token is the same on every delivery: its digest is computed once, not per request. Keyed by the
// token itself (in memory only, like the decrypted installation cache it comes from).
const storedDigests = new LRUCache<string, Buffer>({ max: 10_000 });

function storedDigest(stored: string): Buffer {
  let digest = storedDigests.get(stored);
  if (!digest) {
    digest = sha256(stored);
    storedDigests.set(stored, digest);
  }
  return digest;
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
