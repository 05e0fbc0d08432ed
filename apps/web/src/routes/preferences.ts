import { type Language, TopicId } from '@regiokit/core';
import { StoreError } from '@regiokit/store';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { formLine, formList, validateForm } from '../http/form-body';
import { PATHS } from '../http/links';
import { sendErrorPage } from '../pages/error-page';
import { addFormProblem, type KnownFields } from '../pages/form-problems';
import { type PageContext, withLanguage } from '../pages/page-context';
import { type PreferencesPageModel, renderPreferencesPage } from '../pages/preferences-page';
import { CSRF_FIELD } from '../security/csrf';
import { listTopics, topicName } from '../services/region-view';
import type { WebContext } from '../web-context';
import { openTokenPage, readButtonPost, readTokenPagePost, type TokenPage } from './token-pages';
import { unsubscribeOnPage } from './unsubscribe';

const PreferencesForm = z.strictObject({
  [CSRF_FIELD]: z.string().max(100),
  topics: formList(TopicId, 50).default([]),
  firstName: formLine(100).optional(),
  lastName: formLine(100).optional(),
  language: z.enum(['de', 'en']),
});

/** The preference centre: GET shows the choices, POST saves them, a second form unsubscribes from everything. */
export function registerPreferencesRoutes(app: Hono, web: WebContext): void {
  app.get('/p/:token', async (c) => {
    const page = await openTokenPage(c, web, 'preferences');
    if ('response' in page) return page.response;
    const s = page.subscriber;
    const values = { firstName: s.firstName, lastName: s.lastName, language: s.language, topics: s.topics };
    return c.html(
      renderPreferencesPage(
        page.ctx,
        buildModel(c, web, page, values, new Map(), c.req.query('saved') === '1'),
      ),
    );
  });

  app.post('/p/:token', async (c) => {
    const page = await openTokenPage(c, web, 'preferences');
    if ('response' in page) return page.response;
    const { ctx } = page;
    const post = await readTokenPagePost(c, web, ctx);
    if ('response' in post) return post.response;
    const choosable = choosableTopics(page);
    const result = validateForm(PreferencesForm, post.fields);
    const errors = new Map<string, string>();
    if (!result.ok) {
      for (const p of result.problems) addProblem(ctx, errors, p.field, p.unknown);
    } else if (result.data.topics.some((t) => !choosable.some((k) => k.id === t))) {
      addProblem(ctx, errors, 'topics', false);
    }
    if (!result.ok || errors.size > 0) {
      const s = page.subscriber;
      const values = { firstName: s.firstName, lastName: s.lastName, language: s.language, topics: s.topics };
      return c.html(renderPreferencesPage(ctx, buildModel(c, web, page, values, errors, false)), 400);
    }
    const form = result.data;
    try {
      await web.deps.store.optIn.updatePreferences(
        page.token,
        {
          topics: form.topics,
          firstName: form.firstName ?? null,
          lastName: form.lastName ?? null,
          language: form.language,
        },
        web.clientContext(c, 'form'),
      );
    } catch (error) {
      if (error instanceof StoreError && error.code === 'INVALID_TOKEN')
        return sendErrorPage(c, ctx, 'invalid-link');
      throw error;
    }
    const back = `${PATHS.preferences(page.token)}?saved=1${ctx.explicitLanguage ? `&lang=${ctx.language}` : ''}`;
    return c.redirect(back, 303);
  });

  app.post('/p/:token/unsubscribe', async (c) => {
    const page = await openTokenPage(c, web, 'preferences');
    if ('response' in page) return page.response;
    const refused = await readButtonPost(c, web, page.ctx);
    if (refused !== undefined) return refused.response;
    return unsubscribeOnPage(c, web, page, web.deps.store.optIn.createUnsubscribeToken(page.subscriber.id));
  });
}

/** Topics of the lists the subscriber is on (all of the region's when on none). */
function choosableTopics(page: TokenPage) {
  const lists = page.view.lists.filter((l) => page.subscriber.listIds.includes(l.id));
  if (lists.length === 0) return [...page.view.topics];
  const ids = new Set(lists.flatMap((l) => listTopics(page.view, l).map((t) => t.id)));
  return page.view.topics.filter((t) => ids.has(t.id));
}

function buildModel(
  c: Context,
  web: WebContext,
  page: TokenPage,
  values: { firstName?: string; lastName?: string; language: Language; topics: readonly string[] },
  errors: ReadonlyMap<string, string>,
  saved: boolean,
): PreferencesPageModel {
  const { ctx } = page;
  const leavePath = PATHS.preferencesUnsubscribe(page.token);
  return {
    email: page.subscriber.email,
    active: page.subscriber.status === 'active' || page.subscriber.status === 'pending',
    saved,
    action: withLanguage(ctx, c.req.path),
    leaveAction: withLanguage(ctx, leavePath),
    csrfToken: web.csrf.issue(c, c.req.path),
    leaveCsrfToken: web.csrf.issue(c, leavePath),
    topics: choosableTopics(page).map((t) => ({ id: t.id, name: topicName(t, ctx.language) })),
    values,
    errors,
    signUpUrl: withLanguage(ctx, PATHS.signUp(page.view.region.id)),
  };
}

const PREFERENCES_FIELDS: KnownFields = {
  topics: (m) => ['topics', m.problems.topics],
  firstName: (m) => ['firstName', m.problems.name],
  lastName: (m) => ['lastName', m.problems.name],
  language: (m) => ['language', m.problems.language],
};

function addProblem(ctx: PageContext, errors: Map<string, string>, field: string, unknown: boolean): void {
  addFormProblem(ctx, errors, PREFERENCES_FIELDS, field, unknown);
}
