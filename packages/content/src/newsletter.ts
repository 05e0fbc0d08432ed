import { NewsletterIssue, type NewsletterItem, type ProjectUpdateItem, validate } from '@regiokit/core';
import { assembleCompiledTemplate, type CompiledTemplate } from './compiled-template';
import { formatDate, formatEventTime, formatMoney } from './format';
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
import { authoredInline, authoredParagraphs, joinMarkup, type Markup, markup, mergeSlot } from './markup';
import { AUTHOR_MERGE_FIELDS, formatMergeSentinel } from './merge-field';
import { getMessages, type Messages } from './messages';
import { unwrapValidation } from './parse-input';
import { renderMjml } from './render-mjml';
import { PlainTextWriter, toTextWithSlots } from './text-writer';
import { assertValidTheme, type Theme } from './theme';

/** Options of {@link compileNewsletter}. */
export interface NewsletterOptions extends CompileOptions {
  /** Link to the web version at the top (needs `webVersionUrl`); default `true`. */
  readonly webVersion?: boolean;
  /** Salutation line ("Sehr geehrte Frau Doe,") before the editorial; default `true`. */
  readonly greeting?: boolean;
}

/** Column width of the plain-text part. */
export const TEXT_WIDTH = 76;

/**
 * Renders a newsletter issue once, for one language, into a {@link CompiledTemplate}: header with
 * the region's brand, preheader, editorial, sections of articles, project updates, events and
 * funding calls, and the footer with reason, unsubscribe and preferences links, sender and
 * Impressum. Authors may write `{{firstName}}`, `{{lastName}}`, `{{salutationLine}}` and
 * `{{email}}` into the subject, preheader and texts.
 *
 * Throws a {@link ContentError}: `INVALID_INPUT` / `UNSAFE_URL` naming the field
 * (`sections[1].items[0].url`), `UNKNOWN_MERGE_FIELD`, or `TEMPLATE_INVALID`.
 *
 * @example
 * const compiled = await compileNewsletter(issue, createTheme(region), { language: 'de' });
 * const mail = personalise(compiled, recipientValues);
 */
export async function compileNewsletter(
  issue: NewsletterIssue,
  theme: Theme,
  options: NewsletterOptions = {},
): Promise<CompiledTemplate> {
  assertValidTheme(theme);
  const data = unwrapValidation(validate(NewsletterIssue, issue), 'newsletter issue');
  const language = options.language ?? data.language;
  const messages = getMessages(language);
  const testSend = options.testSend === true;
  const frame: MailFrame = {
    theme,
    messages,
    language,
    title: authoredInline(data.subject, 'subject', true),
    preview: data.preheader === undefined ? markup`` : authoredInline(data.preheader, 'preheader', true),
    reason: messages.reasonNewsletter(options.listName ?? messages.newsletterListName(theme.brand)),
    testSend,
    webVersion: options.webVersion !== false,
  };
  const greeting = options.greeting !== false;
  const mjml = markup`${openMail(frame)}${renderBody(data, frame, greeting)}${closeMail(frame)}`;
  const html = await renderMjml(mjml.value, { minify: options.minify === true });
  return assembleCompiledTemplate({
    kind: 'newsletter',
    language,
    testSend,
    minified: options.minify === true,
    subject: (testSend ? messages.testSubjectPrefix : '') + toHeaderWithSlots(data.subject, 'subject'),
    preheader:
      data.preheader === undefined ? '' : toTextWithSlots(data.preheader, 'preheader', AUTHOR_MERGE_FIELDS),
    html,
    text: renderText(data, frame, greeting),
  });
}

/** Authored subject with `{{name}}` tokens as `header` slots. */
export function toHeaderWithSlots(text: string, path: string): string {
  return toTextWithSlots(text, path, AUTHOR_MERGE_FIELDS).replace(/:text\uE001/g, ':header\uE001');
}

function issueLine(
  issue: NewsletterIssue,
  messages: Messages,
  language: NewsletterIssue['language'],
): string {
  return [messages.newsletter, issue.label, formatDate(issue.date, language)]
    .filter((x) => x !== undefined)
    .join(' · ');
}

