import {
  type Image,
  Instant,
  type Language,
  NewsletterIssue,
  type NewsletterItem,
  validate,
} from '@regiokit/core';
import { cleanText } from './clean-text';
import { measureBytes } from './compiled-template';
import { ContentError, createFieldError } from './content-error';
import { formatDate, formatEventTime, formatInstantDate, formatMoney } from './format';
import { assertSafeLink, checkedLink } from './links';
import { assertAlt } from './mail-image';
import { joinMarkup, type Markup, markup, splitParagraphs, trusted } from './markup';
import { AUTHOR_MERGE_FIELDS, type MergeField, parseAuthoredText } from './merge-field';
import { getMessages, type Messages } from './messages';
import { kindLabel, projectUpdateMeta } from './newsletter';
import { renderPageFooter } from './page-footer';
import { unwrapValidation } from './parse-input';
import type { RenderedPage } from './press-release-page';
import { assertValidTheme, type Theme } from './theme';

/** Options of {@link renderNewsletterPage}. */
export interface NewsletterPageOptions {
  /** Language of the fixed texts and formats; defaults to the issue's language. */
  readonly language?: Language;
  /** When the issue went out (an instant with offset); shown as "Versandt am 3. Dezember 2026". */
  readonly sentAt?: string;
  /** Canonical address of the page (absolute `https:`/`http:`). */
  readonly canonicalUrl?: string;
  /** The region's newsletter archive: a link back to it below the issue. */
  readonly archiveUrl?: string;
  /** The public sign-up page (also where subscribers find their preferences). */
  readonly subscribeUrl?: string;
  /** Name of the list in the sign-up link, e.g. `Newsletter KielRegion`. */
  readonly listName?: string;
  /**
   * Where the page's style sheet ({@link renderNewsletterPageStyleSheet}) is served: the page
   * links it instead of carrying a `<style>` element, so a CSP `style-src 'self'` suffices.
   */
  readonly styleSheetUrl?: string;
  /** Nonce for the inline `<style>` element, for a CSP `style-src 'nonce-…'`. */
  readonly styleNonce?: string;
}

/** Neutral stand-ins for the merge fields authors may write, per field. */
type NeutralValues = Readonly<Partial<Record<MergeField, string>>>;

const ROOT_RELATIVE = /^\/(?![/\\])[^\s\p{Cc}<>"'`\\]*$/u;
const NONCE = /^[A-Za-z0-9+/_-]{16,256}={0,2}$/;
const SPACE_BEFORE = /[ \t]+$/;
const STARTS_WITH_SPACE_OR_PUNCTUATION = /^[\s,.;:!?)]/;

/**
 * Renders the public web version of a newsletter issue: a standalone, accessible HTML5 document
 * (`lang`, header, main and footer landmarks, one `h1`, headings in order, alt text on every
 * image, the region's Impressum in the footer), with system fonts, no script and no inline style
 * attribute. It carries no one's data: `{{firstName}}` and `{{lastName}}` are left out,
 * `{{salutationLine}}` becomes the neutral greeting and `{{email}}` a neutral phrase, and instead
 * of unsubscribe and preference links there is the public sign-up page when `subscribeUrl` is given.
 *
 * Styles are either inline in one `<style>` element (with `styleNonce` for a nonce CSP) or, with
 * `styleSheetUrl`, linked: serve {@link renderNewsletterPageStyleSheet} there and a CSP of
 * `style-src 'self'` is enough.
 *
 * Throws a {@link ContentError}: `INVALID_INPUT` / `UNSAFE_URL` naming the field, or
 * `UNKNOWN_MERGE_FIELD`.
 *
 * @example
 * renderNewsletterPage(issue, theme, {
 *   sentAt: '2026-12-03T08:00:00Z',
 *   archiveUrl: 'https://news.example.org/kielregion/archive',
 *   styleSheetUrl: '/assets/newsletter/kielregion.css',
 * }).html
 */
