import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { renderMessagePage } from './layout';
import type { PageContext } from './page-context';

/** The error pages of the public side; none of them shows internal details. */
export type PageError = 'bad-request' | 'form-expired' | 'not-found' | 'invalid-link' | 'too-many' | 'server';

const STATUS: Record<PageError, ContentfulStatusCode> = {
  'bad-request': 400,
  'form-expired': 403,
  'not-found': 404,
  'invalid-link': 400,
  'too-many': 429,
  server: 500,
};

/** Answers with the error page for `error` in the page's language. */
export function sendErrorPage(c: Context, ctx: PageContext, error: PageError, retryAfterSeconds?: number) {
  const e = ctx.m.errors;
  const [title, text] = (
    {
      'bad-request': [e.badRequest, ctx.m.problems.form],
      'form-expired': [e.badRequest, e.formExpired],
      'not-found': [e.notFound, e.notFoundText],
      'invalid-link': [e.invalidLink, e.invalidLinkText],
      'too-many': [e.tooManyRequests, e.tooManyRequestsText],
      server: [e.serverError, e.serverErrorText],
    } satisfies Record<PageError, [string, string]>
  )[error];
  if (retryAfterSeconds !== undefined) c.header('Retry-After', String(retryAfterSeconds));
  return c.html(renderMessagePage(ctx, title, [text]), STATUS[error]);
}
