import { type Language, PressRelease, validate } from '@regiokit/core';
import { cleanText } from './clean-text';
import { assembleCompiledTemplate, type CompiledTemplate } from './compiled-template';
import { assertSafeLink } from './links';
import { renderMailImage } from './mail-image';
import {
  type CompileOptions,
  closeMail,
  link,
  type MailFrame,
  openMail,
  styles,
  writeTextBanner,
  writeTextFooter,
} from './mail-layout';
import {
  authoredInline,
  authoredParagraphs,
  joinMarkup,
  type Markup,
  markup,
  splitParagraphs,
} from './markup';
import { parseAuthoredText } from './merge-field';
import { getMessages, type Messages } from './messages';
import { TEXT_WIDTH } from './newsletter';
import { unwrapValidation } from './parse-input';
import { buildPressReleaseView, formatAttribution, type PressReleaseView } from './press-release-view';
import { renderMjml } from './render-mjml';
import { PlainTextWriter, toTextWithSlots } from './text-writer';
import { assertValidTheme, type Theme } from './theme';

/** Options of {@link compilePressRelease}. */
export interface PressReleaseOptions extends CompileOptions {
  /** Link to the web version at the top (needs `webVersionUrl`); default `true`. */
  readonly webVersion?: boolean;
}

/** Options of {@link renderPressReleaseText}. */
export interface PressReleaseTextOptions {
  /** Language of the fixed texts; defaults to the release's language. */
  readonly language?: Language;
}

/**
 * Renders a press release once, for one language, as a mail for the press list: embargo line at
 * the top when set, label with number, headline, subline, dateline in the region's house style,
 * lead, body, quotes, funding note, images with caption and credit, boilerplate, press contact,
 * and the footer. Press release texts take no merge fields (`{{…}}` is an error).
 *
 * @example
 * const compiled = await compilePressRelease(release, createTheme(region));
 */
export async function compilePressRelease(
  release: PressRelease,
  theme: Theme,
  options: PressReleaseOptions = {},
): Promise<CompiledTemplate> {
  assertValidTheme(theme);
  const data = unwrapValidation(validate(PressRelease, release), 'press release');
  assertNoMergeFields(data, '');
  const language = options.language ?? data.language;
  const messages = getMessages(language);
  const view = buildPressReleaseView(data, theme, messages, language);
  const testSend = options.testSend === true;
  const subject = pressSubject(data, view);
  const previewText = data.subline ?? splitParagraphs(data.lead)[0] ?? '';
  const frame: MailFrame = {
    theme,
    messages,
    language,
    title: markup`${subject}`,
    preview: markup`${previewText}`,
    reason: messages.reasonPress(options.listName ?? messages.pressListName(theme.brand)),
    testSend,
    webVersion: options.webVersion !== false,
  };
  const mjml = markup`${openMail(frame)}${renderMailBody(data, view, frame)}${closeMail(frame)}`;
  const html = await renderMjml(mjml.value, { minify: options.minify === true });
  const text = new PlainTextWriter(TEXT_WIDTH);
  writeTextBanner(text, frame);
  writePressText(text, data, view, messages);
  writeTextFooter(text, frame);
  return assembleCompiledTemplate({
    kind: 'press-release',
    language,
    testSend,
    minified: options.minify === true,
    subject: (testSend ? messages.testSubjectPrefix : '') + toTextWithSlots(subject, 'headline', []),
    preheader: cleanText(previewText),
    html,
    text: text.toString(),
  });
}

/**
 * Writes a press release as plain text to paste into an editorial system: no line wrapping
 * (each paragraph is one line), links and image URLs written out, no mail footer.
 */
export function renderPressReleaseText(
  release: PressRelease,
  theme: Theme,
  options: PressReleaseTextOptions = {},
): string {
  assertValidTheme(theme);
  const data = unwrapValidation(validate(PressRelease, release), 'press release');
  assertNoMergeFields(data, '');
  const language = options.language ?? data.language;
  const messages = getMessages(language);
  const writer = new PlainTextWriter(0);
  writePressText(writer, data, buildPressReleaseView(data, theme, messages, language), messages);
  return writer.toString();
}

function pressSubject(release: PressRelease, view: PressReleaseView): string {
  const subject = `${view.label}: ${release.headline}`;
  return view.embargo === undefined ? subject : `${subject} (${view.embargo})`;
}

/** Throws `UNKNOWN_MERGE_FIELD` naming the field when any text of a release contains `{{…}}`. */
export function assertNoMergeFields(value: unknown, path: string): void {
  if (typeof value === 'string') {
    parseAuthoredText(value, path, []);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      assertNoMergeFields(v, `${path}[${i}]`);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value))
      assertNoMergeFields(v, path === '' ? key : `${path}.${key}`);
  }
}

