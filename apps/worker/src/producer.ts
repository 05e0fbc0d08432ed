import { type CampaignStatus, TimePlan } from '@regiokit/core';
import { Queue, type QueueOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { CAMPAIGN_QUEUE, type StartCampaignJob } from './queues/campaign-queue';
import { QUEUE_NAMES } from './queues/queue-names';
import { SERVICE_MAIL_QUEUE, type ServiceMailJob } from './queues/service-mail-queue';
import type { CampaignProgress, SendingStore } from './sending/sending-store';

/** What the producer needs: a Redis connection, the queue prefix and the store. */
export interface ProducerOptions {
  connection: Redis;
  prefix: string;
  store: Pick<SendingStore, 'getCampaign' | 'getCampaignStatus' | 'transitionCampaign' | 'progress'>;
  now?: () => Date;
}

/** Thrown when a control action does not fit the campaign's status or plan. */
export class ProducerError extends Error {
  override readonly name = 'ProducerError';
}

/** The producer API used by the CLI and the web app. */
export interface Producer {
  /** Plans a campaign: now, at an instant, or recurring by cron in a time zone; status → `scheduled`. */
  scheduleCampaign(campaignId: string, plan: TimePlan): Promise<{ jobId: string; runAt: Date | undefined }>;
  /** Replaces a campaign's plan (only before it started sending). */
  rescheduleCampaign(campaignId: string, plan: TimePlan): Promise<{ jobId: string; runAt: Date | undefined }>;
  /** Pauses sending; running batches stop within about a second. */
  pauseCampaign(campaignId: string): Promise<void>;
  /** Continues a paused campaign where it stopped (the ledger skips everyone already mailed). */
  resumeCampaign(campaignId: string): Promise<void>;
  /** Stops a campaign for good; what was sent stays recorded. */
  cancelCampaign(campaignId: string): Promise<void>;
  /** Counts per ledger state and messages per minute. */
  progress(campaignId: string): Promise<CampaignProgress & { status: CampaignStatus | undefined }>;
  /** Sends the test variant of a campaign to one address, through the service-mail queue. */
  sendTest(campaignId: string, email: string): Promise<{ jobId: string }>;
  /** Queues a service mail (opt-in or unsubscribe confirmation), ahead of bulk mail. */
  sendServiceMail(job: ServiceMailJob): Promise<{ jobId: string }>;
  close(): Promise<void>;
}

const schedulerId = (campaignId: string) => `campaign.${campaignId}`;

/** Creates the producer; it only adds jobs and changes statuses, it sends nothing itself. */
export function createProducer(options: ProducerOptions): Producer {
  const queueOptions: QueueOptions = { connection: options.connection, prefix: options.prefix };
  const campaigns = new Queue(CAMPAIGN_QUEUE, queueOptions);
  const serviceMail = new Queue(SERVICE_MAIL_QUEUE, queueOptions);
  const now = options.now ?? (() => new Date());
  const { store } = options;

  async function addStart(campaignId: string, plan: TimePlan) {
    if (plan.kind === 'recurring') {
      await campaigns.upsertJobScheduler(
        schedulerId(campaignId),
        // startDate: the producer's clock, so tests can place a schedule before a DST change
        { pattern: plan.cron, tz: plan.timeZone, startDate: now() },
        { name: 'start', data: { campaignId, resume: false } satisfies StartCampaignJob },
      );
      return { jobId: schedulerId(campaignId), runAt: undefined };
    }
    const runAt = plan.kind === 'at' ? new Date(plan.at) : now();
    const jobId = `start.${campaignId}.${runAt.getTime()}`;
    const data: StartCampaignJob = { campaignId, scheduledFor: runAt.toISOString(), resume: false };
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

  async function removeStarts(campaignId: string) {
    await campaigns.removeJobScheduler(schedulerId(campaignId));
    for (const job of await campaigns.getJobs(['delayed', 'waiting', 'prioritized'])) {
      if (job?.data?.campaignId === campaignId) await job.remove();
    }
  }

  async function requireStatus(campaignId: string) {
    const status = await store.getCampaignStatus(campaignId);
    if (status === undefined) throw new ProducerError(`campaign ${campaignId} not found`);
    return status;
  }

  return {
    async scheduleCampaign(campaignId, plan) {
      const parsed = TimePlan.parse(plan);
      const status = await requireStatus(campaignId);
      if (status !== 'draft' && status !== 'scheduled') {
        throw new ProducerError(
          `campaign ${campaignId} is ${status}; only a draft or scheduled campaign can be scheduled`,
        );
      }
      if (status === 'draft') await store.transitionCampaign(campaignId, ['draft'], 'scheduled');
      return addStart(campaignId, parsed);
    },
    async rescheduleCampaign(campaignId, plan) {
      const parsed = TimePlan.parse(plan);
      const status = await requireStatus(campaignId);
      if (status !== 'scheduled' && status !== 'draft' && status !== 'paused') {
        throw new ProducerError(`campaign ${campaignId} is ${status}; it can no longer be rescheduled`);
      }
      await removeStarts(campaignId);
      if (status !== 'scheduled') await store.transitionCampaign(campaignId, [status], 'scheduled');
      return addStart(campaignId, parsed);
    },
    async pauseCampaign(campaignId) {
      const status = await requireStatus(campaignId);
      if (!(await store.transitionCampaign(campaignId, ['sending', 'scheduled'], 'paused'))) {
        throw new ProducerError(
          `campaign ${campaignId} is ${status}; only a sending or scheduled campaign can be paused`,
        );
      }
    },
    async resumeCampaign(campaignId) {
      const status = await requireStatus(campaignId);
      if (!(await store.transitionCampaign(campaignId, ['paused'], 'sending'))) {
        throw new ProducerError(`campaign ${campaignId} is ${status}; only a paused campaign can be resumed`);
      }
      const data: StartCampaignJob = { campaignId, resume: true };
      await campaigns.add('start', data, {
        jobId: `resume.${campaignId}.${now().getTime()}`,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
        removeOnComplete: { age: 7 * 24 * 3600 },
      });
    },
    async cancelCampaign(campaignId) {
      const status = await requireStatus(campaignId);
      if (
        !(await store.transitionCampaign(
          campaignId,
          ['draft', 'scheduled', 'sending', 'paused'],
          'cancelled',
        ))
      ) {
        throw new ProducerError(`campaign ${campaignId} is ${status}; it cannot be cancelled`);
      }
      await removeStarts(campaignId);
    },
    async progress(campaignId) {
      const [progress, status] = await Promise.all([
        store.progress(campaignId),
        store.getCampaignStatus(campaignId),
      ]);
      return { ...progress, status };
    },
    async sendTest(campaignId, email) {
      const job = await serviceMail.add(
        'test',
        { kind: 'test', campaignId, email } satisfies ServiceMailJob,
        { attempts: 3, backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 }, removeOnComplete: 1_000 },
      );
      return { jobId: String(job.id) };
    },
    async sendServiceMail(job) {
      const added = await serviceMail.add(job.kind, job, {
        attempts: 8,
        backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
        removeOnComplete: 1_000,
        removeOnFail: { age: 7 * 24 * 3600 },
      });
      return { jobId: String(added.id) };
    },
    async close() {
      await Promise.all([campaigns.close(), serviceMail.close()]);
    },
  };
}

/** Queue names, for dashboards and the CLI's status output. */
export const WORKER_QUEUES = QUEUE_NAMES;
