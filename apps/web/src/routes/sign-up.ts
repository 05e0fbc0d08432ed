import { type MailingList, normaliseEmail, TopicId } from '@regiokit/core';
import { StoreError } from '@regiokit/store';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { formLine, formList, readFormBody, validateForm } from '../http/form-body';
import { absoluteUrl, PATHS } from '../http/links';
import { sendErrorPage } from '../pages/error-page';
import { addFormProblem, type KnownFields } from '../pages/form-problems';
import { createPageContext, type PageContext, withLanguage } from '../pages/page-context';
import { renderSignUpPage, renderSignUpThanksPage, type SignUpPageModel } from '../pages/sign-up-page';
import { CSRF_FIELD } from '../security/csrf';
import { buildConsentText } from '../services/consent-text';
import { defaultList, listTopics, loadRegionView, type RegionView, topicName } from '../services/region-view';
import type { WebContext } from '../web-context';

/** The sign-up form as posted; unknown fields are refused. */
const SignUpForm = z.strictObject({
  [CSRF_FIELD]: z.string().max(100),
  email: z
    .string()
    .max(254)
    .transform((s, ctx) => {
      const email = /[\r\n<>]/.test(s) ? undefined : normaliseEmail(s);
      if (email === undefined) {
        ctx.addIssue({ code: 'custom', message: 'not an e-mail address' });
        return z.NEVER;
      }
      return email;
    }),
  firstName: formLine(100).optional(),
  lastName: formLine(100).optional(),
  topics: formList(TopicId, 50).default([]),
  consent: z.literal('yes'),
  consentVersion: z.string().max(100),
  homepage: z.string().max(1000).default(''),
});

