import type { DkimSigner, MailTransport } from '@regiokit/smtp';
import { Queue, Worker, type WorkerOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { DIGEST_QUEUE } from './jobs/digest-job';
import { SEND_QUEUE } from './jobs/send-batch-job';
import { SERVICE_MAIL_QUEUE } from './jobs/service-mail-job';
import { CAMPAIGN_QUEUE } from './jobs/start-campaign-job';
import { WorkerMetrics } from './process/metrics';
import { createCampaignProcessor } from './queues/campaign-queue';
import { createDigestProcessor } from './queues/digest-queue';
import { createSendBatchProcessor } from './queues/send-queue';
import { createServiceMailProcessor } from './queues/service-mail-queue';
import type { PipelineSettings, WorkerContext } from './queues/worker-context';
import { AcceptJournal } from './sending/accept-journal';
import type { DigestSource } from './sending/digest-source';
import type { SendingStore } from './sending/sending-store';
import { SharedRateLimiter } from './sending/shared-rate-limiter';
import { TemplateCache } from './sending/template-cache';
import type { TemplateSource } from './sending/template-source';

/** What {@link startWorker} needs; the composition root builds it from the config. */
export interface StartWorkerOptions {
  redisUrl: string;
  store: SendingStore;
  templates: TemplateSource;
  digests?: DigestSource | undefined;
  transport: MailTransport;
  dkim?: DkimSigner | undefined;
  logger: Logger;
  /** Messages per second for the transport, shared by all processes. */
  sendRate: number;
  /** Batch jobs processed at once by this process. */
  concurrency: number;
  settings: Partial<PipelineSettings> & Pick<PipelineSettings, 'prefix'>;
  /**
   * Local folder of the accept journal file (normally `<data dir>/journal`); absent: every SMTP
   * reply is journaled in Redis directly, which costs a round trip per message.
   */
  journalDir?: string | undefined;
  /** BullMQ lock and stalled-check timing (shorter in tests to recover faster after a kill). */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  now?: () => Date;
}

/** A running worker process part: its queues, context and shutdown. */
export interface RunningWorker {
  context: WorkerContext;
  queues: { campaigns: Queue; send: Queue; serviceMail: Queue };
  /** Queue depth per queue and state, for /metrics. */
  queueDepth(): Promise<Record<string, Record<string, number>>>;
  /** Stops taking jobs, lets running batches hand back their rest, closes connections; forced after `deadlineMs`. */
  close(deadlineMs?: number): Promise<void>;
}

/** Starts the workers of all queues against Redis. */
export async function startWorker(options: StartWorkerOptions): Promise<RunningWorker> {
  // BullMQ workers block on Redis: they need maxRetriesPerRequest null to survive reconnects
  const workerConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const redis = new Redis(options.redisUrl, { enableAutoPipelining: true });
  // the journal writes small commands often: a connection of its own, written to directly
  const journalRedis = new Redis(options.redisUrl);
  const prefix = options.settings.prefix;
  if (options.journalDir !== undefined) {
    // what a killed worker on this machine accepted but had not copied to Redis: before any job
    await AcceptJournal.replay(options.journalDir, journalRedis, options.logger);
  }
  const queueOptions = { connection: redis, prefix };
  const queues = {
    campaigns: new Queue(CAMPAIGN_QUEUE, queueOptions),
    send: new Queue(SEND_QUEUE, queueOptions),
    serviceMail: new Queue(SERVICE_MAIL_QUEUE, queueOptions),
  };
  const settings: PipelineSettings = {
    batchSize: 500,
    sendWindow: 16,
    maxLatenessMs: 6 * 3_600_000,
    attempts: 6,
    backoffMs: 5_000,
    statusCheckMs: 500,
    ...options.settings,
  };
  const context: WorkerContext = {
    store: options.store,
    templates: options.templates,
    digests: options.digests,
    cache: new TemplateCache(options.templates, options.dkim),
    transport: options.transport,
    limiter: new SharedRateLimiter(redis, {
      key: `${prefix}:rate:${options.transport.id}`,
      ratePerSecond: options.sendRate,
    }),
    redis,
    journal: new AcceptJournal(journalRedis, options.logger, { dir: options.journalDir }),
    queues,
    dkim: options.dkim,
    logger: options.logger,
    metrics: new WorkerMetrics(),
    settings,
    now: options.now ?? (() => new Date()),
    stopping: false,
  };
  const common: WorkerOptions = {
    connection: workerConnection,
    prefix,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 30_000,
    maxStalledCount: 5,
  };
  const workers = [
    new Worker(CAMPAIGN_QUEUE, createCampaignProcessor(context), { ...common, concurrency: 2 }),
    new Worker(SEND_QUEUE, createSendBatchProcessor(context), {
      ...common,
      concurrency: options.concurrency,
    }),
    new Worker(SERVICE_MAIL_QUEUE, createServiceMailProcessor(context), { ...common, concurrency: 4 }),
    new Worker(DIGEST_QUEUE, createDigestProcessor(context), { ...common, concurrency: 1 }),
  ];
  for (const worker of workers) {
    worker.on('failed', (job, error) =>
      options.logger.warn(
        {
          queue: worker.name,
          jobId: job?.id,
          campaignId: job?.data?.campaignId,
          attemptsMade: job?.attemptsMade,
          err: error,
        },
        'job failed',
      ),
    );
    worker.on('error', (error) => options.logger.error({ queue: worker.name, err: error }, 'worker error'));
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));

  return {
    context,
    queues,
    async queueDepth() {
      const depth: Record<string, Record<string, number>> = {};
      for (const queue of Object.values(queues)) {
        depth[queue.name] = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
      }
      return depth;
    },
    async close(deadlineMs = 30_000) {
      context.stopping = true;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((resolve) => {
        timer = setTimeout(() => resolve('deadline'), deadlineMs);
      });
      const graceful = Promise.all(workers.map((w) => w.close())).then(() => 'closed' as const);
      if ((await Promise.race([graceful, deadline])) === 'deadline') {
        options.logger.warn({ deadlineMs }, 'shutdown deadline reached; closing workers forcibly');
        await Promise.all(workers.map((w) => w.close(true)));
      }
      clearTimeout(timer);
      await Promise.all(Object.values(queues).map((q) => q.close()));
      await options.transport.close();
      await context.journal.close();
      await Promise.all([redis.quit(), journalRedis.quit(), workerConnection.quit()]);
    },
  };
}
