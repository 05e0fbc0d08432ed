import type { CompiledTemplate } from '@regiokit/content';
import type { Campaign, Language } from '@regiokit/core';
import type { MailAddress } from '@regiokit/smtp';

/** Service mails sent outside campaigns, ahead of bulk mail. */
export type ServiceMailKind = 'double-opt-in' | 'unsubscribe-confirmation';

/** A compiled mail with what the headers need. */
export interface CompiledMail {
  compiled: CompiledTemplate;
  from: MailAddress;
  replyTo?: MailAddress | undefined;
  /** Envelope sender (bounce address); defaults to `from.email`. */
  returnPath?: string | undefined;
  /** `List-Id` of bulk mail, e.g. `newsletter.kielregion.example.org`; absent for service mail. */
  list?: { id: string; name?: string | undefined } | undefined;
  /** Mailbox for `List-Unsubscribe: <mailto:…>`, e.g. `unsubscribe@kielregion.de`. */
  unsubscribeMailbox?: string | undefined;
  /** Domain of `Message-ID`s; defaults to the sender's domain. */
  messageIdDomain?: string | undefined;
}

/**
 * Renders mails once per campaign and language (with `@regiokit/content`), loading what they need
 * (issue or press release, region, theme) from the store.
 */
export interface TemplateSource {
  compileCampaign(
    campaign: Campaign,
    language: Language,
    options: { testSend: boolean },
  ): Promise<CompiledMail>;
  compileServiceMail(kind: ServiceMailKind, regionId: string, language: Language): Promise<CompiledMail>;
}
