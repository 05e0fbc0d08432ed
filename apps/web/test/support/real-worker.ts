import { createProducer } from '@regiokit/campaigns';
import {
  createSmtpTransport,
  createStoreSendingStore,
  createStoreTemplateSource,
  type RunningWorker,
  startWorker,
} from '@regiokit/campaigns/worker';
import type { Store } from '@regiokit/store';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import type { WorkerProducer } from '../../src/app-deps';
import { REDIS_URL, TEST_SECRET } from './world';

/** The worker's real producer on the test's Redis prefix and store (for `createWorld({ producer })`). */
export function realProducer(publicUrl: string) {
  return (redis: Redis, prefix: string, store: Store): WorkerProducer =>
    createProducer({
      connection: redis,
      prefix,
      store: createStoreSendingStore(store, { secret: TEST_SECRET, publicUrl }),
    });
}

/** A real worker in this process: the worker's queues and processors, sending to `smtpUrl`. */
export function startRealWorker(options: {
  store: Store;
  prefix: string;
  smtpUrl: string;
  publicUrl: string;
}): Promise<RunningWorker> {
  return startWorker({
    redisUrl: REDIS_URL,
    store: createStoreSendingStore(options.store, { secret: TEST_SECRET, publicUrl: options.publicUrl }),
    templates: createStoreTemplateSource(options.store),
    transport: createSmtpTransport({ url: options.smtpUrl, poolSize: 2 }),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    sendRate: 1_000,
    concurrency: 1,
    settings: { prefix: options.prefix, batchSize: 50, backoffMs: 200, statusCheckMs: 200 },
    lockDurationMs: 5_000,
    stalledIntervalMs: 2_000,
  });
}