function renderBody(issue: NewsletterIssue, frame: MailFrame, greeting: boolean): Markup {
  const { theme, messages, language } = frame;
  const st = styles(theme);
  const c = theme.colours;
  const parts: Markup[] = [];
  parts.push(
    markup`<mj-section background-color="${c.surface}" padding="20px 0 4px"><mj-column><mj-text><p style="${st.meta}">${issueLine(issue, messages, language)}</p></mj-text></mj-column></mj-section>`,
  );
  if (issue.heroImage !== undefined) {
    parts.push(
      markup`<mj-section background-color="${c.surface}" padding="0 0 12px"><mj-column>${renderMailImage(issue.heroImage, 'heroImage', theme, { fullBleed: true })}</mj-column></mj-section>`,
    );
  }
  const editorial = issue.editorial;
  if (greeting || editorial !== undefined) {
    const inner: Markup[] = [];
    if (greeting)
      inner.push(markup`<p class="rk-greeting" style="${st.p}">${mergeSlot('salutationLine', 'html')}</p>`);
    if (editorial !== undefined) {
      if (editorial.heading !== undefined) {
        inner.push(
          markup`<h1 style="${st.h1}">${authoredInline(editorial.heading, 'editorial.heading', true)}</h1>`,
        );
      }
      inner.push(authoredParagraphs(editorial.text, 'editorial.text', true, st.p));
      inner.push(
        markup`<p style="${st.p}"><strong>${editorial.author}</strong>${editorial.authorRole === undefined ? '' : markup`<br>${editorial.authorRole}`}</p>`,
      );
    }
    const image =
      editorial?.image === undefined ? '' : renderMailImage(editorial.image, 'editorial.image', theme);
    parts.push(
      markup`<mj-section background-color="${c.surface}" padding="12px 0 8px"><mj-column>${image}<mj-text padding="${image === '' ? '0 24px' : '12px 24px 0'}">${inner}</mj-text></mj-column></mj-section>`,
    );
  }
  issue.sections.forEach((section, i) => {
    const path = `sections[${i}]`;
    const intro =
      section.intro === undefined ? '' : authoredParagraphs(section.intro, `${path}.intro`, true, st.p);
    const items = section.items.map((item, j) => renderItem(item, `${path}.items[${j}]`, frame));
    parts.push(
      markup`<mj-section background-color="${c.surface}" padding="16px 0 8px"><mj-column><mj-divider border-width="2px" border-color="${c.primary}" padding="0 24px 14px" /><mj-text><h2 style="${st.h2}">${authoredInline(section.heading, `${path}.heading`, true)}</h2>${intro}</mj-text>${items}</mj-column></mj-section>`,
    );
  });
  parts.push(
    markup`<mj-section background-color="${c.surface}" padding="0 0 16px"><mj-column><mj-spacer height="8px" /></mj-column></mj-section>`,
  );
  return joinMarkup(parts);
}

/** Field of action and status of a project update, one entry each where set. */
export function projectUpdateMeta(item: ProjectUpdateItem, messages: Messages): string[] {
  const meta: string[] = [];
  if (item.fieldOfAction !== undefined) meta.push(`${messages.fieldOfAction}: ${item.fieldOfAction}`);
  if (item.status !== undefined) meta.push(`${messages.status}: ${messages.projectStatus[item.status]}`);
  return meta;
}

/** The small label above an item ("Termin", "Förderaufruf"); articles have none. */
export function kindLabel(item: NewsletterItem, messages: Messages): string | undefined {
  switch (item.kind) {
    case 'article':
      return undefined;
    case 'project-update':
      return messages.projectUpdate;
    case 'event':
      return messages.event;
    case 'funding-call':
      return messages.fundingCall;
  }
}

