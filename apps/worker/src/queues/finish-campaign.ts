import { pipelineKeys, type WorkerContext } from './worker-context';

const JOURNAL_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Ends a campaign as `sent` once no batch (and no fan-out) of it is pending. Safe to call from
 * every batch: the status change is compare-and-set, so only one caller finishes it.
 */
export async function finishCampaignIfDone(
  ctx: WorkerContext,
  regionId: string,
  campaignId: string,
): Promise<boolean> {
  const keys = pipelineKeys(ctx.settings.prefix, regionId, campaignId);
  if ((await ctx.redis.scard(keys.pending)) > 0) return false;
  if ((await ctx.store.getCampaignStatus(regionId, campaignId)) !== 'sending') return false;
  const progress = await ctx.store.progress(regionId, campaignId);
  const summary = Object.entries(progress.counts)
    .map(([state, n]) => `${state} ${n}`)
    .join(', ');
  const finished = await ctx.store.transitionCampaign(regionId, campaignId, ['sending'], 'sent', summary);
  if (finished) {
    await ctx.redis.expire(keys.journal, JOURNAL_TTL_SECONDS);
    ctx.logger.info({ regionId, campaignId, counts: progress.counts }, `campaign sent: ${summary}`);
  }
  return finished;
}
