import { renderNewsletterPage, type Theme } from '@regiokit/content';
import {
  type Campaign,
  type CampaignStatus,
  isPubliclyVisible,
  type Language,
  type NewsletterIssue,
  type PressRelease,
} from '@regiokit/core';
import type { Store, StoredCampaign } from '@regiokit/store';

/** Statuses in which a campaign's mails (and so its web-version link) may be out. */
const MAILED: readonly CampaignStatus[] = ['sending', 'paused', 'sent'];

/** A newsletter issue whose mails are out, with the moment they went out once it was sent. */
export interface MailedNewsletter {
  readonly issue: NewsletterIssue;
  /** When its first campaign became `sent`; `undefined` while it is still sending. */
  readonly sentAt: string | undefined;
}

/** What the public archive of a region lists. */
export interface RegionArchive {
  /** Published newsletter issues, most recently sent (else published) first. */
  readonly newsletters: readonly MailedNewsletter[];
  /** Published press releases whose embargo has ended at `now`, newest first. */
  readonly pressReleases: readonly PressRelease[];
}

/** Lists a region's published newsletters and press releases at `now` (nothing else is public). */
export async function loadRegionArchive(store: Store, regionId: string, now: Date): Promise<RegionArchive> {
  const [campaigns, issues, releases] = await Promise.all([
    store.campaigns.list({ regionId, status: 'sent' }),
    store.records.list('newsletter-issue', regionId),
    store.records.list('press-release', regionId),
  ]);
  const sentAt = firstSentAt(campaigns);
  return {
    newsletters: issues
      .filter((issue) => issue.publication === 'published')
      .map((issue) => ({ issue, sentAt: sentAt.get(issue.id) }))
      .sort((a, b) => publishedAt(b) - publishedAt(a) || b.issue.id.localeCompare(a.issue.id)),
    pressReleases: releases
      .filter((r) => isPubliclyVisible(r, now))
      .sort((a, b) => b.dateline.date.localeCompare(a.dateline.date) || b.id.localeCompare(a.id)),
  };
}

/** Whether a campaign's mails, and so its web-version link, may be out. */
export function isMailed(campaign: Campaign): boolean {
  return MAILED.includes(campaign.status);
}

/** A published newsletter issue of the archive, with when it was first sent, else `undefined`. */
export async function findPublishedNewsletter(
  store: Store,
  regionId: string,
  issueId: string,
): Promise<MailedNewsletter | undefined> {
  const issue = await store.records.get('newsletter-issue', regionId, issueId);
  if (issue?.publication !== 'published') return undefined;
  const campaigns = await store.campaigns.list({ regionId, status: 'sent' });
  return { issue, sentAt: firstSentAt(campaigns).get(issueId) };
}

/** A press release that may be shown at `now` (published, and past its embargo if any), else `undefined`. */
export async function findPublishedPressRelease(
  store: Store,
  regionId: string,
  id: string,
  now: Date,
): Promise<PressRelease | undefined> {
  const release = await store.records.get('press-release', regionId, id);
  return release !== undefined && isPubliclyVisible(release, now) ? release : undefined;
}

/** Where the web version of a newsletter links to, all on this site. */
export interface NewsletterPageLinks {
  readonly canonicalUrl: string;
  readonly archiveUrl: string;
  readonly subscribeUrl: string;
  readonly styleSheetUrl: string;
  /** Name of the list in the sign-up link. */
  readonly listName?: string;
}

/**
 * The public web version of a newsletter issue (the same page for everyone, no reader's data),
 * with its style sheet linked so that the page's CSP needs no inline style.
 */
export function renderNewsletterWebVersion(
  { issue, sentAt }: MailedNewsletter,
  theme: Theme,
  language: Language,
  links: NewsletterPageLinks,
): string {
  return renderNewsletterPage(issue, theme, {
    language,
    ...links,
    ...(sentAt === undefined ? {} : { sentAt }),
  }).html;
}

/** Per newsletter issue, the earliest `sentAt` of its sent campaigns (an issue may be sent twice). */
function firstSentAt(campaigns: readonly StoredCampaign[]): Map<string, string | undefined> {
  const first = new Map<string, string | undefined>();
  for (const c of campaigns) {
    if (c.content.kind !== 'newsletter') continue;
    const known = first.get(c.content.issueId);
    const at = c.sentAt ?? undefined;
    if (
      !first.has(c.content.issueId) ||
      (at !== undefined && (known === undefined || Date.parse(at) < Date.parse(known)))
    ) {
      first.set(c.content.issueId, at);
    }
  }
  return first;
}

/** When an archived newsletter went out, for sorting; the issue's date where the moment is unknown. */
function publishedAt(newsletter: MailedNewsletter): number {
  return Date.parse(newsletter.sentAt ?? `${newsletter.issue.date}T00:00:00Z`);
}
