import type { Store } from '@regiokit/store';
import type { Redis } from 'ioredis';
import { createSystemError } from './cli-error';
import type { CliConfig } from './config';
import { createFormat, type Format } from './i18n/format';
import { getMessages, type Messages } from './i18n/messages';
import type { Output } from './output/output';
import { ensureSecret } from './services/secret';

/** What every command gets from the composition root. Connections open on first use. */
export interface CliContext {
  readonly config: CliConfig;
  readonly language: 'de' | 'en';
  readonly m: Messages;
  readonly format: Format;
  readonly out: Output;
  /** The environment as the composition root read it (for the worker's and web app's own config). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  now(): Date;
  /** REGIOKIT_SECRET or the data folder's secret file (created on first use). */
  secret(): string;
  /** The store, opened once. */
  store(): Promise<Store>;
  /** A Redis connection, opened once; fails fast with a clear message when Redis is down. */
  redis(): Promise<Redis>;
  /** Uses another Redis URL from now on (the demo's own redis-server). */
  useRedisUrl(url: string): void;
  /** Runs `fn` when the command ends, newest first. */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

/** Builds the {@link CliContext}. */
export function createCliContext(options: {
  config: CliConfig;
  language: 'de' | 'en';
  out: Output;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  now?: () => Date;
}): CliContext {
  const m = getMessages(options.language);
  let config = options.config;
  let secret: string | undefined;
  let store: Promise<Store> | undefined;
  let redis: Promise<Redis> | undefined;
  const cleanups: (() => Promise<void> | void)[] = [];

  const context: CliContext = {
    get config() {
      return config;
    },
    language: options.language,
    m,
    format: createFormat(options.language),
    out: options.out,
    env: options.env,
    cwd: options.cwd,
    now: options.now ?? (() => new Date()),
    secret() {
      secret ??= ensureSecret(config.secret, config.secretFile).secret;
      return secret;
    },
    store() {
      // loaded on first use: embedded PostgreSQL and the drivers take a moment to load
      store ??= import('@regiokit/store')
        .then(({ openStore }) =>
          openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, secret: context.secret() }),
        )
        .then((opened) => {
          cleanups.push(() => opened.close());
          return opened;
        });
      return store;
    },
    redis() {
      redis ??= connectRedis(config.redisUrl, m).then((connection) => {
        cleanups.push(async () => {
          await connection.quit().catch(() => connection.disconnect());
        });
        return connection;
      });
      return redis;
    },
    useRedisUrl(url) {
      config = { ...config, redisUrl: url };
      redis = undefined;
    },
    onClose(fn) {
      cleanups.push(fn);
    },
    async close() {
      while (cleanups.length > 0) {
        const fn = cleanups.pop();
        try {
          await fn?.();
        } catch {
          // closing is best effort: the command's own result is what counts
        }
      }
    },
  };
  return context;
}

async function connectRedis(url: string, m: Messages): Promise<Redis> {
  const { Redis } = await import('ioredis');
  const connection = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 3_000,
    retryStrategy: (attempt) => (attempt > 3 ? null : 200 * attempt),
  });
  connection.on('error', () => {
    // reported through the failed command below; keeps ioredis from printing to stderr
  });
  try {
    await connection.connect();
    await connection.ping();
    return connection;
  } catch (error) {
    connection.disconnect();
    throw createSystemError('REDIS_UNREACHABLE', m.redisUnreachable(url, (error as Error).message), {
      cause: error,
      hint: m.redisHint,
    });
  }
}