function renderItem(item: NewsletterItem, path: string, frame: MailFrame): Markup {
  const { theme, messages, language } = frame;
  const st = styles(theme);
  const label = kindLabel(item, messages);
  const lines: Markup[] = [];
  if (label !== undefined) lines.push(markup`<p style="${st.label}">${label}</p>`);
  lines.push(markup`<h3 style="${st.h3}">${authoredInline(item.title, `${path}.title`, true)}</h3>`);
  let button: Markup | '' = '';
  switch (item.kind) {
    case 'article': {
      lines.push(authoredParagraphs(item.text, `${path}.text`, true, st.p));
      if (item.url !== undefined) {
        lines.push(
          markup`<p style="${st.p}">${link(item.url, `${item.linkLabel ?? messages.readMore} →`, `${path}.url`, st.link)}</p>`,
        );
      }
      break;
    }
    case 'project-update': {
      const meta = projectUpdateMeta(item, messages);
      if (meta.length > 0) lines.push(markup`<p style="${st.meta}">${meta.join(' · ')}</p>`);
      lines.push(authoredParagraphs(item.text, `${path}.text`, true, st.p));
      if (item.url !== undefined) {
        lines.push(
          markup`<p style="${st.p}">${link(item.url, `${messages.readMore} →`, `${path}.url`, st.link)}</p>`,
        );
      }
      break;
    }
    case 'event': {
      const when = formatEventTime(item.startsAt, item.endsAt, language, theme.timeZone);
      lines.push(
        markup`<p style="${st.meta}"><strong>${messages.when}:</strong> ${when}<br><strong>${messages.where}:</strong> ${item.place}</p>`,
      );
      if (item.text !== undefined) lines.push(authoredParagraphs(item.text, `${path}.text`, true, st.p));
      if (item.registrationUrl !== undefined) {
        assertSafeLink(item.registrationUrl, `${path}.registrationUrl`);
        button = markup`<mj-button href="${item.registrationUrl}">${messages.register}</mj-button>`;
      }
      break;
    }
    case 'funding-call': {
      const meta = [markup`<strong>${messages.deadline}:</strong> ${formatDate(item.deadline, language)}`];
      if (item.maxGrant !== undefined)
        meta.push(markup`${messages.maxGrant(formatMoney(item.maxGrant, language))}`);
      lines.push(markup`<p style="${st.meta}">${joinMarkup(meta, '<br>')}</p>`);
      lines.push(authoredParagraphs(item.text, `${path}.text`, true, st.p));
      if (item.url !== undefined) {
        lines.push(
          markup`<p style="${st.p}">${link(item.url, `${messages.learnMore} →`, `${path}.url`, st.link)}</p>`,
        );
      }
      break;
    }
  }
  const image =
    item.image === undefined ? '' : renderMailImage(item.image, `${path}.image`, theme, { paddingTop: 14 });
  return markup`${image}<mj-text padding="${image === '' ? '14px 24px 0' : '12px 24px 0'}">${lines}</mj-text>${button}`;
}

function renderText(issue: NewsletterIssue, frame: MailFrame, greeting: boolean): string {
  const { theme, messages, language } = frame;
  const w = new PlainTextWriter(TEXT_WIDTH);
  writeTextBanner(w, frame);
  w.heading(theme.brand, 1);
  w.paragraph(issueLine(issue, messages, language));
  if (greeting) w.raw(formatMergeSentinel('salutationLine', 'text'));
  const editorial = issue.editorial;
  if (editorial !== undefined) {
    if (editorial.heading !== undefined) w.authored(editorial.heading, 'editorial.heading', true);
    w.authored(editorial.text, 'editorial.text', true);
    w.lines([editorial.author, editorial.authorRole]);
  }
  issue.sections.forEach((section, i) => {
    const path = `sections[${i}]`;
    w.headingWithSlots(toTextWithSlots(section.heading, `${path}.heading`, AUTHOR_MERGE_FIELDS), 1);
    if (section.intro !== undefined) w.authored(section.intro, `${path}.intro`, true);
    section.items.forEach((item, j) => {
      const itemPath = `${path}.items[${j}]`;
      const label = kindLabel(item, messages);
      if (label !== undefined) w.lines([`[${label}]`]);
      w.headingWithSlots(toTextWithSlots(item.title, `${itemPath}.title`, AUTHOR_MERGE_FIELDS), 2);
      switch (item.kind) {
        case 'article':
          w.authored(item.text, `${itemPath}.text`, true);
          if (item.url !== undefined) w.link(item.linkLabel ?? messages.readMore, item.url);
          break;
        case 'project-update': {
          w.lines(projectUpdateMeta(item, messages));
          w.authored(item.text, `${itemPath}.text`, true);
          if (item.url !== undefined) w.link(messages.readMore, item.url);
          break;
        }
        case 'event':
          w.lines([
            `${messages.when}: ${formatEventTime(item.startsAt, item.endsAt, language, theme.timeZone)}`,
            `${messages.where}: ${item.place}`,
          ]);
          if (item.text !== undefined) w.authored(item.text, `${itemPath}.text`, true);
          if (item.registrationUrl !== undefined) w.link(messages.register, item.registrationUrl);
          break;
        case 'funding-call':
          w.lines([
            `${messages.deadline}: ${formatDate(item.deadline, language)}`,
            item.maxGrant === undefined ? undefined : messages.maxGrant(formatMoney(item.maxGrant, language)),
          ]);
          w.authored(item.text, `${itemPath}.text`, true);
          if (item.url !== undefined) w.link(messages.learnMore, item.url);
          break;
      }
      if (item.image?.credit !== undefined) w.lines([item.image.credit]);
    });
  });
  writeTextFooter(w, frame);
  return w.toString();
}
