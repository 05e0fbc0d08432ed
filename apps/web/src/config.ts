import {
  DatabaseUrl,
  DataDir,
  DEFAULT_REDIS_URL,
  describeExpected,
  type Environment,
  LogLevel,
  loadSecret,
  PublicUrl,
  parseEnv,
  QueuePrefix,
  RedisUrl,
  resolveDataDir,
  Secret,
  secretFileOf,
} from '@regiokit/app-config';
import { z } from 'zod';

export { ConfigError } from '@regiokit/app-config';

/** The environment variables the web app reads (strings, before defaults). */
export const WebEnv = z.object({
  DATABASE_URL: DatabaseUrl.optional(),
  REGIOKIT_DATA_DIR: DataDir,
  REDIS_URL: RedisUrl.default(DEFAULT_REDIS_URL),
  PUBLIC_URL: PublicUrl.optional(),
  REGIOKIT_SECRET: Secret.optional(),
  PORT: z
    .string()
    .regex(/^[0-9]{1,5}$/, { error: describeExpected('a port number') })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65_535, { error: describeExpected('a port number 1–65535') })
    .default(3000),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9])$/, {
      error: describeExpected('true, false or the number of proxies in front (0–9)'),
    })
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)))
    .default(0),
  QUEUE_PREFIX: QueuePrefix,
  LOG_LEVEL: LogLevel,
});
export type WebEnv = z.infer<typeof WebEnv>;

/** The web app's settings, parsed once at start by the composition root. */
export interface WebConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string;
  /** Base of the links in mails: origin, optionally with a path prefix, without a trailing slash. */
  publicUrl: string;
  secret: string;
  port: number;
  /** How many proxies in front add to `X-Forwarded-For`; 0 trusts none. */
  trustProxy: number;
  queuePrefix: string;
  logLevel: WebEnv['LOG_LEVEL'];
}

/**
 * Parses the environment into a {@link WebConfig}. Without REGIOKIT_SECRET the secret is read from
 * `<data dir>/secret` (the file the worker and CLI use), created on first start.
 */
export function loadConfig(env: Environment, cwd: string): WebConfig {
  const e = parseEnv(WebEnv, env);
  const dataDir = resolveDataDir(e.REGIOKIT_DATA_DIR, cwd);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    redisUrl: e.REDIS_URL,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    secret: loadSecret({ fromEnv: e.REGIOKIT_SECRET, file: secretFileOf(dataDir) }).secret,
    port: e.PORT,
    trustProxy: e.TRUST_PROXY,
    queuePrefix: e.QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
  };
}
