import { pipelineKeys, type WorkerContext } from './worker-context';

type PipelineKeys = ReturnType<typeof pipelineKeys>;

/** Adds a batch to the pending set unless it finished already, in one step. */
const ADD_PENDING_UNLESS_DONE = `if redis.call('sismember', KEYS[2], ARGV[1]) == 1 then return 0 end
return redis.call('sadd', KEYS[1], ARGV[1])`;

/**
 * Marks a batch job (or the fan-out) pending. A fan-out that runs again after a crash adds its
 * batch ids again while BullMQ ignores the jobs of the batches that completed (same job ids): those
 * must not become pending again, or the campaign never ends.
 */
export async function markPending(ctx: WorkerContext, keys: PipelineKeys, member: string): Promise<void> {
  await ctx.redis.eval(ADD_PENDING_UNLESS_DONE, 2, keys.pending, keys.done, member);
}

/** Marks a batch job finished: out of the pending set and into the done set, in one step. */
export async function markDone(ctx: WorkerContext, keys: PipelineKeys, member: string): Promise<void> {
  await ctx.redis.multi().srem(keys.pending, member).sadd(keys.done, member).exec();
}

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
  const entries = Object.entries(progress.counts).filter(([, n]) => n > 0);
  // an empty audience still ends at its time, and says so
  const summary =
    entries.length === 0
      ? 'no recipients: the audience was empty when the campaign started'
      : entries.map(([state, n]) => `${state} ${n}`).join(', ');
  const finished = await ctx.store.transitionCampaign(regionId, campaignId, ['sending'], 'sent', summary);
  if (finished) {
    await ctx.redis.expire(keys.journal, JOURNAL_TTL_SECONDS);
    await ctx.redis.expire(keys.done, JOURNAL_TTL_SECONDS);
    await ctx.redis.expire(keys.started, JOURNAL_TTL_SECONDS);
    ctx.logger.info({ regionId, campaignId, counts: progress.counts }, `campaign sent: ${summary}`);
  }
  return finished;
}
