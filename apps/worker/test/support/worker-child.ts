// A worker process for the multi-process tests: the real runtime and signal handling, with the
// Redis-backed store stand-in and the example template. Settings come as JSON in argv[2].

import { Redis } from 'ioredis';
import { pino } from 'pino';
import { runWorkerProcess } from '../../src/process/run-worker-process';
import { createSmtpTransport } from '../../src/sending/mail-transport';
import { exampleTemplateSource } from './fixtures';
import { RedisSendingStore } from './redis-sending-store';

interface ChildSettings {
  redisUrl: string;
  prefix: string;
  smtpUrl: string;
  name: string;
  sendRate: number;
  batchSize: number;
  concurrency: number;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as ChildSettings;
const redis = new Redis(settings.redisUrl);
const store = new RedisSendingStore(redis, settings.prefix);
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn', base: { worker: settings.name } });
const running = await runWorkerProcess({
  redisUrl: settings.redisUrl,
  store,
  templates: exampleTemplateSource(),
  transport: createSmtpTransport({ url: settings.smtpUrl, poolSize: 4, heloName: settings.name }),
  logger,
  sendRate: settings.sendRate,
  concurrency: settings.concurrency,
  settings: { prefix: settings.prefix, batchSize: settings.batchSize, backoffMs: 200, statusCheckMs: 200 },
  lockDurationMs: 4_000,
  stalledIntervalMs: 1_000,
  metricsPort: 0,
  shutdownDeadlineMs: 5_000,
  checkDatabase: async () => undefined,
  closeResources: async () => {
    await redis.quit();
  },
});
process.stdout.write(`${JSON.stringify({ ready: true, metricsPort: running.metricsPort })}\n`);
