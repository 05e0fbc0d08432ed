import { randomUUID } from 'node:crypto';
import type { DkimSigner } from '@regiokit/smtp';
import { createPipelinedSmtpTransport } from '@regiokit/smtp';
import type { Store } from '@regiokit/store';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createProducer, type Producer } from '../../src/producer';
import type { PipelineSettings } from '../../src/queues/worker-context';
import { createStoreDigestSource } from '../../src/sending/digest-source';
import type { SendingStore } from '../../src/sending/sending-store';
import { createStoreSendingStore } from '../../src/sending/store-sending-store';
import { createStoreTemplateSource } from '../../src/sending/store-template-source';
import { type RunningWorker, startWorker } from '../../src/worker-runtime';
import { seedRegion } from './fixtures';
import { createTestDatabase, TEST_SECRET, type TestDatabase } from './test-database';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const PUBLIC_URL = 'https://news.kielregion.example';

/** One test's world: a database, a unique queue prefix, the store, a worker and the producer. */
export interface Harness {
  prefix: string;
  redis: Redis;
  database: TestDatabase;
  store: Store;
  sending: SendingStore;
  producer: Producer;
  worker: RunningWorker | undefined;
  startWorker(): Promise<RunningWorker>;
  /** Settings for a worker child process on the same database and queues. */
  childSettings(name: string, extra?: Record<string, unknown>): Record<string, unknown>;
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  smtpUrl: string;
  backend?: 'postgres' | 'pglite';
  sendRate?: number;
  concurrency?: number;
  leaseMs?: number;
  dkim?: DkimSigner;
  settings?: Partial<PipelineSettings>;
  now?: () => Date;
}

/** Creates a harness with a fresh database and prefix; {@link Harness.cleanup} removes both. */
export async function createHarness(options: HarnessOptions): Promise<Harness> {
  const prefix = `rk-test-${randomUUID().slice(0, 8)}`;
  const redis = new Redis(REDIS_URL);
  const database = await createTestDatabase(options.backend ?? 'postgres');
  const store = await database.open();
  await seedRegion(store);
  const leaseMs = options.leaseMs ?? 3_000;
  const sending = createStoreSendingStore(store, { secret: TEST_SECRET, publicUrl: PUBLIC_URL, leaseMs });
  const producer = createProducer({ connection: redis, prefix, store: sending, now: options.now });
  const settings = { prefix, batchSize: 100, backoffMs: 200, statusCheckMs: 200, ...options.settings };
  const harness: Harness = {
    prefix,
    redis,
    database,
    store,
    sending,
    producer,
    worker: undefined,
    async startWorker() {
      const worker = await startWorker({
        redisUrl: REDIS_URL,
        store: sending,
        templates: createStoreTemplateSource(store),
        digests: createStoreDigestSource(store),
        transport: createPipelinedSmtpTransport({ url: options.smtpUrl, poolSize: 4 }),
        dkim: options.dkim,
        logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
        sendRate: options.sendRate ?? 5_000,
        concurrency: options.concurrency ?? 2,
        settings,
        lockDurationMs: 5_000,
        stalledIntervalMs: 2_000,
        now: options.now,
      });
      harness.worker = worker;
      return worker;
    },
    childSettings(name, extra = {}) {
      return {
        redisUrl: REDIS_URL,
        prefix,
        smtpUrl: options.smtpUrl,
        name,
        store: database.options,
        secret: TEST_SECRET,
        publicUrl: PUBLIC_URL,
        leaseMs,
        sendRate: options.sendRate ?? 5_000,
        concurrency: options.concurrency ?? 2,
        batchSize: settings.batchSize,
        ...extra,
      };
    },
    async cleanup() {
      await harness.worker?.close(5_000);
      await producer.close();
      await store.close();
      await database.drop();
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
