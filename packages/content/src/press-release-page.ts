import { isEmbargoLifted, type Language, PressRelease, validate } from '@regiokit/core';
import { measureBytes } from './compiled-template';
import { ContentError } from './content-error';
import { formatDateTime } from './format';
import { assertSafeLink, checkedLink } from './links';
import { assertAlt } from './mail-image';
import { authoredInline, authoredParagraphs, joinMarkup, markup, splitParagraphs } from './markup';
import { getMessages } from './messages';
import { renderPageFooter } from './page-footer';
import { unwrapValidation } from './parse-input';
import { assertNoMergeFields } from './press-release';
import { buildPressReleaseView, formatAttribution } from './press-release-view';
import { assertValidTheme, type Theme } from './theme';

/** Options of {@link renderPressReleasePage}. */
export interface PressReleasePageOptions {
  /** The moment of rendering; a release still under embargo at `now` is refused unless `preview`. */
  readonly now: Date;
  /** Render an embargoed release anyway (for staff), with the embargo line at the top. */
  readonly preview?: boolean;
  /** Language of the fixed texts; defaults to the release's language. */
  readonly language?: Language;
  /** Canonical address of the page in the archive. */
  readonly canonicalUrl?: string;
}

/** A rendered web page. */
export interface RenderedPage {
  readonly html: string;
  /** UTF-8 size in bytes. */
  readonly htmlBytes: number;
}

/**
 * Renders a press release as a page for the public archive: a standalone, responsive HTML5
 * document with the region's brand and Impressum, system fonts, no scripts and nothing loaded
 * from elsewhere except the release's own images. A release still under embargo at `now` is
 * refused with a {@link ContentError} `EMBARGOED` unless `preview` is set.
 *
 * @example renderPressReleasePage(release, theme, { now: new Date() }).html
 */
