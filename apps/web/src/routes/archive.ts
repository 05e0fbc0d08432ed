import { renderPressReleasePage } from '@regiokit/content';
import { CampaignId, NewsletterIssueId, PressReleaseId, RegionId } from '@regiokit/core';
import type { Context, Hono } from 'hono';
import { absoluteUrl, PATHS } from '../http/links';
import { renderArchivePage } from '../pages/archive-page';
import { sendErrorPage } from '../pages/error-page';
import { createPageContext } from '../pages/page-context';
import { DOCUMENT_CSP } from '../security/security-headers';
import {
  findMailedIssue,
  findPublishedPressRelease,
  loadRegionArchive,
  renderNewsletterWebVersion,
} from '../services/archive';
import { loadRegionView } from '../services/region-view';
import type { WebContext } from '../web-context';

/**
 * The public archive per region, and the web-version link of mails. Embargoed press releases are
 * answered like unknown ones until their embargo ends (the clock is the app's `now`).
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
    const issue =
      view === undefined || !NewsletterIssueId.safeParse(id).success
        ? undefined
        : await findMailedIssue(web.deps.store, view.region.id, id);
    if (view === undefined || issue === undefined) return sendErrorPage(c, ctx, 'not-found');
    const document = await renderNewsletterWebVersion(
      issue,
      view.theme,
      ctx.explicitLanguage ? ctx.language : issue.language,
      {
        addressPlaceholder: ctx.m.archive.addressPlaceholder,
        manageUrl: absoluteUrl(web.publicUrl, PATHS.signUp(view.region.id)),
      },
    );
    return sendDocument(c, document);
  });

  app.get('/w/:region/:campaign', async (c) => {
    const regionId = c.req.param('region');
    const campaignId = c.req.param('campaign');
    const campaign =
      RegionId.safeParse(regionId).success && CampaignId.safeParse(campaignId).success
        ? await web.deps.store.campaigns.get(regionId, campaignId)
        : undefined;
    if (campaign === undefined) {
      return sendErrorPage(c, createPageContext(web.pageLanguage(c), c.req.path), 'not-found');
    }
    const target =
      campaign.content.kind === 'newsletter'
        ? PATHS.archiveNewsletter(regionId, campaign.content.issueId)
        : PATHS.archivePressRelease(regionId, campaign.content.pressReleaseId);
    return c.redirect(target, 303);
  });
}

/** Answers with a document rendered by @regiokit/content (inline styles; still no script). */
function sendDocument(c: Context, document: string) {
  c.header('Content-Security-Policy', DOCUMENT_CSP);
  c.header('Cache-Control', 'public, max-age=300');
  return c.html(document);
}
