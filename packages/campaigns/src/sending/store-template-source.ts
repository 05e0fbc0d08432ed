import { compileNewsletter, compilePressRelease, compileServiceMail, createTheme } from '@regiokit/content';
import type { Region } from '@regiokit/core';
import type { Store } from '@regiokit/store';
import type { CompiledMail, TemplateSource } from './template-source';

/** Thrown when what a mail needs is missing from the store; the message names what and where. */
export class TemplateSourceError extends Error {
  override readonly name = 'TemplateSourceError';
}

/**
 * The worker's {@link TemplateSource} on `@regiokit/store` and `@regiokit/content`: loads the
 * region (sender, Impressum, theme), the list and the issue or press release of a campaign, and
 * renders it once per language. `List-Id` is `<list>.<region>.<sender domain>`.
 */
export function createStoreTemplateSource(store: Store): TemplateSource {
  async function regionOf(regionId: string): Promise<Region & { sender: NonNullable<Region['sender']> }> {
    const region = await store.records.get('region', regionId, regionId);
    if (!region) throw new TemplateSourceError(`region "${regionId}" not found in the store`);
    if (!region.sender) {
      throw new TemplateSourceError(
        `region "${regionId}" has no sender (sender.name, sender.email): mails need a From`,
      );
    }
    return region as Region & { sender: NonNullable<Region['sender']> };
  }

  function envelopeOf(region: Region & { sender: NonNullable<Region['sender']> }) {
    const domain = region.sender.email.split('@').pop() ?? 'localhost';
    return {
      from: { name: region.sender.name, email: region.sender.email },
      replyTo: region.sender.replyTo ? { email: region.sender.replyTo } : undefined,
      domain,
    };
  }

  return {
    async compileCampaign(campaign, language, { testSend }): Promise<CompiledMail> {
      const region = await regionOf(campaign.regionId);
      const theme = createTheme(region);
      const list = await store.lists.get(campaign.regionId, campaign.audience.listId);
      if (!list) {
        throw new TemplateSourceError(
          `list "${campaign.audience.listId}" of campaign ${campaign.id} not found`,
        );
      }
      const options = { language, testSend, listName: list.name };
      let compiled: CompiledMail['compiled'];
      if (campaign.content.kind === 'newsletter') {
        const issue = await store.records.get(
          'newsletter-issue',
          campaign.regionId,
          campaign.content.issueId,
        );
        if (!issue) throw new TemplateSourceError(`newsletter issue "${campaign.content.issueId}" not found`);
        compiled = await compileNewsletter(issue, theme, options);
      } else {
        const release = await store.records.get(
          'press-release',
          campaign.regionId,
          campaign.content.pressReleaseId,
        );
        if (!release)
          throw new TemplateSourceError(`press release "${campaign.content.pressReleaseId}" not found`);
        compiled = await compilePressRelease(release, theme, options);
      }
      const { from, replyTo, domain } = envelopeOf(region);
      return {
        compiled,
        from,
        replyTo,
        list: { id: `${list.id}.${region.id}.${domain}`, name: list.name },
        unsubscribeMailbox: `unsubscribe@${domain}`,
        messageIdDomain: domain,
      };
    },

    async compileServiceMail(kind, regionId, language): Promise<CompiledMail> {
      const region = await regionOf(regionId);
      const compiled = await compileServiceMail({ kind }, createTheme(region), { language });
      const { from, replyTo, domain } = envelopeOf(region);
      return { compiled, from, replyTo, messageIdDomain: domain };
    },
  };
}
