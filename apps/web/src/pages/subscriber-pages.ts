import { html } from 'hono/html';
import { csrfField } from './form-parts';
import { type Html, renderLayout } from './layout';
import type { PageContext } from './page-context';

/** A page with a question and one button that posts to `action` (confirm, unsubscribe). */
export function renderActionPage(
  ctx: PageContext,
  options: {
    title: string;
    text: string;
    button: string;
    action: string;
    csrfToken: string;
    danger?: boolean;
  },
): Html {
  return renderLayout(ctx, {
    title: options.title,
    noindex: true,
    body: html`<h1>${options.title}</h1>
<p>${options.text}</p>
<form method="post" action="${options.action}">
${csrfField(options.csrfToken)}
<button type="submit"${options.danger === true ? html` class="secondary"` : ''}>${options.button}</button>
</form>`,
  });
}

/** The outcome of an action, with an optional link onwards. */
export function renderOutcomePage(
  ctx: PageContext,
  options: { title: string; text: string; link?: { href: string; label: string } },
): Html {
  return renderLayout(ctx, {
    title: options.title,
    noindex: true,
    body: html`<h1>${options.title}</h1>
<p class="notice" role="status">${options.text}</p>
${options.link === undefined ? '' : html`<p><a href="${options.link.href}">${options.link.label}</a></p>`}`,
  });
}
