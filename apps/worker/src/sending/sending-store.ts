import type { Campaign, CampaignStatus, Language, Salutation } from '@regiokit/core';

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

/** What happened to one recipient of a campaign. */
export type SendOutcome =
  | { subscriberId: string; state: 'sent'; messageId: string; at: Date }
  /** Temporary failure: the claim is released and a later attempt may send again. */
  | { subscriberId: string; state: 'retry'; reason: string; code?: number | undefined }
  | { subscriberId: string; state: 'failed'; reason: string; code?: number | undefined; hardBounce: boolean }
  /** Claimed, then not attempted (pause, cancel, shutdown): back to claimable. */
  | { subscriberId: string; state: 'released' };

/** Counts per ledger state and sent messages per minute. */
export interface CampaignProgress {
  audience: number;
  counts: Readonly<Record<string, number>>;
  sentPerMinute: readonly { minute: string; sent: number }[];
}

/** Result of a claim: ids now owned by the caller, and ids the same owner claimed before and did not settle. */
export interface ClaimResult {
  claimed: string[];
  /** Claimed earlier by the same owner (a run that crashed): maybe sent; check the journal. */
  reclaimed: string[];
}

/**
 * The persistence the sending pipeline needs. Implemented on `@regiokit/store`; shared by all
 * worker processes, so every method must be safe when called from several processes at once.
 */
export interface SendingStore {
  getCampaign(id: string): Promise<Campaign | undefined>;
  /** The status alone, for the frequent pause/cancel checks. */
  getCampaignStatus(id: string): Promise<CampaignStatus | undefined>;
  /**
   * Moves a campaign to `to` if its status is one of `from` (compare and set, through the
   * campaign lifecycle). Returns whether this call made the change.
   */
  transitionCampaign(
    id: string,
    from: readonly CampaignStatus[],
    to: CampaignStatus,
    reason?: string,
  ): Promise<boolean>;
  /**
   * The campaign of one occurrence of a recurring campaign (same content and audience, plan
   * `at`, status `scheduled`, its own ledger), created on first call and returned after that.
   */
  createOccurrence(campaign: Campaign, at: Date): Promise<Campaign>;
  /** Ids of the campaign's audience (active, not suppressed) after `afterId`, ordered, at most `limit`. */
  audiencePage(campaignId: string, afterId: string | undefined, limit: number): Promise<string[]>;
  /** The recipients among `ids` that may still be mailed (active, not suppressed). */
  loadRecipients(campaignId: string, ids: readonly string[]): Promise<RecipientRecord[]>;
  /** Claims ledger rows for (campaign, subscriber) before sending; see {@link ClaimResult}. */
  claim(campaignId: string, ids: readonly string[], owner: string): Promise<ClaimResult>;
  /** Records outcomes; idempotent. A hard bounce also suppresses the address. */
  settle(campaignId: string, outcomes: readonly SendOutcome[]): Promise<void>;
  progress(campaignId: string): Promise<CampaignProgress>;
  /** Links of a recipient for a campaign (tokens the web app verifies). */
  recipientLinks(subscriberId: string, campaignId: string): RecipientLinks;
}
