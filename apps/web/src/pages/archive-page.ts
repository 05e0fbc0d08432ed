import { DEFAULT_TIME_ZONE, formatDate, formatInstantDate } from '@regiokit/content';
import { formatPressReleaseNumber } from '@regiokit/core';
import { html } from 'hono/html';
import { PATHS } from '../http/links';
import type { RegionArchive } from '../services/archive';
import { type Html, renderLayout } from './layout';
import { type PageContext, withLanguage } from './page-context';

/**
 * The public archive of a region: sent newsletters with the day they were sent, and published
 * press releases with their number and date.
 */
export function renderArchivePage(ctx: PageContext, regionId: string, archive: RegionArchive): Html {
  const { m } = ctx;
  const brand = ctx.theme?.brand ?? regionId;
  return renderLayout(ctx, {
    title: m.archive.title(brand),
    body: html`<h1>${m.archive.title(brand)}</h1>
<p><a href="${withLanguage(ctx, PATHS.signUp(regionId))}">${m.archive.subscribe}</a></p>
<h2 id="newsletters">${m.archive.newsletters}</h2>
${
  archive.newsletters.length === 0
    ? html`<p>${m.archive.noNewsletters}</p>`
    : html`<ul class="archive-list" aria-labelledby="newsletters">${archive.newsletters.map(
        ({ issue, sentAt }) =>
          html`<li><a href="${withLanguage(ctx, PATHS.archiveNewsletter(regionId, issue.id))}">${issue.label === undefined ? '' : `${issue.label}: `}${issue.subject.replace(/\{\{[^}]*\}\}/g, '').trim()}</a>${
            sentAt === undefined
              ? html`<time datetime="${issue.date}">${formatDate(issue.date, ctx.language)}</time>`
              : html`<time datetime="${sentAt}">${formatInstantDate(sentAt, ctx.language, ctx.theme?.timeZone ?? DEFAULT_TIME_ZONE)}</time>`
          }</li>`,
      )}</ul>`
}
<h2 id="press-releases">${m.archive.pressReleases}</h2>
${
  archive.pressReleases.length === 0
    ? html`<p>${m.archive.noPressReleases}</p>`
    : html`<ul class="archive-list" aria-labelledby="press-releases">${archive.pressReleases.map(
        (release) =>
          html`<li><a href="${withLanguage(ctx, PATHS.archivePressRelease(regionId, release.id))}">${release.headline}</a><time datetime="${release.dateline.date}">${formatPressReleaseNumber(release.number)} · ${formatDate(release.dateline.date, ctx.language)}</time></li>`,
      )}</ul>`
}`,
  });
}
