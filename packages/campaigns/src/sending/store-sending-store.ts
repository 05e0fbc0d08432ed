import { type Campaign, DomainError } from '@regiokit/core';
import { type Claim, createToken, type Outcome, type Store } from '@regiokit/store';
import type {
  AudienceRange,
  CampaignProgress,
  ClaimResult,
  RecipientRecord,
  SendingStore,
  SendOutcome,
} from './sending-store';

/** Settings of {@link createStoreSendingStore}. */
export interface StoreSendingStoreOptions {
  /** REGIOKIT_SECRET: signs the unsubscribe and preferences tokens (the web app verifies them). */
  secret: string;
  /** PUBLIC_URL of the web app, without a trailing slash. */
  publicUrl: string;
  /** How long a claim holds; a crashed worker's claims are taken over after it. Default 2 min. */
  leaseMs?: number;
  /** Actor recorded in the audit log for status changes. */
  actor?: string;
}

const STORE_STATE: Record<SendOutcome['state'], Outcome['state']> = {
  sent: 'sent',
  retry: 'failed-temporary',
  failed: 'failed-permanent',
  released: 'failed-temporary',
  skipped: 'skipped',
};

/**
 * The worker's {@link SendingStore} on `@regiokit/store`: campaigns, audience pages, the send
 * ledger (claims with a lease and a fencing token), suppression of hard bounces, progress.
 */
