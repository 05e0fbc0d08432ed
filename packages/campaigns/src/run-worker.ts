import { join } from 'node:path';
import {
  createCaptureTransport,
  createDkimSigner,
  createPipelinedSmtpTransport,
  createSmtpTransport,
  type MailTransport,
} from '@regiokit/smtp';
import { openStore } from '@regiokit/store';
import type { Logger } from 'pino';
import type { WorkerConfig } from './config';
import { createLogger } from './process/logger';
import { runWorkerProcess, type WorkerProcess } from './process/run-worker-process';
import { createStoreDigestSource } from './sending/digest-source';
import { createStoreSendingStore } from './sending/store-sending-store';
import { createStoreTemplateSource } from './sending/store-template-source';

export type { WorkerProcess } from './process/run-worker-process';

/**
 * Runs the worker process from a parsed config: store, transport (SMTP or capture folder), DKIM,
 * queues, health endpoint and signal handlers. What `main.ts` does after reading the environment,
 * and what `regiokit worker` starts.
 */
export async function runWorker(
  config: WorkerConfig,
  options: { logger?: Logger } = {},
): Promise<WorkerProcess> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = await openStore({
    secret: config.secret,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }),
  });
  const smtp = config.smtpUrl ? { url: config.smtpUrl, poolSize: config.smtpPoolSize } : undefined;
  const transport: MailTransport = !smtp
    ? createCaptureTransport(config.outboxDir)
    : config.smtpClient === 'nodemailer'
      ? createSmtpTransport(smtp)
      : createPipelinedSmtpTransport(smtp);
  if (!config.smtpUrl)
    logger.info({ outbox: config.outboxDir }, 'no SMTP_URL: capture mode, messages go to the outbox folder');
  try {
    return await runWorkerProcess({
      redisUrl: config.redisUrl,
      store: createStoreSendingStore(store, { secret: config.secret, publicUrl: config.publicUrl }),
      templates: createStoreTemplateSource(store),
      digests: createStoreDigestSource(store),
      transport,
      journalDir: join(config.dataDir, 'journal'),
      dkim: config.dkim ? createDkimSigner(config.dkim) : undefined,
      logger,
      sendRate: config.sendRate,
      concurrency: config.concurrency,
      settings: {
        prefix: config.queuePrefix,
        batchSize: config.batchSize,
        maxLatenessMs: config.maxLatenessMs,
        sendWindow: Math.max(4, config.smtpPoolSize * 4),
      },
      metricsPort: config.metricsPort === 0 ? undefined : config.metricsPort,
      shutdownDeadlineMs: config.shutdownDeadlineMs,
      checkDatabase: async () => {
        await store.lists.list('healthcheck');
      },
      closeResources: () => store.close(),
    });
  } catch (error) {
    await store.close();
    await transport.close();
    throw error;
  }
}
