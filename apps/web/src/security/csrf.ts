import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** Name of the hidden form field that carries the CSRF token. */
export const CSRF_FIELD = '_csrf';

const COOKIE_BYTES = 32;

/**
 * CSRF protection for the public forms: a random value in a `SameSite=Strict`, `HttpOnly` cookie
 * (double submit), and in each form a token that is the HMAC of that value and the form's path,
 * so a token works only with its own cookie and only for the form it was rendered into. A POST
 * from another origin is refused as well.
 */
export class CsrfGuard {
  readonly #key: Buffer;
  readonly #cookieName: string;
  readonly #secure: boolean;
  readonly #origin: string;
  /** Cookie values set during a request, so several forms on one page share one cookie. */
  readonly #issued = new WeakMap<Request, string>();

  constructor(secret: string, publicUrl: string) {
    this.#key = createHmac('sha256', secret).update('regiokit/web-csrf/v1').digest();
    const url = new URL(publicUrl);
    this.#secure = url.protocol === 'https:';
    // __Host- binds the cookie to this exact host and path "/" (only allowed over https)
    this.#cookieName = this.#secure ? '__Host-rk_csrf' : 'rk_csrf';
    this.#origin = url.origin;
  }

  /** The token for a form that posts to `path`; sets the cookie when the request has none. */
  issue(c: Context, path: string): string {
    let value = this.#readCookie(c) ?? this.#issued.get(c.req.raw);
    if (value === undefined) {
      value = randomBytes(COOKIE_BYTES).toString('base64url');
      this.#issued.set(c.req.raw, value);
      setCookie(c, this.#cookieName, value, {
        path: '/',
        httpOnly: true,
        secure: this.#secure,
        sameSite: 'Strict',
        maxAge: 12 * 3600,
      });
    }
    return this.#sign(value, path);
  }

  /** Whether a POST to `path` carries a token that matches its cookie and comes from this site. */
  verify(c: Context, path: string, token: unknown): boolean {
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null' && origin !== this.#origin) return false;
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const value = this.#readCookie(c);
    if (value === undefined || typeof token !== 'string' || token.length > 100) return false;
    const expected = Buffer.from(this.#sign(value, path));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  #readCookie(c: Context): string | undefined {
    const value = getCookie(c, this.#cookieName);
    return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
  }

  #sign(value: string, path: string): string {
    return createHmac('sha256', this.#key).update(`${value}\n${path}`).digest('base64url');
  }
}
