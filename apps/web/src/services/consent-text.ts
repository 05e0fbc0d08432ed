import { createHash } from 'node:crypto';
import type { Theme } from '@regiokit/content';
import type { Language, MailingList } from '@regiokit/core';
import { PAGE_MESSAGES } from '../i18n/messages';

/** The consent text a sign-up form shows, verbatim, with the version the consent log records. */
export interface ConsentText {
  readonly text: string;
  /** `web-<language>-<first 12 hex of the text's SHA-256>`: a changed text is a new version. */
  readonly version: string;
}

/**
 * The consent text of a list's sign-up form in one language. Its version is derived from the
 * text itself, so a change of wording, publisher or privacy address can never be recorded under
 * an old version.
 */
export function buildConsentText(theme: Theme, list: MailingList, language: Language): ConsentText {
  const privacy = theme.links.privacy ?? theme.links.website ?? theme.imprint.email;
  const text = PAGE_MESSAGES[language].signUp.consentText(list.name, theme.imprint.publisher, privacy);
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 12);
  return { text, version: `web-${language}-${digest}` };
}
