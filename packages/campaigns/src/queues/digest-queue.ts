import { composeDigest } from '@regiokit/core';
import type { Job } from 'bullmq';
import { DIGEST_QUEUE, DigestJob } from '../jobs/digest-job';
import type { WorkerContext } from './worker-context';

/** What a digest job did. */
export interface DigestSummary {
  outcome: 'held' | 'scheduled' | 'nothing-to-report' | 'exists';
  campaignId?: string | undefined;
  from: string;
  to: string;
}

const isoDay = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/**
 * Composes a region's digest with core's `composeDigest` for the days before the run, stores the
 * issue and a campaign for it, and either holds the campaign for approval (draft) or schedules it
 * at once (a per-region setting in the job).
 */
export function createDigestProcessor(ctx: WorkerContext) {
  return async function processDigest(job: Job): Promise<DigestSummary> {
    const data = DigestJob.parse(job.data);
    const log = ctx.logger.child({ queue: DIGEST_QUEUE, jobId: job.id, regionId: data.regionId });
    const digests = ctx.digests;
    if (!digests) throw new Error('digest jobs need a DigestSource; the worker was started without one');
    const due = new Date(job.timestamp + (job.opts.delay ?? 0));
    const lastDay = new Date(due.getTime() - 86_400_000);
    const to = isoDay(lastDay, data.timeZone);
    const from = isoDay(new Date(lastDay.getTime() - (data.periodDays - 1) * 86_400_000), data.timeZone);
    const campaignId = `digest-${to}`;
    if (await ctx.store.getCampaign(data.regionId, campaignId)) {
      return { outcome: 'exists', campaignId, from, to };
    }
    const bundle = await digests.loadBundle(data.regionId);
    const issue = composeDigest({
      bundle,
      from,
      to,
      now: ctx.now(),
      language: data.language,
      id: `digest-${from}-${to}`,
    });
    if (!issue) {
      log.info({ from, to }, 'digest: nothing to report');
      return { outcome: 'nothing-to-report', from, to };
    }
    await digests.saveDraft(issue, {
      id: campaignId,
      regionId: data.regionId,
      name: issue.subject,
      content: { kind: 'newsletter', issueId: issue.id },
      audience: { listId: data.listId, topics: [] },
      plan: { kind: 'now' },
    });
    if (data.approval === 'hold') {
      log.info({ campaignId, from, to }, 'digest composed; held for approval');
      return { outcome: 'held', campaignId, from, to };
    }
    await ctx.store.transitionCampaign(data.regionId, campaignId, ['draft'], 'scheduled');
    await ctx.queues.campaigns.add(
      'start',
      { regionId: data.regionId, campaignId, scheduledFor: ctx.now().toISOString(), resume: false },
      {
        jobId: `start.${data.regionId}.${campaignId}.digest`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
      },
    );
    log.info({ campaignId, from, to }, 'digest composed and scheduled');
    return { outcome: 'scheduled', campaignId, from, to };
  };
}
