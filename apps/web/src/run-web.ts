import { type ServerType, serve } from '@hono/node-server';
import { checkEvictionPolicy, createProducer, createStoreSendingStore } from '@regiokit/campaigns';
import { openStore } from '@regiokit/store';
import { Redis } from 'ioredis';
import { type Logger, pino } from 'pino';
import { createApp } from './app';
import type { WebConfig } from './config';
import { createRedisRateLimiter } from './security/rate-limiter';

/** A running web server. */
export interface WebServer {
  /** Where it listens, e.g. `http://127.0.0.1:3000`. */
  readonly url: string;
  /** Stops taking connections, lets running requests finish (forced after `deadlineMs`), closes everything. */
  close(deadlineMs?: number): Promise<void>;
}

/**
 * Starts the web app from a parsed config: store (PostgreSQL or PGlite, also the API tokens),
 * Redis (queues, rate limits), the worker's producer, the Node server. What `main.ts` does after reading
 * the environment, and what `regiokit web` starts.
 */
export async function runWebServer(config: WebConfig, options: { logger?: Logger } = {}): Promise<WebServer> {
  const logger =
    options.logger ?? pino({ level: config.logLevel, base: { service: 'regiokit-web', pid: process.pid } });
  const store = await openStore({
    secret: config.secret,
    ...(config.databaseUrl === undefined ? { dataDir: config.dataDir } : { databaseUrl: config.databaseUrl }),
  });
  // fail a request fast when Redis is away instead of queueing it for minutes
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
  try {
    await redis.connect();
  } catch (error) {
    await store.close();
    throw new Error(`cannot reach Redis at ${config.redisUrl} (REDIS_URL)`, { cause: error });
  }
  const eviction = await checkEvictionPolicy(redis);
  if (eviction !== undefined) logger.warn(eviction);
  const producer = createProducer({
    connection: redis,
    prefix: config.queuePrefix,
    store: createStoreSendingStore(store, { secret: config.secret, publicUrl: config.publicUrl }),
  });
  const app = createApp({
    store,
    producer,
    rateLimiter: createRedisRateLimiter(redis, config.queuePrefix),
    secret: config.secret,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    logger,
  });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : config.port}`;
  logger.info({ url, publicUrl: config.publicUrl, backend: store.backend }, 'web app listening');

  return {
    url,
    async close(deadlineMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const timer = setTimeout(() => {
        logger.warn({ deadlineMs }, 'shutdown deadline reached; closing open connections');
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }, deadlineMs);
      await closed;
      clearTimeout(timer);
      await producer.close();
      await redis.quit();
      await store.close();
      logger.info('web app stopped');
    },
  };
}
