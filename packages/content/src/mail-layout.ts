import type { Language } from '@regiokit/core';
import { cleanText } from './clean-text';
import { assertSafeLink } from './links';
import { joinMarkup, type Markup, markup, mergeSlot } from './markup';
import { formatMergeSentinel } from './merge-field';
import type { Messages } from './messages';
import type { PlainTextWriter } from './text-writer';
import type { Theme } from './theme';

/** Options every `compile…` function takes. */
export interface CompileOptions {
  /** Language of the fixed texts and formats; defaults to the record's language, else German. */
  readonly language?: Language;
  /** Test-send variant: a banner at the top and `[TEST]` before the subject. */
  readonly testSend?: boolean;
  /** Minify the HTML (Outlook conditional comments are kept). */
  readonly minify?: boolean;
  /** Name of the list in the reason line, e.g. `Newsletter KielRegion`. */
  readonly listName?: string;
}

/** What the shared frame of a mail needs. */
export interface MailFrame {
  readonly theme: Theme;
  readonly messages: Messages;
  readonly language: Language;
  /** Subject as HTML with `html` slots (for `<title>`). */
  readonly title: Markup;
  /** Preheader as HTML with `html` slots. */
  readonly preview: Markup;
  /** Reason line with `{email}` where the address goes. */
  readonly reason: string;
  readonly testSend: boolean;
  /** Show "view in browser" (needs the `webVersionUrl` merge field). */
  readonly webVersion: boolean;
}

/** Inline styles shared by all templates. */
export function styles(theme: Theme) {
  const c = theme.colours;
  return {
    p: `margin:0 0 14px;`,
    h1: `margin:0 0 10px;font-size:26px;line-height:1.25;font-weight:700;color:${c.text};`,
    h2: `margin:0 0 10px;font-size:21px;line-height:1.3;font-weight:700;color:${c.text};`,
    h3: `margin:0 0 8px;font-size:18px;line-height:1.35;font-weight:700;color:${c.text};`,
    label: `margin:0 0 6px;font-size:12px;line-height:1.4;font-weight:700;letter-spacing:0.04em;text-transform:uppercase;color:${c.accent};`,
    meta: `margin:0 0 10px;font-size:14px;line-height:1.5;color:${c.muted};`,
    small: `margin:6px 0 0;font-size:12px;line-height:1.4;color:${c.muted};`,
    link: `color:${c.link};text-decoration:underline;`,
    quote: `margin:0 0 14px;padding:0 0 0 14px;border-left:4px solid ${c.accent};font-style:italic;`,
  };
}

/** Splits a sentence with `{email}` into HTML with an `email` slot. */
export function withEmailSlot(sentence: string): Markup {
  const [before = '', after = ''] = sentence.split('{email}');
  return markup`${before}${mergeSlot('email', 'html')}${after}`;
}

/** Splits a sentence with `{email}` into plain text with an `email` slot. */
export function withEmailTextSlot(sentence: string): string {
  return sentence.replace('{email}', formatMergeSentinel('email', 'text'));
}

/** A link in HTML to a checked URL (`path` names the field in an error). */
export function link(
  url: string,
  label: Markup | string,
  path: string,
  style: string,
  className?: string,
): Markup {
  assertSafeLink(url, path);
  return markup`<a href="${url}" style="${style}"${className === undefined ? '' : markup` class="${className}"`}>${label}</a>`;
}

/** The `<mj-head>` and the opening of `<mj-body>`: banner, web-version line, header. */
export function openMail(frame: MailFrame): Markup {
  const { theme, messages } = frame;
  const c = theme.colours;
  const st = styles(theme);
  const banner = frame.testSend
    ? markup`<mj-section background-color="#fff3cd" padding="10px 0"><mj-column><mj-text css-class="rk-test-banner" color="#5c4400" font-size="14px" font-weight="700" align="center">${messages.testBanner}</mj-text></mj-column></mj-section>`
    : '';
  const webVersion = frame.webVersion
    ? markup`<mj-section padding="8px 0"><mj-column><mj-text align="right" font-size="12px" color="${c.muted}" padding="0 24px"><a href="${mergeSlot('webVersionUrl', 'url')}" class="rk-web-version" style="color:${c.muted};text-decoration:underline;">${messages.viewInBrowser}</a></mj-text></mj-column></mj-section>`
    : '';
  const logo = theme.logo;
  const brand =
    logo === undefined
      ? markup`<mj-text color="${c.onPrimary}" font-size="24px" font-weight="700" line-height="1.2" padding="20px 24px 4px">${theme.brand}</mj-text>`
      : markup`<mj-image src="${logo.src}" alt="${logo.alt}" width="${Math.min(logo.width ?? 200, 240)}px" align="left" padding="20px 24px 4px" />`;
  const claim =
    theme.claim === undefined
      ? markup`<mj-spacer height="16px" />`
      : markup`<mj-text color="${c.onPrimary}" font-size="14px" padding="0 24px 18px">${theme.claim}</mj-text>`;
  return markup`<mjml lang="${frame.language}" dir="ltr">
<mj-head>
<mj-title>${frame.title}</mj-title>
<mj-preview>${frame.preview}</mj-preview>
<mj-attributes>
<mj-all font-family="${theme.fontFamily}" />
<mj-text font-size="16px" line-height="1.55" color="${c.text}" padding="0 24px" />
<mj-section padding="0" />
<mj-image padding="0" />
<mj-button background-color="${c.primary}" color="${c.onPrimary}" font-size="16px" font-weight="700" border-radius="4px" inner-padding="12px 22px" padding="4px 24px 16px" align="left" />
</mj-attributes>
<mj-style>a { color: ${c.link}; } p { ${st.p} } .rk-footer a { color: ${c.muted}; }</mj-style>
</mj-head>
<mj-body background-color="${c.background}" width="600px">
${banner}${webVersion}<mj-section background-color="${c.primary}"><mj-column>${brand}${claim}</mj-column></mj-section>
`;
}