export function renderNewsletterPage(
  issue: NewsletterIssue,
  theme: Theme,
  options: NewsletterPageOptions = {},
): RenderedPage {
  assertValidTheme(theme);
  const data = unwrapValidation(validate(NewsletterIssue, issue), 'newsletter issue');
  const language = options.language ?? data.language;
  const messages = getMessages(language);
  const page = messages.webPage;
  checkOptions(options);
  const neutral: NeutralValues = {
    firstName: '',
    lastName: '',
    salutationLine: messages.salutationLine('none', '', ''),
    email: page.addressPlaceholder,
  };
  const text = (value: string, path: string) => neutralInline(value, path, neutral);
  const paragraphs = (value: string, path: string) => neutralParagraphs(value, path, neutral);

  const meta: Markup[] = [markup`${messages.newsletter}`];
  if (data.label !== undefined) meta.push(markup`${data.label}`);
  meta.push(markup`<time datetime="${data.date}">${formatDate(data.date, language)}</time>`);
  const sent =
    options.sentAt === undefined
      ? ''
      : markup`<p class="rk-meta rk-sent">${page.sentOn} <time datetime="${options.sentAt}">${formatInstantDate(options.sentAt, language, theme.timeZone)}</time></p>`;

  const editorial = data.editorial;
  const editorialMarkup =
    editorial === undefined
      ? ''
      : markup`<section class="rk-editorial"${editorial.heading === undefined ? '' : trusted(' aria-labelledby="rk-editorial"')}>
${editorial.heading === undefined ? '' : markup`<h2 id="rk-editorial">${text(editorial.heading, 'editorial.heading')}</h2>`}
${editorial.image === undefined ? '' : renderFigure(editorial.image, 'editorial.image')}
${paragraphs(editorial.text, 'editorial.text')}
<p class="rk-author"><strong>${editorial.author}</strong>${editorial.authorRole === undefined ? '' : markup`<br>${editorial.authorRole}`}</p>
</section>`;

  const sections = data.sections.map((section, i) => {
    const path = `sections[${i}]`;
    const items = section.items.map((item, j) =>
      renderItem(item, `${path}.items[${j}]`, `rk-item-${i}-${j}`, {
        theme,
        messages,
        language,
        text,
        paragraphs,
      }),
    );
    return markup`<section class="rk-section" aria-labelledby="rk-section-${i}">
<h2 id="rk-section-${i}">${text(section.heading, `${path}.heading`)}</h2>
${section.intro === undefined ? '' : paragraphs(section.intro, `${path}.intro`)}
${items}
</section>`;
  });

  const after: Markup[] = [];
  if (options.archiveUrl !== undefined)
    after.push(markup`<a class="rk-archive" href="${options.archiveUrl}">${page.backToArchive}</a>`);
  if (options.subscribeUrl !== undefined) {
    const listName = options.listName ?? messages.newsletterListName(theme.brand);
    after.push(
      markup`<a class="rk-subscribe" href="${options.subscribeUrl}">${page.subscribe(listName)}</a>`,
    );
  }

  const brand =
    theme.logo === undefined
      ? markup`<p class="rk-brand-name">${theme.brand}</p>`
      : markup`<p class="rk-brand-name"><img class="rk-logo" src="${checkedLink(theme.logo.src, 'theme.logo.src')}" alt="${theme.logo.alt === '' ? theme.brand : theme.logo.alt}"></p>`;
  const style =
    options.styleSheetUrl === undefined
      ? markup`<style${options.styleNonce === undefined ? '' : markup` nonce="${options.styleNonce}"`}>
${trusted(renderNewsletterPageStyleSheet(theme))}</style>`
      : markup`<link rel="stylesheet" href="${options.styleSheetUrl}">`;

  const html = markup`<!doctype html>
<html lang="${language}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${neutralText(data.subject, 'subject', neutral)} – ${theme.brand}</title>
${data.preheader === undefined ? '' : markup`<meta name="description" content="${neutralText(data.preheader, 'preheader', neutral)}">`}
${options.canonicalUrl === undefined ? '' : markup`<link rel="canonical" href="${options.canonicalUrl}">`}
${style}
</head>
<body>
<a class="rk-skip" href="#rk-content">${page.skipToContent}</a>
<header class="rk-brand">${brand}${theme.claim === undefined ? '' : markup`<p class="rk-claim">${theme.claim}</p>`}</header>
<main id="rk-content">
<article class="rk-issue" aria-labelledby="rk-title">
<p class="rk-meta">${joinMarkup(meta, ' · ')}</p>
<h1 id="rk-title">${text(data.subject, 'subject')}</h1>
${data.preheader === undefined ? '' : markup`<p class="rk-preheader">${text(data.preheader, 'preheader')}</p>`}
${sent}
${data.heroImage === undefined ? '' : renderFigure(data.heroImage, 'heroImage')}
${editorialMarkup}
${sections}
</article>
${after.length === 0 ? '' : markup`<p class="rk-after">${joinMarkup(after, '<br>')}</p>`}
</main>
<footer class="rk-footer">
${renderPageFooter(theme, messages)}
</footer>
</body>
</html>
`.value;
  return { html, htmlBytes: measureBytes({ parts: [html] }) };
}

/**
 * The style sheet of {@link renderNewsletterPage}: the theme's colours and fonts, one column that
 * fits 320 px, visible focus. Serve it as a file and pass its address as `styleSheetUrl` when the
 * page's CSP allows no inline style. Theme values are checked ({@link assertValidTheme}), so
 * nothing but colours and font names reaches the CSS.
 */
