import type { Hono } from 'hono';

/** A page as the test client received it. */
export interface Page {
  readonly status: number;
  readonly headers: Headers;
  readonly html: string;
}

/**
 * A minimal browser for route tests on `app.request`: keeps cookies, reads forms' hidden fields
 * and posts forms as `application/x-www-form-urlencoded`.
 */
export class TestClient {
  readonly #app: Hono;
  readonly #cookies = new Map<string, string>();
  readonly #headers: Record<string, string>;

  constructor(app: Hono, headers: Record<string, string> = {}) {
    this.#app = app;
    this.#headers = headers;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.#send(path, { method: 'GET', headers });
  }

  /** Posts `fields` (repeat a name by giving an array) as a form. */
  async post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const v of [value].flat()) body.append(name, v);
    }
    return this.#send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: body.toString(),
    });
  }

  /** Sends a raw request with the client's cookies. */
  async raw(path: string, init: RequestInit): Promise<Page> {
    return this.#send(path, init);
  }

  clearCookies(): void {
    this.#cookies.clear();
  }

  async #send(path: string, init: RequestInit): Promise<Page> {
    const cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = new Headers({ ...this.#headers, ...(init.headers as Record<string, string>) });
    if (cookie !== '') headers.set('cookie', cookie);
    const res = await this.#app.request(path, { ...init, headers });
    for (const setCookie of res.headers.getSetCookie()) {
      const [pair = ''] = setCookie.split(';');
      const eq = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { status: res.status, headers: res.headers, html: await res.text() };
  }
}

/** The value of the hidden or text input `name` in the first form that has it (`action` narrows the form). */
export function inputValue(html: string, name: string, action?: string): string | undefined {
  const scope = action === undefined ? html : formWithAction(html, action);
  const match = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(scope ?? '');
  return match?.[1]
    ?.replaceAll('&amp;', '&')
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
}

/** The action of each form on the page. */
export function formActions(html: string): string[] {
  return [...html.matchAll(/<form[^>]*action="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
}

function formWithAction(html: string, action: string): string | undefined {
  const start = html.indexOf(`action="${action}"`);
  if (start === -1) return undefined;
  const end = html.indexOf('</form>', start);
  return html.slice(start, end);
}
