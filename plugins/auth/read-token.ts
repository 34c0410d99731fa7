import type { Context } from 'hono';

/**
 * Where each kind of Clockify token arrives (PLATFORM.md §3.5). Header names are case-insensitive in HTTP
 * and Hono looks them up that way. An absent or blank token reads as '', which the verifier calls TOKEN_MISSING.
 */

/** `X-Addon-Lifecycle-Token`, or `Clockify-Signature` as older add-ons and SDKs send on lifecycle routes. */
export function readLifecycleToken(c: Context): string {
  return firstPresent(c.req.header('x-addon-lifecycle-token'), c.req.header('clockify-signature'));
}

export function readWebhookToken(c: Context): string {
  return firstPresent(c.req.header('clockify-signature'));
}

/** `Authorization: Bearer`, `X-Addon-Token`, or the iframe URL's `?auth_token=`. */
export function readUserToken(c: Context): string {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
  return firstPresent(bearer, c.req.header('x-addon-token'), c.req.query('auth_token'));
}

function firstPresent(...candidates: (string | undefined)[]): string {
  for (const candidate of candidates) {
    const token = candidate?.trim();
    if (token) return token;
  }
  return '';
}
