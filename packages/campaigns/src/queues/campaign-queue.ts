import type { Job } from 'bullmq';
import { formatBatchJobId, SEND_QUEUE, type SendBatchJob } from '../jobs/send-batch-job';
import { CAMPAIGN_QUEUE, StartCampaignJob } from '../jobs/start-campaign-job';
import { finishCampaignIfDone, markPending } from './finish-campaign';
import { pipelineKeys, type WorkerContext } from './worker-context';

/** What a start job did; the job's return value. */
export interface StartSummary {
  outcome: 'fanned-out' | 'missed' | 'skipped';
  batches: number;
  recipients: number;
  status?: string | undefined;
}

/**
 * Starts a campaign: refuses a schedule missed by more than the allowed lateness (→ `missed`),
 * moves the campaign to `sending`, and fans its audience out into batch jobs with deterministic
 * ids (a re-run after a crash adds the same jobs again, which BullMQ ignores). A recurring
 * campaign sends each occurrence as a campaign of its own.
 */
export function createCampaignProcessor(ctx: WorkerContext) {
  return async function processCampaign(job: Job): Promise<StartSummary> {
    const data = StartCampaignJob.parse(job.data);
    const runId = String(job.id ?? 'run').replace(/[^A-Za-z0-9_-]/g, '_');
    const log = ctx.logger.child({ queue: CAMPAIGN_QUEUE, jobId: job.id, campaignId: data.campaignId });
    let campaign = await ctx.store.getCampaign(data.regionId, data.campaignId);
    if (!campaign) {
      log.warn('campaign not found; nothing to send');
      return { outcome: 'skipped', batches: 0, recipients: 0 };
    }

    // a job of a scheduler carries the moment it was due in its timestamp + delay
    const due = data.scheduledFor ? Date.parse(data.scheduledFor) : job.timestamp + (job.opts.delay ?? 0);
    if (campaign.plan.kind === 'recurring' && !data.resume) {
      if (campaign.status !== 'scheduled') {
        log.info({ status: campaign.status }, 'recurring campaign is not scheduled; occurrence skipped');
        return { outcome: 'skipped', batches: 0, recipients: 0, status: campaign.status };
      }
      campaign = await ctx.store.createOccurrence(campaign, new Date(due));
      log.info(
        { occurrence: campaign.id, due: new Date(due).toISOString() },
        'occurrence of a recurring campaign',
      );
    }

    // a start job of a plan that was replaced since (reschedule) never fires: the plan decides
    if (
      !data.resume &&
      campaign.plan.kind === 'at' &&
      data.scheduledFor !== undefined &&
      Date.parse(data.scheduledFor) !== Date.parse(campaign.plan.at)
    ) {
      log.info(
        { scheduledFor: data.scheduledFor, plan: campaign.plan.at },
        'start job of a replaced plan; nothing to do',
      );
      return { outcome: 'skipped', batches: 0, recipients: 0, status: campaign.status };
    }

    const lateness = ctx.now().getTime() - due;
    if (!data.resume && campaign.status === 'scheduled' && lateness > ctx.settings.maxLatenessMs) {
      const reason = `schedule missed: due ${new Date(due).toISOString()}, ${Math.round(lateness / 60_000)} min late (allowed ${Math.round(ctx.settings.maxLatenessMs / 60_000)} min)`;
      await ctx.store.transitionCampaign(campaign.regionId, campaign.id, ['scheduled'], 'missed', reason);
      ctx.metrics.missed++;
      log.error({ due: new Date(due).toISOString(), latenessMs: lateness }, reason);
      return { outcome: 'missed', batches: 0, recipients: 0 };
    }

    if (campaign.status === 'scheduled') {
      await ctx.store.transitionCampaign(campaign.regionId, campaign.id, ['scheduled'], 'sending');
    }
    const status = await ctx.store.getCampaignStatus(campaign.regionId, campaign.id);
    if (status !== 'sending') {
      log.info({ status }, 'campaign is not sending; start skipped');
      return { outcome: 'skipped', batches: 0, recipients: 0, status };
    }

    const keys = pipelineKeys(ctx.settings.prefix, campaign.regionId, campaign.id);
    await ctx.redis.set(keys.started, ctx.now().toISOString(), 'NX');
    const fanout = `fanout:${runId}`;
    await ctx.redis.sadd(keys.pending, fanout);
    let after: string | undefined;
    let index = 0;
    let recipients = 0;
    for (;;) {
      const ids = await ctx.store.audiencePage(campaign, after, ctx.settings.batchSize);
      if (ids.length === 0) break;
      const jobId = formatBatchJobId(campaign.regionId, campaign.id, runId, index);
      await markPending(ctx, keys, jobId);
      const payload: SendBatchJob = {
        regionId: campaign.regionId,
        campaignId: campaign.id,
        runId,
        index,
        ...(after === undefined ? {} : { after }),
        subscriberIds: ids,
      };
      await ctx.queues.send.add('batch', payload, {
        jobId,
        attempts: ctx.settings.attempts,
        backoff: { type: 'exponential', delay: ctx.settings.backoffMs, jitter: 0.5 },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
      recipients += ids.length;
      index++;
      // a short page is not the end: the store may filter (suppressed) after paging
      after = ids.at(-1);
    }
    await ctx.redis.srem(keys.pending, fanout);
    log.info({ batches: index, recipients, queue: SEND_QUEUE }, 'campaign fanned out');
    await finishCampaignIfDone(ctx, campaign.regionId, campaign.id);
    return { outcome: 'fanned-out', batches: index, recipients };
  };
}