export function createStoreSendingStore(store: Store, options: StoreSendingStoreOptions): SendingStore {
  const actor = options.actor ?? 'worker';
  const leaseMs = options.leaseMs ?? 120_000;

  async function* pages(campaign: Campaign, after: string | undefined, batchSize: number) {
    yield* store.audience.iterate(campaign.regionId, campaign.audience, {
      batchSize,
      ...(after === undefined ? {} : { after }),
    });
  }

  return {
    getCampaign: (regionId, campaignId) => store.campaigns.get(regionId, campaignId),

    async getCampaignStatus(regionId, campaignId) {
      return (await store.campaigns.get(regionId, campaignId))?.status;
    },

    async transitionCampaign(regionId, campaignId, from, to, reason) {
      const current = await store.campaigns.get(regionId, campaignId);
      if (!current || !from.includes(current.status)) return false;
      try {
        // compare-and-set with the row locked: `from` is checked again inside the transaction
        await store.campaigns.transition(regionId, campaignId, to, {
          actor,
          from,
          ...(reason === undefined ? {} : { reason }),
        });
        return true;
      } catch (error) {
        // someone else moved it first (the transition is checked with the row locked)
        if (error instanceof DomainError && error.code === 'ILLEGAL_TRANSITION') return false;
        throw error;
      }
    },

    async replacePlan(regionId, campaignId, plan) {
      await store.campaigns.update(regionId, campaignId, { plan }, actor);
    },

    async createOccurrence(campaign, at) {
      const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').toLowerCase();
      const id = `${campaign.id.slice(0, 50)}-${stamp}`;
      const existing = await store.campaigns.get(campaign.regionId, id);
      if (existing) return existing;
      await store.campaigns.create(
        {
          id,
          regionId: campaign.regionId,
          name: `${campaign.name} (${at.toISOString().slice(0, 10)})`,
          content: campaign.content,
          audience: campaign.audience,
          plan: { kind: 'at', at: at.toISOString(), timeZone: 'Europe/Berlin' },
        },
        actor,
      );
      return store.campaigns.transition(campaign.regionId, id, 'scheduled', { actor });
    },

    audiencePage: (campaign, after, limit) =>
      store.audience.ids(campaign.regionId, campaign.audience, {
        batchSize: limit,
        ...(after === undefined ? {} : { after }),
      }),

    async loadRecipients(campaign, range: AudienceRange) {
      const wanted = new Set(range.ids);
      const last = range.ids.at(-1);
      const found: RecipientRecord[] = [];
      if (last === undefined) return found;
      // the same keyset page again: whoever left the audience since the fan-out is not in it
      for await (const page of pages(campaign, range.after, Math.min(10_000, range.ids.length + 100))) {
        for (const r of page) {
          if (wanted.has(r.id)) {
            found.push({
              id: r.id,
              email: r.email,
              firstName: r.firstName,
              lastName: r.lastName,
              salutation: r.salutation,
              language: r.language,
            });
          }
        }
        if ((page.at(-1)?.id ?? last) >= last) break;
      }
      return found;
    },

    async claim(campaign, ids, owner): Promise<ClaimResult> {
      const claim = await store.ledger.claim(campaign.regionId, campaign.id, ids, { leaseMs, owner });
      return { handle: claim, claimed: claim.subscriberIds };
    },

    async settle(_campaign, handle, outcomes) {
      if (outcomes.length === 0) return { lost: 0 };
      const now = new Date();
      const { lost } = await store.ledger.settle(
        handle as Claim,
        outcomes.map((o): Outcome => {
          const base = { subscriberId: o.subscriberId, state: STORE_STATE[o.state] };
          switch (o.state) {
            case 'sent':
              return { ...base, ...(o.messageId ? { messageId: o.messageId } : {}), smtpReply: o.reply };
            case 'retry':
              return { ...base, error: o.reason, retryAt: o.retryAt };
            case 'failed':
              return { ...base, smtpReply: o.reason };
            case 'released':
              return { ...base, error: 'released unsent (pause, cancel or shutdown)', retryAt: now };
            default:
              return { ...base, error: 'no longer in the audience' };
          }
        }),
      );
      for (const o of outcomes) {
        if (o.state === 'failed' && o.hardBounce) {
          await store.suppressions.addSubscriber(o.subscriberId, 'hard-bounce', {
            note: o.reason.slice(0, 200),
            actor,
          });
        }
      }
      return { lost: lost.length };
    },

    async unfinished(campaign, range) {
      const rows = await store.ledger.outstanding(campaign.regionId, campaign.id, range.ids);
      let retryAt: Date | undefined;
      for (const row of rows) {
        const at = new Date(row.reclaimableAt);
        if (!retryAt || at < retryAt) retryAt = at;
      }
      return { ids: rows.map((r) => r.subscriberId), retryAt };
    },

    async progress(regionId, campaignId): Promise<CampaignProgress> {
      const [p, minutes] = await Promise.all([
        store.ledger.progress(regionId, campaignId),
        store.ledger.progressPerMinute(regionId, campaignId),
      ]);
      const counts: Record<string, number> = {};
      const put = (name: string, n: number) => {
        if (n > 0) counts[name] = n;
      };
      put('sent', p.sent);
      put('failed', p.failedPermanent);
      put('retry', p.failedTemporary);
      put('claimed', p.claimed);
      put('skipped', p.skipped);
      return {
        counts,
        perMinute: minutes.map((m) => ({ minute: m.minute, sent: m.sent, failed: m.failedPermanent })),
      };
    },

    serviceLinks(_regionId, subscriberId) {
      return {
        unsubscribeUrl: `${options.publicUrl}/u/${createToken(options.secret, { purpose: 'unsubscribe', subscriberId })}`,
        preferencesUrl: `${options.publicUrl}/p/${createToken(options.secret, { purpose: 'preferences', subscriberId })}`,
      };
    },

    recipientLinks(campaign, subscriberId) {
      const ref = campaign.audience.listId;
      return {
        unsubscribeUrl: `${options.publicUrl}/u/${createToken(options.secret, { purpose: 'unsubscribe', subscriberId, ref })}`,
        preferencesUrl: `${options.publicUrl}/p/${createToken(options.secret, { purpose: 'preferences', subscriberId, ref })}`,
        webVersionUrl: `${options.publicUrl}/w/${campaign.regionId}/${campaign.id}`,
      };
    },
  };
}
