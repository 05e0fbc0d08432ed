import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { API_CSP, DOCUMENT_CSP, PAGE_CSP, securityHeaders } from './security-headers';

const FIXED = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

function appWith(https: boolean): Hono {
  const app = new Hono();
  app.use(securityHeaders({ https }));
  app.get('/seite', (c) => {
    c.header('X-Powered-By', 'somebody');
    return c.html('<p>Seite</p>');
  });
  app.get('/api/v1/ding', (c) => c.json({ ok: true }));
  app.get('/dokument', (c) => {
    c.header('Content-Security-Policy', DOCUMENT_CSP);
    c.header('Cache-Control', 'public, max-age=300');
    // a handler cannot loosen the fixed headers
    c.header('X-Frame-Options', 'SAMEORIGIN');
    return c.html('<p>Dokument</p>');
  });
  return app;
}

/** Every header of an answer except the ones the body decides. */
async function headersOf(app: Hono, path: string): Promise<Record<string, string>> {
  const res = await app.request(path);
  const all = Object.fromEntries(res.headers.entries());
  delete all['content-type'];
  delete all['content-length'];
  return all;
}

describe('securityHeaders', () => {
  it.each([
    ['/seite', { 'content-security-policy': PAGE_CSP, 'cache-control': 'no-store' }],
    ['/api/v1/ding', { 'content-security-policy': API_CSP, 'cache-control': 'no-store' }],
    ['/dokument', { 'content-security-policy': DOCUMENT_CSP, 'cache-control': 'public, max-age=300' }],
  ])('sets exactly the policy on %s over http', async (path, own) => {
    expect(await headersOf(appWith(false), path)).toEqual({ ...FIXED, ...own });
  });

  it('adds HSTS for a year with subdomains when the public address is https', async () => {
    expect(await headersOf(appWith(true), '/seite')).toEqual({
      ...FIXED,
      'content-security-policy': PAGE_CSP,
      'cache-control': 'no-store',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
  });
});
