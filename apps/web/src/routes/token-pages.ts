import type { Subscriber } from '@regiokit/core';
import { type TokenClaims, type TokenPurpose, verifyToken } from '@regiokit/store';
import type { Context } from 'hono';
import { z } from 'zod';
import { type FormFields, readFormBody, validateForm } from '../http/form-body';
import { sendErrorPage } from '../pages/error-page';
import { createPageContext, type PageContext } from '../pages/page-context';
import { CSRF_FIELD } from '../security/csrf';
import { loadRegionView, type RegionView } from '../services/region-view';
import type { WebContext } from '../web-context';

/** A page reached through a signed link, with what the token says and the subscriber's region. */
export interface TokenPage {
  readonly token: string;
  readonly claims: TokenClaims;
  readonly subscriber: Subscriber;
  readonly view: RegionView;
  readonly ctx: PageContext;
}

// base64url payload "." base64url MAC; a real token is about 130 characters
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,400}\.[A-Za-z0-9_-]{43}$/;

/**
 * Checks the link's token for `purpose` (signature in constant time, purpose, expiry) and loads
 * its subscriber and region. Answers with the invalid-link page when anything is wrong; the page
 * never says which part failed.
 */
export async function openTokenPage(
  c: Context,
  web: WebContext,
  purpose: TokenPurpose,
): Promise<TokenPage | { response: Response | Promise<Response> }> {
  const lang = web.pageLanguage(c);
  const token = c.req.param('token') ?? '';
  const check = TOKEN_SHAPE.test(token) ? verifyToken(web.deps.secret, token, purpose, web.now()) : undefined;
  const subscriber =
    check?.valid === true ? await web.deps.store.subscribers.get(check.claims.subscriberId) : undefined;
  const view =
    subscriber === undefined ? undefined : await loadRegionView(web.deps.store, subscriber.regionId);
  if (check?.valid !== true || subscriber === undefined || view === undefined) {
    return { response: sendErrorPage(c, createPageContext(lang, c.req.path), 'invalid-link') };
  }
  return {
    token,
    claims: check.claims,
    subscriber,
    view,
    ctx: createPageContext(lang, c.req.path, view.theme),
  };
}

/**
 * The common checks of a form post on a token page: the rate limit per IP, a form body, and the
 * CSRF token for this path. Returns the fields, or the error answer.
 */
export async function readTokenPagePost(
  c: Context,
  web: WebContext,
  ctx: PageContext,
): Promise<{ fields: FormFields } | { response: Response | Promise<Response> }> {
  const rate = await web.deps.rateLimiter.hit(web.limits.publicPostPerIp, web.clientIp(c));
  if (!rate.allowed) return { response: sendErrorPage(c, ctx, 'too-many', rate.retryAfterSeconds) };
  const fields = await readFormBody(c);
  if (fields === undefined) return { response: sendErrorPage(c, ctx, 'bad-request') };
  if (!web.csrf.verify(c, c.req.path, fields[CSRF_FIELD]))
    return { response: sendErrorPage(c, ctx, 'form-expired') };
  return { fields };
}

/** The form of a page whose only control is a button: nothing but the CSRF token. */
const ButtonForm = z.strictObject({ [CSRF_FIELD]: z.string().max(100) });

/** {@link readTokenPagePost} for a button form: any field but the CSRF token is refused. */
export async function readButtonPost(
  c: Context,
  web: WebContext,
  ctx: PageContext,
): Promise<{ response: Response | Promise<Response> } | undefined> {
  const post = await readTokenPagePost(c, web, ctx);
  if ('response' in post) return post;
  return validateForm(ButtonForm, post.fields).ok
    ? undefined
    : { response: sendErrorPage(c, ctx, 'bad-request') };
}

/** The list a token or subscriber refers to, by name, for the page text. */
export function listName(view: RegionView, listId: string | undefined): string | undefined {
  return listId === undefined || listId === '' ? undefined : view.lists.find((l) => l.id === listId)?.name;
}
