import type { DkimSigner, MailTransport } from '@regiokit/smtp';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { WorkerMetrics } from '../process/metrics';
import type { AcceptJournal } from '../sending/accept-journal';
import type { DigestSource } from '../sending/digest-source';
import type { SendingStore } from '../sending/sending-store';
import type { SharedRateLimiter } from '../sending/shared-rate-limiter';
import type { TemplateCache } from '../sending/template-cache';
import type { TemplateSource } from '../sending/template-source';

/** Tunables of the sending pipeline. */
export interface PipelineSettings {
  /** BullMQ key prefix; also prefixes the worker's own Redis keys. */
  prefix: string;
  /** Recipients per batch job. */
  batchSize: number;
  /** Messages of one batch in flight at once (≥ SMTP pool size keeps every connection busy). */
  sendWindow: number;
  /** A schedule missed by more than this is marked `missed`, not sent. */
  maxLatenessMs: number;
  /** Attempts per batch job before temporary failures count as failed. */
  attempts: number;
  /** First retry delay; doubles per attempt, with jitter. */
  backoffMs: number;
  /** How long a pause/cancel may take to be seen by a running batch. */
  statusCheckMs: number;
}

/** Everything the processors use; built once by the composition root. */
export interface WorkerContext {
  store: SendingStore;
  templates: TemplateSource;
  /** For the recurring digest; absent: digest jobs fail with a clear message. */
  digests: DigestSource | undefined;
  cache: TemplateCache;
  transport: MailTransport;
  limiter: SharedRateLimiter;
  /** A normal (non-blocking) connection for the journal and the batch sets. */
  redis: Redis;
  journal: AcceptJournal;
  queues: { campaigns: Queue; send: Queue; serviceMail: Queue };
  dkim: DkimSigner | undefined;
  logger: Logger;
  metrics: WorkerMetrics;
  settings: PipelineSettings;
  now: () => Date;
  /** Set on shutdown: batches release what they have not sent and hand their job back. */
  stopping: boolean;
}

/** Redis keys owned by the pipeline (beside BullMQ's own). */
export const pipelineKeys = (prefix: string, regionId: string, campaignId: string) => ({
  /** Subscriber ids whose message an SMTP server accepted: consulted after a crash. */
  journal: `${prefix}:journal:${regionId}:${campaignId}`,
  /** Batch jobs (and the fan-out) not finished yet; the campaign is done when it is empty. */
  pending: `${prefix}:pending:${regionId}:${campaignId}`,
  /** Batch jobs finished: a fan-out that runs again (stalled-job recovery) does not make them pending. */
  done: `${prefix}:done:${regionId}:${campaignId}`,
  /** Set when the campaign first fanned out: a resume continues it instead of waiting for the plan. */
  started: `${prefix}:started:${regionId}:${campaignId}`,
});