export function renderPressReleasePage(
  release: PressRelease,
  theme: Theme,
  options: PressReleasePageOptions,
): RenderedPage {
  assertValidTheme(theme);
  const data = unwrapValidation(validate(PressRelease, release), 'press release');
  assertNoMergeFields(data, '');
  const language = options.language ?? data.language;
  const messages = getMessages(language);
  const embargoed = !isEmbargoLifted(data, options.now);
  if (embargoed && options.preview !== true) {
    throw new ContentError(
      'EMBARGOED',
      `press release ${data.id} is under embargo until ${formatDateTime(data.embargo ?? '', language, theme.timeZone)}; pass preview: true to render it for staff`,
    );
  }
  if (options.canonicalUrl !== undefined) assertSafeLink(options.canonicalUrl, 'canonicalUrl');
  const view = buildPressReleaseView(data, theme, messages, language);
  const c = theme.colours;
  const [firstLead = '', ...restLead] = splitParagraphs(data.lead);
  const [open, close] = view.quoteMarks;
  const images = data.images.map((image, i) => {
    const path = `images[${i}]`;
    assertAlt(image, path);
    assertSafeLink(image.src, `${path}.src`);
    return markup`<figure><img src="${image.src}" alt="${image.alt}"${image.width === undefined ? '' : markup` width="${image.width}"`}${image.height === undefined ? '' : markup` height="${image.height}"`} loading="lazy"><figcaption>${image.caption}<br><small>${image.credit}</small> · <a href="${image.src}">${messages.fullSizeImage}</a></figcaption></figure>`;
  });
  const brand =
    theme.logo === undefined
      ? markup`${theme.brand}`
      : markup`<img src="${checkedLink(theme.logo.src, 'theme.logo.src')}" alt="${theme.logo.alt}" style="max-width:240px;height:auto;">`;
  const contact = data.contact;
  const html = markup`<!doctype html>
<html lang="${language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${data.headline} – ${view.label} – ${theme.brand}</title>
<meta name="description" content="${firstLead.slice(0, 200)}">
${options.canonicalUrl === undefined ? '' : markup`<link rel="canonical" href="${options.canonicalUrl}">`}
<style>
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:${c.background};color:${c.text};font-family:${theme.fontFamily};font-size:17px;line-height:1.6}
header.rk-brand{background:${c.primary};color:${c.onPrimary};padding:18px 20px;font-size:22px;font-weight:700}
header.rk-brand p{margin:4px 0 0;font-size:14px;font-weight:400}
main{max-width:720px;margin:0 auto;background:${c.surface};padding:24px 20px 32px}
h1{font-size:30px;line-height:1.25;margin:0 0 12px}
h2{font-size:20px;margin:32px 0 8px}
p,li,figcaption,blockquote{overflow-wrap:break-word}
a{color:${c.link}}
.rk-label{text-transform:uppercase;letter-spacing:.04em;font-size:13px;font-weight:700;color:${c.accent};margin:0 0 8px}
.rk-embargo{border:2px solid #b42318;color:#b42318;font-weight:700;padding:10px 12px}
.rk-subline{font-size:20px;color:${c.muted};margin:0 0 20px}
.rk-lead{font-weight:700}
blockquote{margin:20px 0;padding:0 0 0 16px;border-left:4px solid ${c.accent};font-style:italic}
blockquote footer{font-style:normal;color:${c.muted}}
figure{margin:20px 0}
img{max-width:100%;height:auto;display:block}
figcaption{font-size:14px;color:${c.muted};margin-top:6px}
.rk-funding{font-size:15px;color:${c.muted}}
footer.rk-footer{max-width:720px;margin:0 auto;padding:20px;font-size:14px;color:${c.muted}}
footer.rk-footer a{color:${c.muted}}
</style>
</head>
<body>
<header class="rk-brand">${brand}${theme.claim === undefined ? '' : markup`<p>${theme.claim}</p>`}</header>
<main>
<article>
${embargoed && view.embargo !== undefined ? markup`<p class="rk-embargo">${view.embargo}</p>` : ''}
<p class="rk-label">${view.label}</p>
<h1>${authoredInline(data.headline, 'headline', false)}</h1>
${data.subline === undefined ? '' : markup`<p class="rk-subline">${authoredInline(data.subline, 'subline', false)}</p>`}
<p class="rk-lead"><time class="rk-dateline" datetime="${data.dateline.date}">${view.dateline}</time> ${authoredInline(firstLead, 'lead', false)}</p>
${restLead.length === 0 ? '' : authoredParagraphs(restLead.join('\n\n'), 'lead', false, 'font-weight:700')}
${authoredParagraphs(data.body, 'body', false, '')}
${data.quotes.map((q, i) => markup`<blockquote><p>${open}${authoredInline(q.text.replace(/\s*\n\s*/g, ' '), `quotes[${i}].text`, false)}${close}</p><footer>${formatAttribution(q)}</footer></blockquote>`)}
${data.fundingNote === undefined ? '' : markup`<div class="rk-funding">${authoredParagraphs(data.fundingNote, 'fundingNote', false, '')}</div>`}
${images.length === 0 ? '' : markup`<section class="rk-images"><h2>${messages.pressImages}</h2>${images}</section>`}
<section class="rk-boilerplate"><h2>${data.boilerplate.title}</h2>${authoredParagraphs(data.boilerplate.text, 'boilerplate.text', false, '')}</section>
<section class="rk-contact"><h2>${messages.pressContact}</h2><p>${joinMarkup(
    view.contactLines.map((l) => markup`${l}`),
    '<br>',
  )}${contact.email === undefined ? '' : markup`<br>${messages.email}: <a href="${checkedLink(`mailto:${contact.email}`, 'contact.email')}">${contact.email}</a>`}</p></section>
</article>
</main>
<footer class="rk-footer">
${renderPageFooter(theme, messages)}
</footer>
</body>
</html>
`.value;
  return { html, htmlBytes: measureBytes({ parts: [html] }) };
}
