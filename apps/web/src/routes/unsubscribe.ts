import { StoreError } from '@regiokit/store';
import type { Context, Hono } from 'hono';
import { readFormBody } from '../http/form-body';
import { absoluteUrl, PATHS } from '../http/links';
import { sendErrorPage } from '../pages/error-page';
import { withLanguage } from '../pages/page-context';
import { renderActionPage, renderOutcomePage } from '../pages/subscriber-pages';
import type { WebContext } from '../web-context';
import { listName, openTokenPage, readButtonPost, type TokenPage } from './token-pages';

/**
 * The unsubscribe link of every mail: GET shows a page with a button, POST unsubscribes. The
 * RFC 8058 one-click POST (`List-Unsubscribe=One-Click`, sent by mail providers without cookies)
 * unsubscribes at once. The token names the subscriber and the list, never topics, so it keeps
 * working after the subscriber changed topics.
 */
export function registerUnsubscribeRoutes(app: Hono, web: WebContext): void {
  app.get('/u/:token', async (c) => {
    const page = await openTokenPage(c, web, 'unsubscribe');
    if ('response' in page) return page.response;
    const { ctx, view } = page;
    const name = listName(view, page.claims.ref);
    return c.html(
      renderActionPage(ctx, {
        title: ctx.m.unsubscribe.title,
        text:
          name === undefined ? ctx.m.unsubscribe.textAll(view.theme.brand) : ctx.m.unsubscribe.textList(name),
        button: ctx.m.unsubscribe.button,
        action: withLanguage(ctx, c.req.path),
        csrfToken: web.csrf.issue(c, c.req.path),
      }),
    );
  });

  app.post('/u/:token', async (c) => {
    const page = await openTokenPage(c, web, 'unsubscribe');
    if ('response' in page) return page.response;
    if (await isOneClick(c)) {
      await web.deps.store.optIn.unsubscribe(page.token, web.clientContext(c, 'api'));
      web.logger.info({ regionId: page.view.region.id }, 'one-click unsubscribe');
      return c.text(page.ctx.m.unsubscribe.oneClickDone, 200);
    }
    const refused = await readButtonPost(c, web, page.ctx);
    if (refused !== undefined) return refused.response;
    return unsubscribeOnPage(c, web, page, page.token);
  });
}

/** Unsubscribes with `unsubscribeToken`, mails the confirmation when something changed, shows the outcome. */
export async function unsubscribeOnPage(
  c: Context,
  web: WebContext,
  page: TokenPage,
  unsubscribeToken: string,
) {
  const { ctx, view } = page;
  try {
    const { subscriber, changed } = await web.deps.store.optIn.unsubscribe(
      unsubscribeToken,
      web.clientContext(c, 'form'),
    );
    const resubscribe = PATHS.signUp(view.region.id);
    if (changed) {
      await web.deps.producer.sendServiceMail({
        kind: 'unsubscribe-confirmation',
        regionId: view.region.id,
        subscriberId: subscriber.id,
        email: subscriber.email,
        language: subscriber.language,
        ...(subscriber.firstName === undefined ? {} : { firstName: subscriber.firstName }),
        ...(subscriber.lastName === undefined ? {} : { lastName: subscriber.lastName }),
        salutation: subscriber.salutation,
        resubscribeUrl: absoluteUrl(web.publicUrl, resubscribe),
      });
    }
    return c.html(
      renderOutcomePage(ctx, {
        title: ctx.m.unsubscribe.doneTitle,
        text: changed ? ctx.m.unsubscribe.doneText : ctx.m.unsubscribe.alreadyText,
        link: { href: withLanguage(ctx, resubscribe), label: ctx.m.unsubscribe.resubscribe },
      }),
    );
  } catch (error) {
    if (error instanceof StoreError && error.code === 'INVALID_TOKEN')
      return sendErrorPage(c, ctx, 'invalid-link');
    throw error;
  }
}

/** Whether the POST is the RFC 8058 one-click request: a form body of exactly `List-Unsubscribe=One-Click`. */
async function isOneClick(c: Context): Promise<boolean> {
  const fields = await readFormBody(c);
  if (fields === undefined) return false;
  const keys = Object.keys(fields);
  return keys.length === 1 && keys[0] === 'List-Unsubscribe' && fields['List-Unsubscribe'] === 'One-Click';
}
