import { StoreError } from '@regiokit/store';
import type { Hono } from 'hono';
import { z } from 'zod';
import { validateForm } from '../http/form-body';
import { PATHS } from '../http/links';
import { sendErrorPage } from '../pages/error-page';
import { withLanguage } from '../pages/page-context';
import { renderActionPage, renderOutcomePage } from '../pages/subscriber-pages';
import { CSRF_FIELD } from '../security/csrf';
import type { WebContext } from '../web-context';
import { userAgentOf } from './sign-up';
import { listName, openTokenPage, readTokenPagePost, type TokenPage } from './token-pages';

const ButtonForm = z.strictObject({ [CSRF_FIELD]: z.string().max(100) });

/**
 * The double opt-in link: GET shows a page with a button (link scanners only GET), POST confirms
 * and the consent log records the time of confirmation.
 */
export function registerConfirmRoutes(app: Hono, web: WebContext): void {
  app.get('/c/:token', async (c) => {
    const page = await openTokenPage(c, web, 'confirm');
    if ('response' in page) return page.response;
    const { ctx } = page;
    const name = await requestedListName(web, page);
    return c.html(
      renderActionPage(ctx, {
        title: ctx.m.confirm.title,
        text: ctx.m.confirm.text(name),
        button: ctx.m.confirm.button,
        action: withLanguage(ctx, c.req.path),
        csrfToken: web.csrf.issue(c, c.req.path),
      }),
    );
  });

  app.post('/c/:token', async (c) => {
    const page = await openTokenPage(c, web, 'confirm');
    if ('response' in page) return page.response;
    const { ctx } = page;
    const post = await readTokenPagePost(c, web, ctx);
    if ('response' in post) return post.response;
    if (!validateForm(ButtonForm, post.fields).ok) return sendErrorPage(c, ctx, 'bad-request');
    try {
      const { subscriber, alreadyConfirmed } = await web.deps.store.optIn.confirm(page.token, {
        ip: web.clientIp(c),
        ...userAgentOf(c),
        source: 'form',
      });
      const name = await requestedListName(web, page);
      return c.html(
        renderOutcomePage(ctx, {
          title: ctx.m.confirm.doneTitle,
          text: alreadyConfirmed ? ctx.m.confirm.alreadyText : ctx.m.confirm.doneText(name),
          link: {
            href: withLanguage(
              ctx,
              PATHS.preferences(web.deps.store.optIn.createPreferencesToken(subscriber.id)),
            ),
            label: ctx.m.confirm.preferencesLink,
          },
        }),
      );
    } catch (error) {
      if (error instanceof StoreError && error.code === 'INVALID_TOKEN')
        return sendErrorPage(c, ctx, 'invalid-link');
      throw error;
    }
  });
}

/** Name of the list the confirmed sign-up was for (the token refers to its consent log entry). */
async function requestedListName(web: WebContext, page: TokenPage): Promise<string> {
  const history = await web.deps.store.consent.history(page.subscriber.id);
  const request = history.find((e) => String(e.id) === page.claims.ref);
  return listName(page.view, request?.listId) ?? page.view.theme.brand;
}