function renderMailBody(release: PressRelease, view: PressReleaseView, frame: MailFrame): Markup {
  const { theme, messages } = frame;
  const st = styles(theme);
  const c = theme.colours;
  const top: Markup[] = [];
  if (view.embargo !== undefined) {
    top.push(
      markup`<p class="rk-embargo" style="margin:0 0 16px;padding:10px 12px;border:2px solid #b42318;color:#b42318;font-weight:700;font-size:15px;">${view.embargo}</p>`,
    );
  }
  top.push(markup`<p class="rk-label" style="${st.label}">${view.label}</p>`);
  top.push(markup`<h1 style="${st.h1}">${authoredInline(release.headline, 'headline', false)}</h1>`);
  if (release.subline !== undefined) {
    top.push(
      markup`<p style="margin:0 0 16px;font-size:18px;line-height:1.4;color:${c.muted};">${authoredInline(release.subline, 'subline', false)}</p>`,
    );
  }
  const [firstLead = '', ...restLead] = release.lead.split(/\n[ \t]*\n+/);
  top.push(
    markup`<p class="rk-lead" style="${st.p}font-weight:700;"><span class="rk-dateline">${view.dateline}</span> ${authoredInline(firstLead.trim(), 'lead', false)}</p>`,
  );
  if (restLead.length > 0)
    top.push(authoredParagraphs(restLead.join('\n\n'), 'lead', false, `${st.p}font-weight:700;`));
  top.push(authoredParagraphs(release.body, 'body', false, st.p));
  release.quotes.forEach((quote, i) => {
    const [open, close] = view.quoteMarks;
    top.push(
      markup`<p style="${st.quote}">${open}${authoredInline(quote.text.replace(/\s*\n\s*/g, ' '), `quotes[${i}].text`, false)}${close}<br><span style="font-style:normal;color:${c.muted};">${formatAttribution(quote)}</span></p>`,
    );
  });
  if (release.fundingNote !== undefined) {
    top.push(authoredParagraphs(release.fundingNote, 'fundingNote', false, `${st.meta}`));
  }
  const images = release.images.map((image, i) => {
    const path = `images[${i}]`;
    assertSafeLink(image.src, `${path}.src`);
    return markup`<mj-spacer height="8px" />${renderMailImage(image, path, theme)}<mj-text padding="4px 24px 8px" font-size="13px">${link(image.src, messages.fullSizeImage, `${path}.src`, st.link)}</mj-text>`;
  });
  const contact = release.contact;
  const contactLines = joinMarkup(
    view.contactLines.map((l) => markup`${l}`),
    '<br>',
  );
  const email =
    contact.email === undefined
      ? ''
      : markup`<br>${messages.email}: ${link(`mailto:${contact.email}`, contact.email, 'contact.email', st.link)}`;
  return markup`<mj-section background-color="${c.surface}" padding="24px 0 8px"><mj-column><mj-text>${top}</mj-text>
${images.length === 0 ? '' : markup`<mj-text padding="8px 24px 0"><h2 style="${st.h3}">${messages.pressImages}</h2></mj-text>${images}`}
<mj-divider border-width="1px" border-color="${c.muted}" padding="16px 24px" />
<mj-text css-class="rk-boilerplate"><h2 style="${st.h3}">${release.boilerplate.title}</h2>${authoredParagraphs(release.boilerplate.text, 'boilerplate.text', false, st.p)}</mj-text>
<mj-text css-class="rk-contact"><h2 style="${st.h3}">${messages.pressContact}</h2><p style="${st.p}">${contactLines}${email}</p></mj-text>
</mj-column></mj-section>`;
}

function writePressText(
  w: PlainTextWriter,
  release: PressRelease,
  view: PressReleaseView,
  messages: Messages,
): void {
  w.lines([view.label, view.embargo]);
  w.heading(release.headline, 1);
  if (release.subline !== undefined) w.paragraph(release.subline);
  const [firstLead = '', ...restLead] = release.lead.split(/\n[ \t]*\n+/);
  w.paragraph(`${view.dateline} ${firstLead.trim()}`);
  if (restLead.length > 0) w.authored(restLead.join('\n\n'), 'lead', false);
  w.authored(release.body, 'body', false);
  const [open, close] = view.quoteMarks;
  release.quotes.forEach((quote) => {
    w.paragraph(`${open}${quote.text.replace(/\s*\n\s*/g, ' ')}${close}\n${formatAttribution(quote)}`);
  });
  if (release.fundingNote !== undefined) w.authored(release.fundingNote, 'fundingNote', false);
  w.heading(release.boilerplate.title, 2);
  w.authored(release.boilerplate.text, 'boilerplate.text', false);
  w.heading(messages.pressContact, 2);
  w.lines([
    ...view.contactLines,
    release.contact.email === undefined ? undefined : `${messages.email}: ${release.contact.email}`,
  ]);
  if (release.images.length > 0) {
    w.heading(messages.pressImages, 2);
    for (const image of release.images) w.lines([image.caption, image.credit, image.src]);
  }
}
