import { type CampaignStatus, CronExpression, TimePlan } from '@regiokit/core';
import { Queue, type QueueOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { DIGEST_QUEUE, DigestJob } from './jobs/digest-job';
import { QUEUE_NAMES } from './jobs/queue-names';
import { SERVICE_MAIL_QUEUE, ServiceMailJob } from './jobs/service-mail-job';
import { CAMPAIGN_QUEUE, type StartCampaignJob } from './jobs/start-campaign-job';
import { pipelineKeys } from './queues/worker-context';
import type { CampaignProgress, SendingStore } from './sending/sending-store';

/** What the producer needs: a Redis connection, the queue prefix and the store. */
export interface ProducerOptions {
  connection: Redis;
  prefix: string;
  store: Pick<
    SendingStore,
    'getCampaign' | 'getCampaignStatus' | 'transitionCampaign' | 'replacePlan' | 'progress'
  >;
  now?: () => Date;
}

/** Thrown when a control action does not fit the campaign's status or plan. */
export class ProducerError extends Error {
  override readonly name = 'ProducerError';
}

/** The producer API used by the CLI and the web app. Campaigns are named by region and id. */
export interface Producer {
  /** Plans a campaign: now, at an instant, or recurring by cron in a time zone; status → `scheduled`. */
  scheduleCampaign(
    regionId: string,
    campaignId: string,
    plan: TimePlan,
  ): Promise<{ jobId: string; runAt: Date | undefined }>;
  /**
   * Replaces a campaign's plan before it started sending (draft, scheduled, or paused before its
   * time): the plan is stored first, then the old start job removed and the new one added; a start
   * job of the old plan that still fires finds the plan changed and does nothing.
   */
  rescheduleCampaign(
    regionId: string,
    campaignId: string,
    plan: TimePlan,
  ): Promise<{ jobId: string; runAt: Date | undefined }>;
  /** Pauses sending; running batches stop within about a second. */
  pauseCampaign(regionId: string, campaignId: string): Promise<void>;
  /**
   * Continues a paused campaign: one that had started sending goes on where it stopped (the ledger
   * skips everyone already mailed); one paused before its time is scheduled again and waits for it,
   * or starts now when its time has passed (the worker marks it `missed` beyond MAX_LATENESS).
   */
  resumeCampaign(regionId: string, campaignId: string): Promise<void>;
  /** Stops a campaign for good; what was sent stays recorded. */
  cancelCampaign(regionId: string, campaignId: string): Promise<void>;
  /** Counts per ledger state and per minute, with the campaign's status. */
  progress(
    regionId: string,
    campaignId: string,
  ): Promise<CampaignProgress & { status: CampaignStatus | undefined }>;
  /** Sends the test variant of a campaign (also a draft) to one address, through the service-mail queue. */
  sendTest(regionId: string, campaignId: string, email: string): Promise<{ jobId: string }>;
  /** Queues a service mail (opt-in or unsubscribe confirmation), ahead of bulk mail. */
  sendServiceMail(job: ServiceMailJob): Promise<{ jobId: string }>;
  /**
   * Sets a region's recurring digest (replacing an earlier one): by cron in a time zone, for the
   * days before each run, held for approval or sent at once.
   */
  scheduleDigest(settings: DigestJob & { cron: string }): Promise<{ jobId: string }>;
  /** Stops a region's recurring digest. */
  cancelDigest(regionId: string): Promise<void>;
  close(): Promise<void>;
}

const schedulerId = (regionId: string, campaignId: string) => `campaign.${regionId}.${campaignId}`;

/** Creates the producer; it only adds jobs and changes statuses, it sends nothing itself. */
export function createProducer(options: ProducerOptions): Producer {
  const queueOptions: QueueOptions = { connection: options.connection, prefix: options.prefix };
  const campaigns = new Queue(CAMPAIGN_QUEUE, queueOptions);
  const serviceMail = new Queue(SERVICE_MAIL_QUEUE, queueOptions);
  const digest = new Queue(DIGEST_QUEUE, queueOptions);
  const now = options.now ?? (() => new Date());
  const { store } = options;

  async function addStart(regionId: string, campaignId: string, plan: TimePlan) {
    if (plan.kind === 'recurring') {
      const id = schedulerId(regionId, campaignId);
      await campaigns.upsertJobScheduler(
        id,
        // startDate: the producer's clock, so tests can place a schedule before a DST change
        { pattern: plan.cron, tz: plan.timeZone, startDate: now() },
        { name: 'start', data: { regionId, campaignId, resume: false } satisfies StartCampaignJob },
      );
      return { jobId: id, runAt: undefined };
    }
    const runAt = plan.kind === 'at' ? new Date(plan.at) : now();
    // a new id each time: a completed job kept with the same id would make BullMQ ignore the add
    const jobId = `start.${regionId}.${campaignId}.${runAt.getTime()}.${now().getTime()}`;
    const data: StartCampaignJob = { regionId, campaignId, scheduledFor: runAt.toISOString(), resume: false };
    await campaigns.add('start', data, {
      jobId,
      delay: Math.max(0, runAt.getTime() - now().getTime()),
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    return { jobId, runAt };
  }

  async function removeStarts(regionId: string, campaignId: string) {
    await campaigns.removeJobScheduler(schedulerId(regionId, campaignId));
    for (const job of await campaigns.getJobs(['delayed', 'waiting', 'prioritized'])) {
      if (job?.data?.regionId === regionId && job.data.campaignId === campaignId) await job.remove();
    }
  }

  async function hasStarted(regionId: string, campaignId: string): Promise<boolean> {
    return (
      (await options.connection.exists(pipelineKeys(options.prefix, regionId, campaignId).started)) === 1
    );
  }

  async function requireStatus(regionId: string, campaignId: string) {
    const status = await store.getCampaignStatus(regionId, campaignId);
    if (status === undefined) throw new ProducerError(`campaign ${regionId}/${campaignId} not found`);
    return status;
  }

  return {
    async scheduleCampaign(regionId, campaignId, plan) {
      const parsed = TimePlan.parse(plan);
      const status = await requireStatus(regionId, campaignId);
      if (status !== 'draft' && status !== 'scheduled') {
        throw new ProducerError(
          `campaign ${regionId}/${campaignId} is ${status}; only a draft or scheduled campaign can be scheduled`,
        );
      }
      // the stored plan is the one the start job carries (a start job of another plan does nothing)
      const campaign = await store.getCampaign(regionId, campaignId);
      if (
        campaign !== undefined &&
        JSON.stringify(TimePlan.parse(campaign.plan)) !== JSON.stringify(parsed)
      ) {
        await store.replacePlan(regionId, campaignId, parsed);
      }
      if (status === 'draft') await store.transitionCampaign(regionId, campaignId, ['draft'], 'scheduled');
      return addStart(regionId, campaignId, parsed);
    },
    async rescheduleCampaign(regionId, campaignId, plan) {
      const parsed = TimePlan.parse(plan);
      const status = await requireStatus(regionId, campaignId);
      if (status !== 'scheduled' && status !== 'draft' && status !== 'paused') {
        throw new ProducerError(
          `campaign ${regionId}/${campaignId} is ${status}; it can no longer be rescheduled`,
        );
      }
      if (status === 'paused' && (await hasStarted(regionId, campaignId))) {
        throw new ProducerError(
          `campaign ${regionId}/${campaignId} has started sending; resume or cancel it instead`,
        );
      }
      // the plan first: from here on a start job of the old plan does nothing when it fires
      await store.replacePlan(regionId, campaignId, parsed);
      await removeStarts(regionId, campaignId);
      if (status !== 'scheduled') await store.transitionCampaign(regionId, campaignId, [status], 'scheduled');
      return addStart(regionId, campaignId, parsed);
    },
    async pauseCampaign(regionId, campaignId) {
      const status = await requireStatus(regionId, campaignId);
      if (!(await store.transitionCampaign(regionId, campaignId, ['sending', 'scheduled'], 'paused'))) {
        throw new ProducerError(
          `campaign ${regionId}/${campaignId} is ${status}; only a sending or scheduled campaign can be paused`,
        );
      }
      // paused before its time: the start job goes; resume adds it again for the plan's time
      const campaign = await store.getCampaign(regionId, campaignId);
      if (status === 'scheduled' && campaign?.plan.kind !== 'recurring')
        await removeStarts(regionId, campaignId);
    },
    async resumeCampaign(regionId, campaignId) {
      const status = await requireStatus(regionId, campaignId);
      const campaign = await store.getCampaign(regionId, campaignId);
      if (status !== 'paused' || campaign === undefined) {
        throw new ProducerError(
          `campaign ${regionId}/${campaignId} is ${status}; only a paused campaign can be resumed`,
        );
      }
      if (campaign.plan.kind === 'recurring' || !(await hasStarted(regionId, campaignId))) {
        // not started yet: back to scheduled; a recurring plan's scheduler stayed in place, a
        // one-off plan gets its start job again (delayed until its time, or now when it passed)
        if (!(await store.transitionCampaign(regionId, campaignId, ['paused'], 'scheduled'))) {
          throw new ProducerError(`campaign ${regionId}/${campaignId} changed meanwhile; try again`);
        }
        if (campaign.plan.kind !== 'recurring') await addStart(regionId, campaignId, campaign.plan);
        return;
      }
      if (!(await store.transitionCampaign(regionId, campaignId, ['paused'], 'sending'))) {
        throw new ProducerError(
          `campaign ${regionId}/${campaignId} is ${status}; only a paused campaign can be resumed`,
        );
      }
      const data: StartCampaignJob = { regionId, campaignId, resume: true };
      await campaigns.add('start', data, {
        jobId: `resume.${regionId}.${campaignId}.${now().getTime()}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
        removeOnComplete: { age: 7 * 24 * 3600 },
      });
    },
    async cancelCampaign(regionId, campaignId) {
      const status = await requireStatus(regionId, campaignId);
      const from = ['draft', 'scheduled', 'sending', 'paused'] as const;
      if (!(await store.transitionCampaign(regionId, campaignId, from, 'cancelled'))) {
        throw new ProducerError(`campaign ${regionId}/${campaignId} is ${status}; it cannot be cancelled`);
      }
      await removeStarts(regionId, campaignId);
    },
    async progress(regionId, campaignId) {
      const [progress, status] = await Promise.all([
        store.progress(regionId, campaignId),
        store.getCampaignStatus(regionId, campaignId),
      ]);
      return { ...progress, status };
    },
    async sendTest(regionId, campaignId, email) {
      await requireStatus(regionId, campaignId);
      const job = await serviceMail.add(
        'test',
        { kind: 'test', regionId, campaignId, email } satisfies ServiceMailJob,
        { attempts: 3, backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 }, removeOnComplete: 1_000 },
      );
      return { jobId: String(job.id) };
    },
    async sendServiceMail(job) {
      const parsed = ServiceMailJob.parse(job);
      const added = await serviceMail.add(parsed.kind, parsed, {
        attempts: 8,
        backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
        removeOnComplete: 1_000,
        removeOnFail: { age: 7 * 24 * 3600 },
      });
      return { jobId: String(added.id) };
    },
    async scheduleDigest({ cron, ...settings }) {
      const data = DigestJob.parse(settings);
      const id = `digest.${data.regionId}`;
      await digest.upsertJobScheduler(
        id,
        { pattern: CronExpression.parse(cron), tz: data.timeZone, startDate: now() },
        { name: 'digest', data },
      );
      return { jobId: id };
    },
    async cancelDigest(regionId) {
      await digest.removeJobScheduler(`digest.${regionId}`);
    },
    async close() {
      await Promise.all([campaigns.close(), serviceMail.close(), digest.close()]);
    },
  };
}

/** Queue names, for dashboards and the CLI's status output. */
export const WORKER_QUEUES = QUEUE_NAMES;