/** Registers the sign-up form of each region: GET shows it, POST requests the double opt-in. */
export function registerSignUpRoutes(app: Hono, web: WebContext): void {
  const paths = ['/:region/subscribe', '/:region/subscribe/:list'];
  for (const path of paths) {
    app.get(path, async (c) => {
      const found = await findList(c, web);
      if ('response' in found) return found.response;
      const { view, list, ctx } = found;
      return c.html(renderSignUpPage(ctx, buildModel(c, web, ctx, view, list, {}, new Map())));
    });

    app.post(path, async (c) => {
      const found = await findList(c, web);
      if ('response' in found) return found.response;
      const { view, list, ctx } = found;
      const ip = web.clientIp(c);
      const rate = await web.deps.rateLimiter.hit(web.limits.signUpPerIp, ip);
      if (!rate.allowed) return sendErrorPage(c, ctx, 'too-many', rate.retryAfterSeconds);
      const fields = await readFormBody(c);
      if (fields === undefined) return sendErrorPage(c, ctx, 'bad-request');
      if (!web.csrf.verify(c, c.req.path, fields[CSRF_FIELD])) return sendErrorPage(c, ctx, 'form-expired');

      const topics = listTopics(view, list);
      const consent = buildConsentText(view.theme, list, ctx.language);
      const result = validateForm(SignUpForm, fields);
      const errors = new Map<string, string>();
      if (!result.ok) {
        for (const problem of result.problems) addProblem(ctx, errors, problem.field, problem.unknown);
      } else {
        const unknownTopic = result.data.topics.some((t) => !topics.some((known) => known.id === t));
        if (unknownTopic) addProblem(ctx, errors, 'topics', false);
        if (result.data.consentVersion !== consent.version) addProblem(ctx, errors, 'consentVersion', false);
      }
      if (!result.ok || errors.size > 0) {
        const values = echoValues(fields);
        return c.html(renderSignUpPage(ctx, buildModel(c, web, ctx, view, list, values, errors)), 400);
      }
      const form = result.data;
      // a filled honeypot or too many sign-ups for one address: the same answer, nothing done
      if (form.homepage.trim() !== '') {
        web.logger.info({ regionId: view.region.id }, 'sign-up honeypot filled; ignored');
        return c.html(renderSignUpThanksPage(ctx));
      }
      const perAddress = await web.deps.rateLimiter.hit(
        web.limits.signUpPerAddress,
        `${view.region.id}\n${form.email}`,
      );
      if (!perAddress.allowed) return c.html(renderSignUpThanksPage(ctx));

      try {
        const requested = await web.deps.store.optIn.request({
          regionId: view.region.id,
          email: form.email,
          listId: list.id,
          topics: form.topics,
          ...(form.firstName === undefined ? {} : { firstName: form.firstName }),
          ...(form.lastName === undefined ? {} : { lastName: form.lastName }),
          language: ctx.language,
          consentText: consent.text,
          consentTextVersion: consent.version,
          ...web.clientContext(c, 'form'),
        });
        if (!requested.alreadySubscribed) {
          await web.deps.producer.sendServiceMail({
            kind: 'double-opt-in',
            regionId: view.region.id,
            subscriberId: requested.subscriberId,
            email: form.email,
            language: ctx.language,
            ...(form.firstName === undefined ? {} : { firstName: form.firstName }),
            ...(form.lastName === undefined ? {} : { lastName: form.lastName }),
            confirmUrl: `${absoluteUrl(web.publicUrl, PATHS.confirm(requested.confirmToken))}?lang=${ctx.language}`,
          });
        }
      } catch (error) {
        if (error instanceof StoreError && error.code === 'INVALID_INPUT') {
          for (const f of error.fields) addProblem(ctx, errors, f.path.split(/[.[]/)[0] ?? 'form', false);
          return c.html(
            renderSignUpPage(ctx, buildModel(c, web, ctx, view, list, echoValues(fields), errors)),
            400,
          );
        }
        throw error;
      }
      return c.html(renderSignUpThanksPage(ctx));
    });
  }
}

async function findList(
  c: Context,
  web: WebContext,
): Promise<
  { view: RegionView; list: MailingList; ctx: PageContext } | { response: Response | Promise<Response> }
> {
  const lang = web.pageLanguage(c);
  const view = await loadRegionView(web.deps.store, c.req.param('region') ?? '');
  const listId = c.req.param('list');
  const list =
    view === undefined
      ? undefined
      : listId === undefined
        ? defaultList(view)
        : view.lists.find((l) => l.id === listId);
  if (view === undefined || list === undefined) {
    return { response: sendErrorPage(c, createPageContext(lang, c.req.path, view?.theme), 'not-found') };
  }
  return { view, list, ctx: createPageContext(lang, c.req.path, view.theme) };
}

function buildModel(
  c: Context,
  web: WebContext,
  ctx: PageContext,
  view: RegionView,
  list: MailingList,
  values: SignUpPageModel['values'],
  errors: ReadonlyMap<string, string>,
): SignUpPageModel {
  return {
    action: withLanguage(ctx, c.req.path),
    csrfToken: web.csrf.issue(c, c.req.path),
    listName: list.name,
    brand: view.theme.brand,
    topics: listTopics(view, list).map((t) => ({ id: t.id, name: topicName(t, ctx.language) })),
    consent: buildConsentText(view.theme, list, ctx.language),
    privacyUrl: view.theme.links.privacy,
    values,
    errors,
  };
}

const SIGN_UP_FIELDS: KnownFields = {
  email: (m) => ['email', m.problems.email],
  firstName: (m) => ['firstName', m.problems.name],
  lastName: (m) => ['lastName', m.problems.name],
  topics: (m) => ['topics', m.problems.topics],
  consent: (m) => ['consent', m.problems.consent],
  consentVersion: (m) => ['consent', m.problems.consentChanged],
};

function addProblem(ctx: PageContext, errors: Map<string, string>, field: string, unknown: boolean): void {
  addFormProblem(ctx, errors, SIGN_UP_FIELDS, field, unknown);
}

/** What the visitor typed, shown again in the form (escaped by the template, cut to the field sizes). */
function echoValues(fields: Record<string, string | string[]>): SignUpPageModel['values'] {
  const one = (name: string, max: number) => {
    const v = fields[name];
    return typeof v === 'string' ? v.replace(/[\r\n]/g, ' ').slice(0, max) : undefined;
  };
  const topics = fields.topics;
  return {
    email: one('email', 254),
    firstName: one('firstName', 100),
    lastName: one('lastName', 100),
    topics: topics === undefined ? [] : [topics].flat().slice(0, 50),
  };
}
