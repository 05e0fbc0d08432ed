import { pipelineKeys, type WorkerContext } from './worker-context';

const JOURNAL_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Ends a campaign as `sent` once no batch (and no fan-out) of it is pending. Safe to call from
 * every batch: the status change is compare-and-set, so only one caller finishes it.
 */
export async function finishCampaignIfDone(ctx: WorkerContext, campaignId: string): Promise<boolean> {
  const keys = pipelineKeys(ctx.settings.prefix, campaignId);
  if ((await ctx.redis.scard(keys.pending)) > 0) return false;
  const progress = await ctx.store.progress(campaignId);
  const summary = Object.entries(progress.counts)
    .map(([state, n]) => `${state} ${n}`)
    .join(', ');
  const finished = await ctx.store.transitionCampaign(campaignId, ['sending'], 'sent', summary);
  if (finished) {
    await ctx.redis.expire(keys.journal, JOURNAL_TTL_SECONDS);
    ctx.logger.info({ campaignId, counts: progress.counts }, `campaign sent: ${summary}`);
  }
  return finished;
}