export function renderNewsletterPageStyleSheet(theme: Theme): string {
  assertValidTheme(theme);
  const c = theme.colours;
  return `*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:${c.background};color:${c.text};font-family:${theme.fontFamily};font-size:17px;line-height:1.6;overflow-wrap:break-word}
a{color:${c.link}}
a:focus-visible{outline:3px solid ${c.text};outline-offset:2px}
.rk-skip{position:absolute;left:-10000px;top:0}
.rk-skip:focus{left:16px;top:16px;background:${c.surface};color:${c.link};padding:8px;z-index:1}
header.rk-brand{background:${c.primary};color:${c.onPrimary};padding:18px 20px}
.rk-brand-name{margin:0;font-size:22px;font-weight:700;line-height:1.3}
.rk-claim{margin:4px 0 0;font-size:15px}
.rk-logo{display:block;max-width:240px;height:auto}
main{display:block;max-width:720px;margin:0 auto;background:${c.surface};padding:24px 20px 32px}
h1{font-size:28px;line-height:1.25;margin:0 0 12px}
h2{font-size:22px;line-height:1.3;margin:36px 0 12px;padding-top:14px;border-top:2px solid ${c.primary}}
h3{font-size:19px;line-height:1.35;margin:0 0 8px}
p{margin:0 0 14px}
.rk-meta{font-size:15px;color:${c.muted};margin:0 0 8px}
.rk-preheader{font-size:19px;color:${c.muted}}
.rk-label{margin:0 0 6px;font-size:13px;font-weight:700;letter-spacing:.04em;text-transform:uppercase;color:${c.accent}}
.rk-item{margin:28px 0 0}
figure{margin:0 0 16px}
img{max-width:100%;height:auto;display:block}
figcaption{font-size:14px;color:${c.muted};margin-top:6px}
.rk-button{display:inline-block;background:${c.primary};color:${c.onPrimary};font-weight:700;padding:12px 22px;border-radius:4px;text-decoration:none}
.rk-after{margin:36px 0 0;padding-top:16px;border-top:1px solid ${c.muted}}
footer.rk-footer{max-width:720px;margin:0 auto;padding:20px;font-size:14px;color:${c.text}}
footer.rk-footer a{color:${c.text}}
`;
}

interface ItemContext {
  readonly theme: Theme;
  readonly messages: Messages;
  readonly language: Language;
  readonly text: (value: string, path: string) => Markup;
  readonly paragraphs: (value: string, path: string) => Markup;
}

function renderItem(item: NewsletterItem, path: string, id: string, ctx: ItemContext): Markup {
  const { theme, messages, language, text, paragraphs } = ctx;
  const label = kindLabel(item, messages);
  const parts: Markup[] = [];
  if (item.image !== undefined) parts.push(renderFigure(item.image, `${path}.image`));
  if (label !== undefined) parts.push(markup`<p class="rk-label">${label}</p>`);
  parts.push(markup`<h3 id="${id}">${text(item.title, `${path}.title`)}</h3>`);
  const more = (url: string, label: string, field: string) =>
    markup`<p><a href="${checkedLink(url, field)}" aria-describedby="${id}">${label} <span aria-hidden="true">→</span></a></p>`;
  switch (item.kind) {
    case 'article':
      parts.push(paragraphs(item.text, `${path}.text`));
      if (item.url !== undefined)
        parts.push(more(item.url, item.linkLabel ?? messages.readMore, `${path}.url`));
      break;
    case 'project-update': {
      const meta = projectUpdateMeta(item, messages);
      if (meta.length > 0) parts.push(markup`<p class="rk-meta">${meta.join(' · ')}</p>`);
      parts.push(paragraphs(item.text, `${path}.text`));
      if (item.url !== undefined) parts.push(more(item.url, messages.readMore, `${path}.url`));
      break;
    }
    case 'event': {
      const when = formatEventTime(item.startsAt, item.endsAt, language, theme.timeZone);
      parts.push(
        markup`<p class="rk-meta"><strong>${messages.when}:</strong> <time datetime="${item.startsAt}">${when}</time><br><strong>${messages.where}:</strong> ${item.place}</p>`,
      );
      if (item.text !== undefined) parts.push(paragraphs(item.text, `${path}.text`));
      if (item.registrationUrl !== undefined) {
        parts.push(
          markup`<p><a class="rk-button" href="${checkedLink(item.registrationUrl, `${path}.registrationUrl`)}" aria-describedby="${id}">${messages.register}</a></p>`,
        );
      }
      break;
    }
    case 'funding-call': {
      const meta = [
        markup`<strong>${messages.deadline}:</strong> <time datetime="${item.deadline}">${formatDate(item.deadline, language)}</time>`,
      ];
      if (item.maxGrant !== undefined)
        meta.push(markup`${messages.maxGrant(formatMoney(item.maxGrant, language))}`);
      parts.push(markup`<p class="rk-meta">${joinMarkup(meta, '<br>')}</p>`);
      parts.push(paragraphs(item.text, `${path}.text`));
      if (item.url !== undefined) parts.push(more(item.url, messages.learnMore, `${path}.url`));
      break;
    }
  }
  return markup`<article class="rk-item" aria-labelledby="${id}">${parts}</article>`;
}

