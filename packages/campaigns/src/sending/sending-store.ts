import type { Campaign, CampaignStatus, Language, Salutation, TimePlan } from '@regiokit/core';

/** One recipient as the sender needs it. */
export interface RecipientRecord {
  id: string;
  email: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
  salutation?: Salutation | undefined;
  language: Language;
}

/** Per-recipient links: the unsubscribe page (GET shows, POST acts, also RFC 8058 one-click). */
export interface RecipientLinks {
  unsubscribeUrl: string;
  preferencesUrl?: string | undefined;
  webVersionUrl?: string | undefined;
}

/** What happened to one claimed recipient. */
export type SendOutcome =
  | { subscriberId: string; state: 'sent'; messageId?: string | undefined; reply?: string | undefined }
  /** Temporary failure: claimable again after `retryAt`. */
  | { subscriberId: string; state: 'retry'; reason: string; retryAt: Date }
  | { subscriberId: string; state: 'failed'; reason: string; hardBounce: boolean }
  /** Claimed, then not attempted (pause, cancel, shutdown): claimable again at once. */
  | { subscriberId: string; state: 'released' }
  /** No longer to be mailed (unsubscribed or suppressed since the fan-out). */
  | { subscriberId: string; state: 'skipped' };

/** Counts per ledger state and settled messages per minute. */
export interface CampaignProgress {
  counts: Readonly<Record<string, number>>;
  perMinute: readonly { minute: string; sent: number; failed: number }[];
}

/** Recipients a claim obtained, with the handle that settles them. */
export interface ClaimResult {
  /** Opaque; passed back to `settle` (a fencing token in the store). */
  handle: unknown;
  claimed: string[];
}

/** A page of a campaign's audience in keyset order: the ids after `after`. */
export interface AudienceRange {
  /** Last id of the page before (exclusive start); absent for the first page. */
  after?: string | undefined;
  ids: readonly string[];
}

/**
 * The persistence the sending pipeline needs. Implemented on `@regiokit/store`; shared by all
 * worker processes, so every method must be safe when called from several processes at once.
 * Campaigns are named by region and id (ids are unique per region).
 */
export interface SendingStore {
  getCampaign(regionId: string, campaignId: string): Promise<Campaign | undefined>;
  /** The status alone, for the frequent pause/cancel checks. */
  getCampaignStatus(regionId: string, campaignId: string): Promise<CampaignStatus | undefined>;
  /**
   * Moves a campaign to `to` if its status is one of `from` (checked against the lifecycle with the
   * row locked). Returns whether this call made the change.
   */
  transitionCampaign(
    regionId: string,
    campaignId: string,
    from: readonly CampaignStatus[],
    to: CampaignStatus,
    reason?: string,
  ): Promise<boolean>;
  /**
   * Sets the time plan of a campaign that has not started (draft, scheduled, paused); a start job
   * of the old plan that fires afterwards finds it changed and does nothing. Audited.
   */
  replacePlan(regionId: string, campaignId: string, plan: TimePlan): Promise<void>;
  /**
   * The campaign of one occurrence of a recurring campaign (same content and audience, plan `at`,
   * status `scheduled`, its own ledger), created on first call and returned after that.
   */
  createOccurrence(campaign: Campaign, at: Date): Promise<Campaign>;
  /** Ids of the campaign's audience (active, not suppressed) after `after`, ordered, at most `limit`. */
  audiencePage(campaign: Campaign, after: string | undefined, limit: number): Promise<string[]>;
  /** The recipients of a page that may still be mailed (active, not suppressed). */
  loadRecipients(campaign: Campaign, range: AudienceRange): Promise<RecipientRecord[]>;
  /** Claims ledger rows for (campaign, subscriber) before sending; only rows nobody holds. */
  claim(campaign: Campaign, ids: readonly string[], owner: string): Promise<ClaimResult>;
  /**
   * Records outcomes of a claim; a hard bounce also suppresses the address. `lost` counts the
   * outcomes not recorded because the claim had lapsed and someone else holds the row now.
   */
  settle(campaign: Campaign, handle: unknown, outcomes: readonly SendOutcome[]): Promise<{ lost: number }>;
  /**
   * Ids of a page that are not done and not claimable now: held by another claim whose lease
   * has not run out (a crashed worker's), or waiting for a retry. Empty when the page is done.
   */
  unfinished(campaign: Campaign, range: AudienceRange): Promise<{ ids: string[]; retryAt: Date | undefined }>;
  progress(regionId: string, campaignId: string): Promise<CampaignProgress>;
  /** Links of a recipient for a campaign (tokens the web app verifies). */
  recipientLinks(campaign: Campaign, subscriberId: string): RecipientLinks;
  /** Unsubscribe and preferences links of a subscriber for a service mail (all lists). */
  serviceLinks(regionId: string, subscriberId: string): RecipientLinks;
}
