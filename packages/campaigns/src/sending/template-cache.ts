import type { Campaign, Language } from '@regiokit/core';
import type { DkimSigner } from '@regiokit/smtp';
import { compileMessageTemplate, type MessageTemplate } from '@regiokit/smtp';
import type { CompiledMail, TemplateSource } from './template-source';

/** A campaign's mail, compiled and pre-encoded, ready to compose per recipient. */
export interface PreparedMail {
  mail: CompiledMail;
  template: MessageTemplate;
  envelopeFrom: string;
}

/** Builds the pre-encoded message template of a compiled mail. */
export function prepareMail(key: string, mail: CompiledMail, dkim: DkimSigner | undefined): PreparedMail {
  const domain = mail.messageIdDomain ?? mail.from.email.split('@').pop() ?? 'localhost';
  const template = compileMessageTemplate({
    key,
    messageIdDomain: domain,
    from: mail.from,
    replyTo: mail.replyTo,
    subject: mail.compiled.subject.parts,
    text: mail.compiled.text.parts,
    html: mail.compiled.html.parts,
    list: mail.list,
    dkim,
  });
  return { mail, template, envelopeFrom: mail.returnPath ?? mail.from.email };
}

/**
 * Renders each campaign once per language and process, and keeps the result while the campaign is
 * unchanged (`updatedAt`), so the batches of one campaign share one render.
 */
export class TemplateCache {
  readonly #source: TemplateSource;
  readonly #dkim: DkimSigner | undefined;
  readonly #entries = new Map<string, Promise<PreparedMail>>();

  constructor(source: TemplateSource, dkim: DkimSigner | undefined) {
    this.#source = source;
    this.#dkim = dkim;
  }

  /** The prepared mail of a campaign in a language; test sends are prepared separately. */
  get(campaign: Campaign, language: Language, testSend = false): Promise<PreparedMail> {
    const key = `${campaign.regionId}|${campaign.id}|${campaign.updatedAt}|${language}|${testSend}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      entry = this.#source.compileCampaign(campaign, language, { testSend }).then((mail) => {
        const key = `${campaign.regionId}.${campaign.id}`;
        return prepareMail(testSend ? `${key}.test` : key, mail, this.#dkim);
      });
      entry.catch(() => this.#entries.delete(key));
      if (this.#entries.size > 50) this.#entries.delete(this.#entries.keys().next().value as string);
      this.#entries.set(key, entry);
    }
    return entry;
  }
}
