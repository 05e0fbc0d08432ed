import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { PATHS } from '../http/links';
import type { PageContext } from './page-context';
import { SITE_CSS_PATH } from './style-sheets';

/** HTML produced by the page templates (escaped where it came from values). */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Options of {@link renderLayout}. */
export interface LayoutOptions {
  readonly title: string;
  readonly body: Html;
  /** Pages reached through personal links are kept out of search engines. */
  readonly noindex?: boolean;
}

/**
 * The frame of every public page: language, viewport, the app's and the region's style sheets,
 * a skip link, the brand, and a footer with Impressum, privacy link and the language switch.
 */
export function renderLayout(ctx: PageContext, options: LayoutOptions): Html {
  const { m, theme } = ctx;
  const other = ctx.language === 'de' ? 'en' : 'de';
  const imprint = theme?.imprint;
  return html`<!doctype html>
<html lang="${ctx.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.noindex === true ? html`<meta name="robots" content="noindex, nofollow">` : ''}
<title>${options.title}${theme === undefined ? '' : ` – ${theme.brand}`}</title>
<link rel="stylesheet" href="${SITE_CSS_PATH}">
${theme === undefined ? '' : html`<link rel="stylesheet" href="${PATHS.themeStyleSheet(theme.regionId)}">`}
</head>
<body>
<a class="skip-link" href="#main">${m.skipToContent}</a>
<header class="site-header"><div class="wrap">
<p class="brand">${theme?.brand ?? 'regiokit'}</p>
${theme?.claim === undefined ? '' : html`<p class="claim">${theme.claim}</p>`}
</div></header>
<main id="main" class="wrap">
${options.body}
</main>
<footer class="site-footer"><div class="wrap">
${
  imprint === undefined
    ? ''
    : html`<p><strong>${m.imprint}:</strong> ${imprint.publisher}, ${imprint.address.street}, ${imprint.address.postalCode} ${imprint.address.city}</p>`
}
<ul class="footer-links">
${theme?.links.privacy === undefined ? '' : html`<li><a href="${theme.links.privacy}">${m.privacy}</a></li>`}
${theme?.links.website === undefined ? '' : html`<li><a href="${theme.links.website}">${m.website}</a></li>`}
<li><a href="${ctx.path}?lang=${other}" hreflang="${other}" lang="${other}">${m.otherLanguage}</a></li>
</ul>
</div></footer>
</body>
</html>`;
}

/** A page with a heading and paragraphs, for outcomes and errors. */
export function renderMessagePage(
  ctx: PageContext,
  title: string,
  paragraphs: readonly string[],
  extra: Html | string = '',
): Html {
  return renderLayout(ctx, {
    title,
    noindex: true,
    body: html`<h1>${title}</h1>
${paragraphs.map((p) => html`<p>${p}</p>`)}
${extra}`,
  });
}