function renderFigure(image: Image, path: string): Markup {
  assertAlt(image, path);
  const lines = [image.caption, image.credit].filter((l): l is string => l !== undefined && l !== '');
  return markup`<figure><img src="${checkedLink(image.src, `${path}.src`)}" alt="${image.alt}"${image.width === undefined ? '' : markup` width="${image.width}"`}${image.height === undefined ? '' : markup` height="${image.height}"`} loading="lazy">${
    lines.length === 0
      ? ''
      : markup`<figcaption>${joinMarkup(
          lines.map((l) => markup`${l}`),
          '<br>',
        )}</figcaption>`
  }</figure>`;
}

/**
 * Authored text with each `{{field}}` replaced by its neutral stand-in. Where a field is left out,
 * the space before it goes too when a space or punctuation follows ("Hallo {{firstName}}," →
 * "Hallo,"). An unknown field is an error naming `path`, as in the mail.
 */
function neutralText(value: string, path: string, neutral: NeutralValues): string {
  const segments = parseAuthoredText(cleanText(value), path, AUTHOR_MERGE_FIELDS);
  let out = '';
  segments.forEach((segment, i) => {
    if (typeof segment === 'string') {
      out += segment;
      return;
    }
    const replacement = neutral[segment.field] ?? '';
    const next = segments[i + 1];
    const nextIsGap =
      next === undefined || (typeof next === 'string' && STARTS_WITH_SPACE_OR_PUNCTUATION.test(next));
    if (replacement === '' && nextIsGap) {
      out = out.replace(SPACE_BEFORE, '');
    }
    out += replacement;
  });
  return out;
}

/** One line of authored text as HTML (line breaks become `<br>`), merge fields neutral. */
function neutralInline(value: string, path: string, neutral: NeutralValues): Markup {
  return joinMarkup(
    neutralText(value, path, neutral)
      .split('\n')
      .map((line) => markup`${line}`),
    '<br>',
  );
}

/** Authored text as `<p>` paragraphs, merge fields neutral. */
function neutralParagraphs(value: string, path: string, neutral: NeutralValues): Markup {
  return joinMarkup(
    splitParagraphs(neutralText(value, path, neutral)).map(
      (p) => markup`<p>${neutralInline(p, path, neutral)}</p>`,
    ),
  );
}

function checkOptions(options: NewsletterPageOptions): void {
  if (options.sentAt !== undefined && !Instant.safeParse(options.sentAt).success) {
    throw createFieldError(
      'INVALID_INPUT',
      'sentAt',
      `expected an ISO instant with offset (2026-12-03T09:00:00+01:00), got ${JSON.stringify(options.sentAt.slice(0, 80))}`,
    );
  }
  if (options.canonicalUrl !== undefined) assertSafeLink(options.canonicalUrl, 'canonicalUrl');
  if (options.archiveUrl !== undefined) assertPageLink(options.archiveUrl, 'archiveUrl');
  if (options.subscribeUrl !== undefined) assertPageLink(options.subscribeUrl, 'subscribeUrl');
  if (options.styleSheetUrl !== undefined) {
    assertPageLink(options.styleSheetUrl, 'styleSheetUrl');
    if (options.styleNonce !== undefined) {
      throw new ContentError(
        'INVALID_INPUT',
        'styleNonce: expected either styleSheetUrl (a linked style sheet) or styleNonce (an inline one), got both',
        {
          issues: [{ path: 'styleNonce', message: 'expected either styleSheetUrl or styleNonce, got both' }],
        },
      );
    }
  }
  if (options.styleNonce !== undefined && !NONCE.test(options.styleNonce)) {
    throw createFieldError(
      'INVALID_INPUT',
      'styleNonce',
      'expected 16 to 256 base64 characters (A–Z, a–z, 0–9, +, /, -, _; = at the end)',
    );
  }
}

/** A link on the page: an `https:`/`http:` address, or a path on the same site (`/kielregion/archive`). */
function assertPageLink(url: string, path: string): void {
  if (ROOT_RELATIVE.test(url)) return;
  if (/^mailto:/i.test(url)) {
    throw createFieldError(
      'UNSAFE_URL',
      path,
      `expected an https or http link or a path, got ${JSON.stringify(url.slice(0, 80))}`,
    );
  }
  assertSafeLink(url, path);
}
