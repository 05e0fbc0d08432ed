import { Instant, type Language, Line, validate } from '@regiokit/core';
import { cleanText } from './clean-text';
import { assembleCompiledTemplate, type CompiledTemplate, type TemplateKind } from './compiled-template';
import { createFieldError } from './content-error';
import { formatDateTime } from './format';
import {
  type CompileOptions,
  closeMail,
  type MailFrame,
  openMail,
  styles,
  writeTextBanner,
  writeTextFooter,
} from './mail-layout';
import { joinMarkup, type Markup, markup, mergeSlot } from './markup';
import { formatMergeSentinel, type MergeField } from './merge-field';
import { getMessages } from './messages';
import { TEXT_WIDTH } from './newsletter';
import { unwrapValidation } from './parse-input';
import { renderMjml } from './render-mjml';
import { PlainTextWriter } from './text-writer';
import { assertValidTheme, type Theme } from './theme';

/** Double opt-in: asks the new subscriber to confirm (merge field `confirmUrl`). */
export interface DoubleOptInMail {
  readonly kind: 'double-opt-in';
  /** Names of the topics the person chose, shown as a list. */
  readonly topics?: readonly string[];
  /** When the confirmation link stops working (an instant with offset). */
  readonly confirmExpiresAt?: string;
}

/** Confirms an unsubscribe and offers to subscribe again (merge field `resubscribeUrl`). */
export interface UnsubscribeConfirmationMail {
  readonly kind: 'unsubscribe-confirmation';
}

/** A service mail: not a campaign, sent to one person after an action of theirs. */
export type ServiceMail = DoubleOptInMail | UnsubscribeConfirmationMail;

/** Options of {@link compileServiceMail}. */
export interface ServiceMailOptions extends CompileOptions {
  /** Which list the mail is about: `newsletter` (default) or `press`, for the default list name. */
  readonly list?: 'newsletter' | 'press';
}

/**
 * Renders a service mail once per language into a {@link CompiledTemplate}: the double opt-in
 * confirmation (button to `{{confirmUrl}}`) or the confirmation of an unsubscribe (button to
 * `{{resubscribeUrl}}`). Like every mail they carry the reason, unsubscribe and preferences links,
 * sender and Impressum. German unless `options.language` says otherwise.
 *
 * @example
 * const compiled = await compileServiceMail({ kind: 'double-opt-in', topics: ['Fachkräfte'] }, theme);
 * personalise(compiled, { email, confirmUrl, unsubscribeUrl, preferencesUrl });
 */
export async function compileServiceMail(
  mail: ServiceMail,
  theme: Theme,
  options: ServiceMailOptions = {},
): Promise<CompiledTemplate> {
  assertValidTheme(theme);
  const language: Language = options.language ?? 'de';
  const messages = getMessages(language);
  const listName = cleanText(
    unwrapValidation(
      validate(
        Line,
        options.listName ??
          (options.list === 'press'
            ? messages.pressListName(theme.brand)
            : messages.newsletterListName(theme.brand)),
      ),
      'list name',
      'listName',
    ),
  );
  const st = styles(theme);
  const testSend = options.testSend === true;
  let kind: TemplateKind;
  let subject: string;
  let heading: string;
  let reason: string;
  let paragraphs: string[];
  let button: { label: string; field: MergeField };
  let after: Markup[] = [];
  let afterText: string[] = [];
  if (mail.kind === 'double-opt-in') {
    const m = messages.doubleOptIn;
    kind = 'double-opt-in';
    subject = m.subject(listName);
    heading = m.heading;
    reason = messages.reasonDoubleOptIn(listName);
    paragraphs = [m.body(listName)];
    button = { label: m.button, field: 'confirmUrl' };
    const topics = (mail.topics ?? []).map((t, i) =>
      cleanText(unwrapValidation(validate(Line, t), 'topic', `topics[${i}]`)),
    );
    if (topics.length > 0) {
      after.push(markup`<p style="${st.p}"><strong>${m.topics}:</strong> ${topics.join(', ')}</p>`);
      afterText.push(`${m.topics}: ${topics.join(', ')}`);
    }
    if (mail.confirmExpiresAt !== undefined) {
      const at = unwrapValidation(validate(Instant, mail.confirmExpiresAt), 'expiry', 'confirmExpiresAt');
      const sentence = m.expires(formatDateTime(at, language, theme.timeZone));
      after.push(markup`<p style="${st.p}">${sentence}</p>`);
      afterText.push(sentence);
    }
    after.push(markup`<p style="${st.meta}">${m.ignore}</p>`);
    afterText.push(m.ignore);
  } else if (mail.kind === 'unsubscribe-confirmation') {
    const m = messages.unsubscribed;
    kind = 'unsubscribe-confirmation';
    subject = m.subject(listName);
    heading = m.heading;
    reason = messages.reasonUnsubscribed(listName);
    paragraphs = [m.body(listName), m.mistake];
    button = { label: m.button, field: 'resubscribeUrl' };
    after = [];
    afterText = [];
  } else {
    throw createFieldError(
      'INVALID_INPUT',
      'kind',
      `expected "double-opt-in" or "unsubscribe-confirmation", got ${JSON.stringify((mail as { kind?: unknown }).kind)}`,
    );
  }
  const frame: MailFrame = {
    theme,
    messages,
    language,
    title: markup`${subject}`,
    preview: markup`${paragraphs[0]}`,
    reason,
    testSend,
    webVersion: false,
  };
  const c = theme.colours;
  const body = markup`<mj-section background-color="${c.surface}" padding="24px 0 8px"><mj-column><mj-text><h1 style="${st.h1}">${heading}</h1><p class="rk-greeting" style="${st.p}">${mergeSlot('salutationLine', 'html')}</p>${joinMarkup(paragraphs.map((p) => markup`<p style="${st.p}">${p}</p>`))}</mj-text><mj-button href="${mergeSlot(button.field, 'url')}" css-class="rk-action">${button.label}</mj-button><mj-text>${after}</mj-text></mj-column></mj-section>`;
  const html = await renderMjml(markup`${openMail(frame)}${body}${closeMail(frame)}`.value, {
    minify: options.minify === true,
  });
  const text = new PlainTextWriter(TEXT_WIDTH);
  writeTextBanner(text, frame);
  text.heading(heading, 1);
  text.raw(formatMergeSentinel('salutationLine', 'text'));
  for (const p of paragraphs) text.paragraph(p);
  text.raw(`${button.label}: ${formatMergeSentinel(button.field, 'text')}`);
  for (const p of afterText) text.paragraph(p);
  writeTextFooter(text, frame);
  return assembleCompiledTemplate({
    kind,
    language,
    testSend,
    minified: options.minify === true,
    subject: (testSend ? messages.testSubjectPrefix : '') + subject,
    preheader: paragraphs[0] ?? '',
    html,
    text: text.toString(),
  });
}
