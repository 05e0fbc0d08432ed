import { compileNewsletter, personalise, type Theme } from '@regiokit/content';
import {
  type Campaign,
  type CampaignStatus,
  isEmbargoLifted,
  type Language,
  type NewsletterIssue,
  type PressRelease,
} from '@regiokit/core';
import type { Store } from '@regiokit/store';

/** Statuses in which a campaign's mails (and so its web-version link) may be out. */
const MAILED: readonly CampaignStatus[] = ['sending', 'paused', 'sent'];

/** What the public archive of a region lists. */
export interface RegionArchive {
  /** Newsletter issues with a `sent` campaign, newest first. */
  readonly newsletters: readonly NewsletterIssue[];
  /** Press releases whose embargo has ended at `now`, newest first. */
  readonly pressReleases: readonly PressRelease[];
}

/** Lists a region's sent newsletters and its published press releases at `now`. */
export async function loadRegionArchive(store: Store, regionId: string, now: Date): Promise<RegionArchive> {
  const [campaigns, issues, releases] = await Promise.all([
    store.campaigns.list({ regionId, status: 'sent' }),
    store.records.list('newsletter-issue', regionId),
    store.records.list('press-release', regionId),
  ]);
  const sentIssues = new Set(newsletterIssueIds(campaigns));
  return {
    newsletters: issues.filter((i) => sentIssues.has(i.id)).sort((a, b) => b.date.localeCompare(a.date)),
    pressReleases: releases
      .filter((r) => isEmbargoLifted(r, now))
      .sort((a, b) => b.dateline.date.localeCompare(a.dateline.date) || b.id.localeCompare(a.id)),
  };
}

/** A newsletter issue whose campaign has started sending, else `undefined`. */
export async function findMailedIssue(
  store: Store,
  regionId: string,
  issueId: string,
): Promise<NewsletterIssue | undefined> {
  const campaigns = await store.campaigns.list({ regionId, status: [...MAILED] });
  if (!newsletterIssueIds(campaigns).includes(issueId)) return undefined;
  return store.records.get('newsletter-issue', regionId, issueId);
}

/** A press release that may be shown at `now` (no embargo, or it has ended), else `undefined`. */
export async function findPublishedPressRelease(
  store: Store,
  regionId: string,
  id: string,
  now: Date,
): Promise<PressRelease | undefined> {
  const release = await store.records.get('press-release', regionId, id);
  return release !== undefined && isEmbargoLifted(release, now) ? release : undefined;
}

/**
 * The web version of a newsletter issue: the mail as compiled for sending, filled with neutral
 * values instead of a recipient's (no address, no personal links).
 */
export async function renderNewsletterWebVersion(
  issue: NewsletterIssue,
  theme: Theme,
  language: Language,
  neutral: { addressPlaceholder: string; manageUrl: string },
): Promise<string> {
  const compiled = await compileNewsletter(issue, theme, { language, webVersion: false, greeting: false });
  return personalise(compiled, {
    email: neutral.addressPlaceholder,
    unsubscribeUrl: neutral.manageUrl,
    preferencesUrl: neutral.manageUrl,
  }).html;
}

function newsletterIssueIds(campaigns: readonly Campaign[]): string[] {
  return campaigns.flatMap((c) => (c.content.kind === 'newsletter' ? [c.content.issueId] : []));
}
