import { userInfo } from 'node:os';
import type { Producer } from '@regiokit/campaigns';
import type { Campaign, CampaignStatus } from '@regiokit/core';
import type { Store } from '@regiokit/store';
import type { CliContext } from '../cli-context';
import { createUserError } from '../cli-error';
import { LOCAL_PUBLIC_URL } from './public-url';

/** Statuses after which a campaign does not change any more. */
export const FINAL_STATUSES: readonly CampaignStatus[] = ['sent', 'cancelled', 'failed', 'missed'];

/** Who acts, for the audit log: `cli:<user>`. */
export function describeActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/** The worker's producer on the CLI's Redis connection and store; closed with the context. */
export async function openProducer(ctx: CliContext): Promise<Producer> {
  const [redis, store, { createProducer, createStoreSendingStore }] = await Promise.all([
    ctx.redis(),
    ctx.store(),
    import('@regiokit/campaigns'),
  ]);
  const producer = createProducer({
    connection: redis,
    prefix: ctx.config.queuePrefix,
    store: createStoreSendingStore(store, {
      secret: ctx.secret(),
      publicUrl: ctx.config.publicUrl ?? LOCAL_PUBLIC_URL,
      actor: describeActor(),
    }),
  });
  ctx.onClose(() => producer.close());
  return producer;
}

/** The campaign with `id`, in the `--region` given or in any region; a user error when none or several. */
export async function findCampaign(
  ctx: CliContext,
  id: string,
  regionId: string | undefined,
): Promise<Campaign> {
  const store = await ctx.store();
  const found = (await store.campaigns.list(regionId === undefined ? {} : { regionId })).filter(
    (c) => c.id === id,
  );
  const [first, ...more] = found;
  if (first === undefined) throw createUserError('UNKNOWN_CAMPAIGN', ctx.m.unknownCampaign(id));
  if (more.length > 0) {
    throw createUserError(
      'AMBIGUOUS_CAMPAIGN',
      ctx.m.campaignAmbiguous(id, found.map((c) => c.regionId).join(', ')),
    );
  }
  return first;
}

/** Where a campaign stands: status and counts from the send ledger. */
export interface CampaignProgressView {
  readonly regionId: string;
  readonly id: string;
  readonly status: CampaignStatus;
  readonly statusReason: string | undefined;
  /** Recipients: the audience now, or more when more were already mailed. */
  readonly audience: number;
  readonly sent: number;
  readonly failed: number;
  readonly skipped: number;
  /** Not yet settled; 0 once the campaign is over. */
  readonly remaining: number;
  /** Settled per minute of the send, oldest first. */
  readonly perMinute: readonly { minute: string; sent: number; failed: number }[];
}

/** Reads a campaign's progress from the store (status, ledger counts, audience size). */
export async function readCampaignProgress(store: Store, campaign: Campaign): Promise<CampaignProgressView> {
  const [current, ledger, minutes, audience] = await Promise.all([
    store.campaigns.get(campaign.regionId, campaign.id),
    store.ledger.progress(campaign.regionId, campaign.id),
    store.ledger.progressPerMinute(campaign.regionId, campaign.id),
    store.audience.count(campaign.regionId, campaign.audience),
  ]);
  const status = current?.status ?? campaign.status;
  const done = ledger.sent + ledger.failedPermanent + ledger.skipped;
  const total = Math.max(audience, done);
  return {
    regionId: campaign.regionId,
    id: campaign.id,
    status,
    statusReason: current?.statusReason,
    audience: total,
    sent: ledger.sent,
    failed: ledger.failedPermanent,
    skipped: ledger.skipped,
    remaining: FINAL_STATUSES.includes(status) ? 0 : total - done,
    perMinute: minutes.map((m) => ({ minute: m.minute, sent: m.sent, failed: m.failedPermanent })),
  };
}
