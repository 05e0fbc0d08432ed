import type { Server } from 'node:http';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type RunningWorker, type StartWorkerOptions, startWorker } from '../worker-runtime';
import { checkEvictionPolicy } from './check-redis';
import { startHealthServer } from './health-server';

/** What a worker process runs: the worker plus process concerns. */
export interface WorkerProcessOptions extends StartWorkerOptions {
  logger: Logger;
  /** Port of /healthz, /readyz, /metrics; 0 picks a free port, undefined turns it off. */
  metricsPort: number | undefined;
  /** Time the shutdown may take before workers are closed forcibly. */
  shutdownDeadlineMs: number;
  /** Checks the database for /readyz. */
  checkDatabase: () => Promise<void>;
  /** Closes what the composition root opened besides the worker (the store). */
  closeResources: () => Promise<void>;
}

/** A running worker process. */
export interface WorkerProcess {
  worker: RunningWorker;
  metricsPort: number | undefined;
  /** Shuts down as on SIGTERM; resolves when everything is closed. */
  shutdown(signal: string): Promise<void>;
}

/**
 * Starts the worker with its health endpoint and signal handlers: SIGTERM/SIGINT stop taking
 * jobs, let running batches hand back what they have not sent, and exit within the deadline; a
 * second signal exits at once.
 */
export async function runWorkerProcess(options: WorkerProcessOptions): Promise<WorkerProcess> {
  const { logger } = options;
  const probe = new Redis(options.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  await probe.connect();
  const warning = await checkEvictionPolicy(probe);
  if (warning) logger.warn(warning);

  const worker = await startWorker(options);
  let stopping = false;
  let server: Server | undefined;
  let metricsPort: number | undefined;
  if (options.metricsPort !== undefined) {
    const started = await startHealthServer(options.metricsPort, {
      live: () => !stopping,
      async ready() {
        const checks: Record<string, string> = {};
        try {
          await probe.ping();
          checks.redis = 'ok';
        } catch (error) {
          checks.redis = (error as Error).message;
        }
        try {
          await options.checkDatabase();
          checks.database = 'ok';
        } catch (error) {
          checks.database = (error as Error).message;
        }
        return { ok: !stopping && Object.values(checks).every((c) => c === 'ok'), checks };
      },
      metrics: async () => worker.context.metrics.render(await worker.queueDepth()),
    });
    server = started.server;
    metricsPort = started.port;
    logger.info({ port: metricsPort }, 'health and metrics endpoint listening');
  }

  let done: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    if (done) return done;
    stopping = true;
    logger.info({ signal, deadlineMs: options.shutdownDeadlineMs }, 'shutting down');
    done = (async () => {
      await worker.close(options.shutdownDeadlineMs);
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await options.closeResources();
      await probe.quit();
      logger.info('shut down');
    })();
    return done;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (done) {
        logger.warn({ signal }, 'second signal: exiting at once');
        process.exit(1);
      }
      shutdown(signal).then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  logger.info({ prefix: options.settings.prefix, transport: options.transport.id }, 'worker started');
  return { worker, metricsPort, shutdown };
}
