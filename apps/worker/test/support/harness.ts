import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { DkimSigner } from '../../src/mime/dkim-signer';
import { createProducer, type Producer } from '../../src/producer';
import type { PipelineSettings } from '../../src/queues/worker-context';
import { createSmtpTransport } from '../../src/sending/mail-transport';
import { type RunningWorker, startWorker } from '../../src/worker-runtime';
import { exampleTemplateSource } from './fixtures';
import { RedisSendingStore } from './redis-sending-store';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One test's world: a unique queue prefix, the store, a worker and the producer. */
export interface Harness {
  prefix: string;
  redis: Redis;
  store: RedisSendingStore;
  producer: Producer;
  worker: RunningWorker | undefined;
  startWorker(): Promise<RunningWorker>;
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  smtpUrl: string;
  sendRate?: number;
  concurrency?: number;
  dkim?: DkimSigner;
  settings?: Partial<PipelineSettings>;
  now?: () => Date;
}

/** Creates a harness with a fresh prefix; {@link Harness.cleanup} removes every key it made. */
export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const prefix = `rk-test-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL);
  const store = new RedisSendingStore(redis, prefix);
  const producer = createProducer({ connection: redis, prefix, store, now: options.now });
  const harness: Harness = {
    prefix,
    redis,
    store,
    producer,
    worker: undefined,
    async startWorker() {
      const worker = await startWorker({
        redisUrl: REDIS_URL,
        store,
        templates: exampleTemplateSource(),
        transport: createSmtpTransport({ url: options.smtpUrl, poolSize: 4 }),
        dkim: options.dkim,
        logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
        sendRate: options.sendRate ?? 5_000,
        concurrency: options.concurrency ?? 2,
        settings: { prefix, batchSize: 100, backoffMs: 200, statusCheckMs: 200, ...options.settings },
        lockDurationMs: 5_000,
        stalledIntervalMs: 2_000,
        now: options.now,
      });
      harness.worker = worker;
      return worker;
    },
    async cleanup() {
      await harness.worker?.close(5_000);
      await producer.close();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
      await redis.quit();
    },
  };
  return harness;
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
