import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/** CSP of the app's own pages: nothing inline, styles and images only from this origin. */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/**
 * CSP of press release pages rendered by @regiokit/content: their styles are inline, their images come from the record; still no script, no forms, no frames.
 */
export const DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * CSP of a newsletter's web version: its style sheet comes from this origin, its images from the
 * issue; no inline style, no script, no forms, no frames.
 */
export const NEWSLETTER_PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src https: data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/** CSP of JSON answers. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The fixed headers of every answer, through hono's `secureHeaders`: the same policy on every
 * page, document and API answer, which no handler can loosen (a handler's own value is
 * overwritten). Headers hono sends by default that are not part of this policy are off.
 */
function fixedHeaders(https: boolean): MiddlewareHandler {
  return secureHeaders({
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginResourcePolicy: 'same-origin',
    originAgentCluster: false,
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
    xContentTypeOptions: 'nosniff',
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: 'DENY',
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
    removePoweredBy: true,
    overwrite: true,
  });
}

/**
 * Sets strict security headers on every answer. Handlers may replace the CSP (documents) and
 * `Cache-Control` (archive pages); everything else is fixed.
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  const fixed = fixedHeaders(options.https);
  return (c, next) =>
    fixed(c, async () => {
      await next();
      const h = c.res.headers;
      if (!h.has('Content-Security-Policy')) {
        h.set('Content-Security-Policy', c.req.path.startsWith('/api/') ? API_CSP : PAGE_CSP);
      }
      if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
    });
}
