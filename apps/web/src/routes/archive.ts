import { renderPressReleasePage } from '@regiokit/content';
import { CampaignId, NewsletterIssueId, PressReleaseId, RegionId } from '@regiokit/core';
import type { Context, Hono } from 'hono';
import { absoluteUrl, PATHS } from '../http/links';
import { renderArchivePage } from '../pages/archive-page';
import { sendErrorPage } from '../pages/error-page';
import { createPageContext, type PageContext, withLanguage } from '../pages/page-context';
import { DOCUMENT_CSP, NEWSLETTER_PAGE_CSP } from '../security/security-headers';
import {
  findPublishedNewsletter,
  findPublishedPressRelease,
  isMailed,
  loadRegionArchive,
  type MailedNewsletter,
  renderNewsletterWebVersion,
} from '../services/archive';
import { defaultList, loadRegionView, type RegionView } from '../services/region-view';
import type { WebContext } from '../web-context';

/**
 * The public archive per region, and the web-version link of mails. Only published newsletter
 * issues and press releases are shown; unpublished ones, and embargoed press releases until their
 * embargo ends (the clock is the app's `now`), are answered like unknown ones.
 */
export function registerArchiveRoutes(app: Hono, web: WebContext): void {
  app.get('/:region/archive', async (c) => {
    const view = await loadRegionView(web.deps.store, c.req.param('region'));
    const ctx = createPageContext(web.pageLanguage(c), c.req.path, view?.theme);
    if (view === undefined) return sendErrorPage(c, ctx, 'not-found');
    const archive = await loadRegionArchive(web.deps.store, view.region.id, web.now());
    // revalidated on every view: a press release must appear when its embargo ends, not a cache later
    c.header('Cache-Control', 'no-cache');
    return c.html(renderArchivePage(ctx, view.region.id, archive));
  });

  app.get('/:region/archive/press/:id', async (c) => {
    const view = await loadRegionView(web.deps.store, c.req.param('region'));
    const lang = web.pageLanguage(c);
    const id = c.req.param('id');
    const release =
      view === undefined || !PressReleaseId.safeParse(id).success
        ? undefined
        : await findPublishedPressRelease(web.deps.store, view.region.id, id, web.now());
    if (view === undefined || release === undefined) {
      return sendErrorPage(c, createPageContext(lang, c.req.path, view?.theme), 'not-found');
    }
    const page = renderPressReleasePage(release, view.theme, {
      now: web.now(),
      ...(lang.explicit ? { language: lang.language } : {}),
      canonicalUrl: absoluteUrl(web.publicUrl, PATHS.archivePressRelease(view.region.id, release.id)),
    });
    return sendDocument(c, page.html);
  });

  app.get('/:region/archive/newsletters/:id', async (c) => {
    const view = await loadRegionView(web.deps.store, c.req.param('region'));
    const ctx = createPageContext(web.pageLanguage(c), c.req.path, view?.theme);
    const id = c.req.param('id');
    const mailed =
      view === undefined || !NewsletterIssueId.safeParse(id).success
        ? undefined
        : await findPublishedNewsletter(web.deps.store, view.region.id, id);
    if (view === undefined || mailed === undefined) return sendErrorPage(c, ctx, 'not-found');
    return sendNewsletterPage(c, renderNewsletterPageFor(web, ctx, view, mailed));
  });

  app.get('/w/:region/:campaign', async (c) => {
    const regionId = c.req.param('region');
    const campaignId = c.req.param('campaign');
    const campaign =
      RegionId.safeParse(regionId).success && CampaignId.safeParse(campaignId).success
        ? await web.deps.store.campaigns.get(regionId, campaignId)
        : undefined;
    if (campaign?.content.kind === 'press-release') {
      // the archive page checks the embargo at the moment it is opened
      return c.redirect(PATHS.archivePressRelease(regionId, campaign.content.pressReleaseId), 303);
    }
    const view = campaign === undefined ? undefined : await loadRegionView(web.deps.store, regionId);
    const ctx = createPageContext(web.pageLanguage(c), c.req.path, view?.theme);
    // the recipients of a mail may read its web version even before the issue is published, not
    // after it was withdrawn
    const issue =
      campaign === undefined || view === undefined || !isMailed(campaign)
        ? undefined
        : await web.deps.store.records.get('newsletter-issue', regionId, campaign.content.issueId);
    if (view === undefined || issue === undefined || issue.publication === 'withdrawn')
      return sendErrorPage(c, ctx, 'not-found');
    return sendNewsletterPage(
      c,
      renderNewsletterPageFor(web, ctx, view, { issue, sentAt: campaign?.sentAt ?? undefined }),
    );
  });
}

/** The web version of an issue in the visitor's chosen language, else the issue's own. */
function renderNewsletterPageFor(
  web: WebContext,
  ctx: PageContext,
  view: RegionView,
  mailed: MailedNewsletter,
): string {
  const regionId = view.region.id;
  const list = defaultList(view);
  const language = ctx.explicitLanguage ? ctx.language : mailed.issue.language;
  return renderNewsletterWebVersion(mailed, view.theme, language, {
    canonicalUrl: absoluteUrl(web.publicUrl, PATHS.archiveNewsletter(regionId, mailed.issue.id)),
    archiveUrl: withLanguage(ctx, PATHS.archive(regionId)),
    subscribeUrl: withLanguage(ctx, PATHS.signUp(regionId)),
    styleSheetUrl: PATHS.newsletterStyleSheet(regionId),
    ...(list?.kind === 'newsletter' ? { listName: list.name } : {}),
  });
}

/** Answers with a newsletter's web version: its style sheet is linked, so no inline style is allowed. */
function sendNewsletterPage(c: Context, document: string) {
  c.header('Content-Security-Policy', NEWSLETTER_PAGE_CSP);
  c.header('Cache-Control', 'public, max-age=300');
  return c.html(document);
}

/** Answers with a document rendered by @regiokit/content (inline styles; still no script). */
function sendDocument(c: Context, document: string) {
  c.header('Content-Security-Policy', DOCUMENT_CSP);
  c.header('Cache-Control', 'public, max-age=300');
  return c.html(document);
}
