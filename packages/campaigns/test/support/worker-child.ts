// A worker process for the multi-process tests: the real runtime, store and signal handling on
// the test's database and queues. Settings come as JSON in argv[2].

import { createPipelinedSmtpTransport } from '@regiokit/smtp';
import { openStore } from '@regiokit/store';
import { pino } from 'pino';
import { runWorkerProcess } from '../../src/process/run-worker-process';
import { createStoreSendingStore } from '../../src/sending/store-sending-store';
import { createStoreTemplateSource } from '../../src/sending/store-template-source';

interface ChildSettings {
  redisUrl: string;
  prefix: string;
  smtpUrl: string;
  name: string;
  store: { databaseUrl?: string; dataDir?: string };
  secret: string;
  publicUrl: string;
  leaseMs: number;
  sendRate: number;
  batchSize: number;
  concurrency: number;
  journalDir?: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as ChildSettings;
const store = await openStore({ ...settings.store, secret: settings.secret });
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn', base: { worker: settings.name } });
const running = await runWorkerProcess({
  redisUrl: settings.redisUrl,
  store: createStoreSendingStore(store, {
    secret: settings.secret,
    publicUrl: settings.publicUrl,
    leaseMs: settings.leaseMs,
  }),
  templates: createStoreTemplateSource(store),
  transport: createPipelinedSmtpTransport({ url: settings.smtpUrl, poolSize: 4, heloName: settings.name }),
  journalDir: settings.journalDir,
  logger,
  sendRate: settings.sendRate,
  concurrency: settings.concurrency,
  settings: { prefix: settings.prefix, batchSize: settings.batchSize, backoffMs: 200, statusCheckMs: 200 },
  lockDurationMs: 4_000,
  stalledIntervalMs: 1_000,
  metricsPort: 0,
  shutdownDeadlineMs: 5_000,
  checkDatabase: async () => undefined,
  closeResources: () => store.close(),
});
process.stdout.write(`${JSON.stringify({ ready: true, metricsPort: running.metricsPort })}\n`);
