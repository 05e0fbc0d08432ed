// The worker as a separate process for the benchmark: the real runtime, store and renderer.
// Prints its RSS every 100 ms and its CPU time when asked; settings in argv[2].
import { openStore } from '@regiokit/store';
import { pino } from 'pino';
import { createSmtpTransport } from '../src/sending/mail-transport';
import { createPipelinedSmtpTransport } from '../src/sending/smtp-client';
import { createStoreSendingStore } from '../src/sending/store-sending-store';
import { createStoreTemplateSource } from '../src/sending/store-template-source';
import { startWorker } from '../src/worker-runtime';

const s = JSON.parse(process.argv[2] ?? '{}') as {
  redisUrl: string;
  prefix: string;
  smtpUrl: string;
  databaseUrl: string;
  secret: string;
  poolSize: number;
  concurrency: number;
  batchSize: number;
  sendWindow: number;
  client: 'pipelined' | 'nodemailer';
};
const store = await openStore({ databaseUrl: s.databaseUrl, secret: s.secret });
const worker = await startWorker({
  redisUrl: s.redisUrl,
  store: createStoreSendingStore(store, { secret: s.secret, publicUrl: 'https://news.kielregion.example' }),
  templates: createStoreTemplateSource(store),
  transport:
    s.client === 'nodemailer'
      ? createSmtpTransport({ url: s.smtpUrl, poolSize: s.poolSize })
      : createPipelinedSmtpTransport({ url: s.smtpUrl, poolSize: s.poolSize }),
  logger: pino({ level: 'warn' }),
  sendRate: 1_000_000,
  concurrency: s.concurrency,
  settings: { prefix: s.prefix, batchSize: s.batchSize, sendWindow: s.sendWindow },
});
const report = () => process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage.rss() })}\n`);
// CPU time is read on request ("cpu" on stdin), so the run can be measured without start-up
process.stdin.setEncoding('utf8');
process.stdin.on('data', () => {
  const { user, system } = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMicros: user + system })}\n`);
});
setInterval(report, 100).unref();
report();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
process.on('SIGTERM', async () => {
  await worker.close(5_000);
  await store.close();
  process.stdout.write(`${JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
  process.exit(0);
});
