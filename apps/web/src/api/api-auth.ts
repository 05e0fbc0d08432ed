import { type ApiToken, apiTokenCoversRegion } from '@regiokit/store';
import type { Context } from 'hono';
import type { WebContext } from '../web-context';
import { ApiError } from './api-error';

/**
 * Authenticates an API call by its bearer token, checked by the store (`apiTokens.verify`:
 * unknown, revoked and expired tokens fail). Failures are counted per client IP; beyond the
 * limit the answer is 429 instead of 401. Every call of a token counts against its own limit.
 */
export async function authenticateApiCall(c: Context, web: WebContext): Promise<ApiToken> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer ([\x21-\x7e]{1,200})$/.exec(header);
  const token = match === null ? null : await web.deps.store.apiTokens.verify(match[1]!);
  if (token === null) {
    const failures = await web.deps.rateLimiter.hit(web.limits.apiAuthFailuresPerIp, web.clientIp(c));
    if (!failures.allowed) throw rateLimited(c, failures.retryAfterSeconds);
    c.header('WWW-Authenticate', 'Bearer realm="regiokit"');
    throw new ApiError(
      'UNAUTHORIZED',
      'expected a valid API token in the Authorization header (Bearer rk_…)',
    );
  }
  const calls = await web.deps.rateLimiter.hit(web.limits.apiPerToken, `token:${token.id}`);
  if (!calls.allowed) throw rateLimited(c, calls.retryAfterSeconds);
  return token;
}

/** Refuses a call for a region the token is not scoped to (a token for `*` covers every region). */
export function assertRegionScope(token: ApiToken, regionId: string): void {
  if (!apiTokenCoversRegion(token, regionId)) {
    throw new ApiError('FORBIDDEN', `this token is not valid for region "${regionId}"`);
  }
}

function rateLimited(c: Context, retryAfterSeconds: number): ApiError {
  c.header('Retry-After', String(retryAfterSeconds));
  return new ApiError('RATE_LIMITED', `too many requests; try again in ${retryAfterSeconds} s`);
}
