import { StoreError } from '@regiokit/store';
import type { Hono } from 'hono';
import { PATHS } from '../http/links';
import { sendErrorPage } from '../pages/error-page';
import { withLanguage } from '../pages/page-context';
import { renderActionPage, renderOutcomePage } from '../pages/subscriber-pages';
import type { WebContext } from '../web-context';
import { listName, openTokenPage, readButtonPost, type TokenPage } from './token-pages';

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
    const refused = await readButtonPost(c, web, ctx);
    if (refused !== undefined) return refused.response;
    try {
      const { subscriber, alreadyConfirmed } = await web.deps.store.optIn.confirm(
        page.token,
        web.clientContext(c, 'form'),
      );
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
