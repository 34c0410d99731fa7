import { secureHeaders } from 'hono/secure-headers';
import { AddonError } from '../errors/index.js';
import type { AddonMiddleware } from './types.js';

/** Origins that may frame an add-on page: Clockify's web app (regional hosts are subdomains of clockify.me). */
export const CLOCKIFY_FRAME_ANCESTORS = ["'self'", 'https://*.clockify.me', 'https://clockify.me'] as const;

export interface UiSecurityHeadersOptions {
  /** More origins allowed to frame the page (a self-hosted or test Clockify), e.g. `http://localhost:4010`. */
  extraFrameAncestors?: readonly string[];
  /** More CSP sources for `connect-src` and `img-src`, when the page must reach a host other than its own. */
  extraConnectSources?: readonly string[];
}

// A CSP source is one token; a space, comma or semicolon would smuggle in another directive.
const CSP_SOURCE = /^[^\s;,'"]+$|^'self'$/;

/**
 * Security headers for pages Clockify shows in its iframe. The page must stay frameable by Clockify, so
 * framing is governed by CSP `frame-ancestors` and `X-Frame-Options` is not sent (it cannot name Clockify).
 * `Referrer-Policy: no-referrer` because the page URL carries the user token in `?auth_token=`.
 */
export function uiSecurityHeaders({ extraFrameAncestors = [], extraConnectSources = [] }: UiSecurityHeadersOptions = {}): AddonMiddleware {
  for (const source of [...extraFrameAncestors, ...extraConnectSources]) {
    if (!CSP_SOURCE.test(source)) {
      throw new AddonError('CONFIG_INVALID', `"${source}" is not a single CSP source; give an origin such as https://app.example.com`);
    }
  }
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
      formAction: ["'self'"],
      imgSrc: ["'self'", 'data:', ...extraConnectSources],
      connectSrc: ["'self'", ...extraConnectSources],
      frameAncestors: [...CLOCKIFY_FRAME_ANCESTORS, ...extraFrameAncestors],
    },
    xFrameOptions: false,
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    // A same-origin CORP would stop Clockify's page from embedding this one if Clockify ever enables COEP.
    crossOriginResourcePolicy: false,
  });
  return async function uiSecurityHeaders(c, next) {
    await headers(c, next);
  };
}
