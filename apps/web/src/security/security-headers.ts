import type { MiddlewareHandler } from 'hono';

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
 * Sets strict security headers on every answer. Handlers may replace the CSP (documents) and
 * `Cache-Control` (archive pages); everything else is fixed.
 */
export function securityHeaders(options: { https: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('Content-Security-Policy')) {
      h.set('Content-Security-Policy', c.req.path.startsWith('/api/') ? API_CSP : PAGE_CSP);
    }
    h.set('Referrer-Policy', 'no-referrer');
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
    if (options.https) h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    h.delete('X-Powered-By');
  };
}
