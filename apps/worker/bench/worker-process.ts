// The worker as a separate process for the benchmark: the real runtime with the Redis-backed
// store stand-in and the example newsletter. Prints its RSS every 100 ms; settings in argv[2].
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createSmtpTransport } from '../src/sending/mail-transport';
import { createPipelinedSmtpTransport } from '../src/sending/smtp-client';
import { startWorker } from '../src/worker-runtime';
import { exampleTemplateSource } from '../test/support/fixtures';
import { RedisSendingStore } from '../test/support/redis-sending-store';

const s = JSON.parse(process.argv[2] ?? '{}') as {
  redisUrl: string;
  prefix: string;
  smtpUrl: string;
  sections: number;
  poolSize: number;
  concurrency: number;
  batchSize: number;
  sendWindow: number;
  client: 'pipelined' | 'nodemailer';
};
const redis = new Redis(s.redisUrl);
const worker = await startWorker({
  redisUrl: s.redisUrl,
  store: new RedisSendingStore(redis, s.prefix),
  templates: exampleTemplateSource(s.sections),
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
  await redis.quit();
  process.stdout.write(`${JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
  process.exit(0);
});
