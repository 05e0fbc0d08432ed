import {
  createCaptureTransport,
  createDkimSigner,
  createStoreSendingStore,
  createStoreTemplateSource,
  loadConfig,
  type RunningWorker,
  startWorker,
} from '@regiokit/campaigns/worker';
import type { Store } from '@regiokit/store';
import { pino } from 'pino';
import type { CliContext } from '../cli-context';
import { LOCAL_PUBLIC_URL } from './public-url';

/** Messages per second of the demo unless SEND_RATE says otherwise: fast, and still a visible bar. */
const DEMO_SEND_RATE = 500;

/**
 * Starts the worker inside this process on the CLI's own store (embedded PostgreSQL serves one
 * process), in capture mode: every message becomes an `.eml` file in `outbox`. The worker's
 * settings come from the worker's own configuration; logs go to stderr, warnings only unless
 * LOG_LEVEL says more.
 */
export async function startDemoWorker(ctx: CliContext, store: Store, outbox: string): Promise<RunningWorker> {
  const config = loadConfig({ ...ctx.env, REDIS_URL: ctx.config.redisUrl }, ctx.cwd);
  const logger = pino(
    { level: ctx.env.LOG_LEVEL === undefined ? 'warn' : config.logLevel },
    pino.destination(2),
  );
  const publicUrl = ctx.config.publicUrl ?? LOCAL_PUBLIC_URL;
  return startWorker({
    redisUrl: ctx.config.redisUrl,
    store: createStoreSendingStore(store, { secret: ctx.secret(), publicUrl, actor: 'cli:demo' }),
    templates: createStoreTemplateSource(store),
    transport: createCaptureTransport(outbox),
    dkim: config.dkim === undefined ? undefined : createDkimSigner(config.dkim),
    logger,
    sendRate: ctx.env.SEND_RATE === undefined ? DEMO_SEND_RATE : config.sendRate,
    concurrency: config.concurrency,
    settings: {
      prefix: ctx.config.queuePrefix,
      batchSize: config.batchSize,
      maxLatenessMs: config.maxLatenessMs,
    },
  });
}
