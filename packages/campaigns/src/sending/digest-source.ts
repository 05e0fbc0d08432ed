import type { DigestBundle, NewsletterIssue } from '@regiokit/core';
import type { CampaignInput, Store } from '@regiokit/store';

/** What the digest job reads and writes. */
export interface DigestSource {
  /** The region's records that `composeDigest` reads. */
  loadBundle(regionId: string): Promise<DigestBundle>;
  /** Stores the composed issue and a draft campaign for it. */
  saveDraft(issue: NewsletterIssue, campaign: CampaignInput): Promise<void>;
}

/** The {@link DigestSource} on `@regiokit/store`. */
export function createStoreDigestSource(store: Store, actor = 'worker'): DigestSource {
  return {
    async loadBundle(regionId) {
      const region = await store.records.get('region', regionId, regionId);
      if (!region) throw new Error(`region "${regionId}" not found in the store`);
      const [projects, events, grants, strategies, articles, decisions, bodies] = await Promise.all([
        store.records.list('project', regionId),
        store.records.list('event', regionId),
        store.records.list('grant', regionId),
        store.records.list('strategy', regionId),
        store.records.list('article', regionId),
        store.records.list('decision', regionId),
        store.records.list('body', regionId),
      ]);
      return { region, projects, events, grants, strategies, articles, decisions, bodies };
    },
    async saveDraft(issue, campaign) {
      await store.records.put('newsletter-issue', issue);
      await store.campaigns.create(campaign, actor);
    },
  };
}