/** The footer (reason, unsubscribe, preferences, sender, Impressum) and the end of the document. */
export function closeMail(frame: MailFrame): Markup {
  const { theme, messages } = frame;
  const c = theme.colours;
  const imp = theme.imprint;
  const st = `margin:0 0 12px;font-size:13px;line-height:1.5;color:${c.muted};`;
  const footerLink = `color:${c.muted};text-decoration:underline;`;
  const links: Markup[] = [
    markup`<a href="${mergeSlot('unsubscribeUrl', 'url')}" class="rk-unsubscribe" style="${footerLink}">${messages.unsubscribe}</a>`,
    markup`<a href="${mergeSlot('preferencesUrl', 'url')}" class="rk-preferences" style="${footerLink}">${messages.preferences}</a>`,
  ];
  if (theme.links.privacy !== undefined) {
    links.push(link(theme.links.privacy, messages.privacy, 'theme.links.privacy', footerLink));
  }
  if (theme.links.website !== undefined) {
    links.push(link(theme.links.website, messages.website, 'theme.links.website', footerLink));
  }
  const contact: Markup[] = [
    markup`${messages.email}: ${link(`mailto:${imp.email}`, imp.email, 'theme.imprint.email', footerLink)}`,
  ];
  if (imp.phone !== undefined) contact.push(markup`${messages.phone}: ${imp.phone}`);
  const imprintLines: (Markup | false)[] = [
    markup`<strong>${messages.imprint}</strong>`,
    markup`${imp.publisher}`,
    markup`${imp.address.street}, ${imp.address.postalCode} ${imp.address.city}`,
    markup`${messages.representedBy}: ${imp.representative}`,
    imp.register !== undefined && markup`${messages.registerEntry}: ${imp.register}`,
    imp.vatId !== undefined && markup`${messages.vatId}: ${imp.vatId}`,
    joinMarkup(contact, ' · '),
    markup`${messages.responsibleForContent}: ${imp.responsibleForContent}`,
  ];
  return markup`<mj-section padding="20px 0 28px"><mj-column><mj-text css-class="rk-footer" font-size="13px" color="${c.muted}">
<p class="rk-reason" style="${st}">${withEmailSlot(frame.reason)}</p>
<p class="rk-links" style="${st}">${joinMarkup(links, ' · ')}</p>
<p class="rk-sender" style="${st}">${messages.sender}: ${theme.sender.name} · ${theme.sender.email}</p>
<p class="rk-imprint" style="${st}">${joinMarkup(imprintLines, '<br>')}</p>
</mj-text></mj-column></mj-section>
</mj-body>
</mjml>`;
}

/** The plain-text footer matching {@link closeMail}. */
export function writeTextFooter(writer: PlainTextWriter, frame: MailFrame): void {
  const { theme, messages } = frame;
  const imp = theme.imprint;
  writer.rule();
  writer.paragraphWithSlots(withEmailTextSlot(cleanText(frame.reason)));
  writer.raw(
    [
      `${messages.unsubscribe}: ${formatMergeSentinel('unsubscribeUrl', 'text')}`,
      `${messages.preferences}: ${formatMergeSentinel('preferencesUrl', 'text')}`,
      theme.links.privacy === undefined ? undefined : `${messages.privacy}: ${theme.links.privacy}`,
      theme.links.website === undefined ? undefined : `${messages.website}: ${theme.links.website}`,
    ]
      .filter((l) => l !== undefined)
      .join('\n'),
  );
  writer.lines([`${messages.sender}: ${theme.sender.name} <${theme.sender.email}>`]);
  writer.lines([
    messages.imprint,
    imp.publisher,
    `${imp.address.street}, ${imp.address.postalCode} ${imp.address.city}`,
    `${messages.representedBy}: ${imp.representative}`,
    imp.register === undefined ? undefined : `${messages.registerEntry}: ${imp.register}`,
    imp.vatId === undefined ? undefined : `${messages.vatId}: ${imp.vatId}`,
    `${messages.email}: ${imp.email}`,
    imp.phone === undefined ? undefined : `${messages.phone}: ${imp.phone}`,
    `${messages.responsibleForContent}: ${imp.responsibleForContent}`,
  ]);
}

/** The test-send line at the top of the plain-text part. */
export function writeTextBanner(writer: PlainTextWriter, frame: MailFrame): void {
  if (frame.testSend) writer.paragraph(`*** ${frame.messages.testBanner} ***`);
  if (frame.webVersion) {
    writer.raw(`${frame.messages.viewInBrowser}: ${formatMergeSentinel('webVersionUrl', 'text')}`);
  }
}
