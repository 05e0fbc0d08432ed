import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ConfigError,
  DatabaseUrl,
  DataDir,
  DEFAULT_REDIS_URL,
  DKIM_FIELDS,
  describeExpected,
  type Environment,
  LogLevel,
  loadSecret,
  PublicUrl,
  parseEnv,
  QueuePrefix,
  quoteValue,
  RedisUrl,
  resolveDataDir,
  Secret,
  SmtpUrl,
  secretFileOf,
} from '@regiokit/app-config';
import { z } from 'zod';

export { ConfigError } from '@regiokit/app-config';

const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Parses `6h`, `90m`, `30s`, `1500ms` or a plain number of milliseconds. */
export function parseDuration(input: string): number | undefined {
  const match = DURATION.exec(input.trim());
  if (!match) return undefined;
  const unit = (match[2] ?? 'ms') as keyof typeof UNIT_MS;
  return Math.round(Number(match[1]) * UNIT_MS[unit]);
}

const duration = (example: string) =>
  z.string().transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `expected a duration such as ${example} (units ms, s, m, h, d), got ${quoteValue(value)}`,
      });
      return z.NEVER;
    }
    return ms;
  });

const numberFrom = (expected: string, check: (n: number) => string | undefined) =>
  z.string().transform((value, ctx) => {
    const n = Number(value);
    const problem = Number.isFinite(n) && value.trim() !== '' ? check(n) : `expected ${expected}`;
    if (problem !== undefined) {
      ctx.addIssue({ code: 'custom', message: `${problem}, got ${quoteValue(value)}` });
      return z.NEVER;
    }
    return n;
  });

const positiveInt = (max: number) =>
  numberFrom('a whole number', (n) =>
    !Number.isInteger(n)
      ? 'expected a whole number'
      : n < 1
        ? 'expected at least 1'
        : n > max
          ? `expected at most ${max}`
          : undefined,
  );

/** The environment variables the worker reads, as strings, before defaults and parsing. */
export const WorkerEnv = z
  .object({
    REDIS_URL: RedisUrl.default(DEFAULT_REDIS_URL),
    DATABASE_URL: DatabaseUrl.optional(),
    REGIOKIT_DATA_DIR: DataDir,
    SMTP_URL: SmtpUrl.optional(),
    SMTP_POOL_SIZE: positiveInt(50).default(4),
    SMTP_CLIENT: z
      .enum(['pipelined', 'nodemailer'], { error: describeExpected('pipelined or nodemailer') })
      .default('pipelined'),
    ...DKIM_FIELDS,
    SEND_RATE: numberFrom('messages per second', (n) =>
      n > 0 ? undefined : 'expected a positive number of messages per second',
    ).default(100),
    CONCURRENCY: positiveInt(64).default(2),
    BATCH_SIZE: positiveInt(5_000).default(500),
    PUBLIC_URL: PublicUrl.default('http://localhost:3000'),
    REGIOKIT_SECRET: Secret.optional(),
    MAX_LATENESS: duration('6h').default(6 * 3_600_000),
    SHUTDOWN_DEADLINE: duration('30s').default(30_000),
    METRICS_PORT: numberFrom('a port number', (n) =>
      Number.isInteger(n) && n >= 0 && n <= 65_535
        ? undefined
        : 'expected a port number 0–65535 (0 turns the endpoint off)',
    ).default(9464),
    LOG_LEVEL: LogLevel,
    QUEUE_PREFIX: QueuePrefix,
  })
  .superRefine((env, ctx) => {
    const dkim = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY ?? env.DKIM_PRIVATE_KEY_FILE];
    if (dkim.some((v) => v !== undefined) && dkim.some((v) => v === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DKIM_DOMAIN'],
        message:
          'DKIM needs all of DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY (or DKIM_PRIVATE_KEY_FILE), or none of them',
      });
    }
    if (env.DKIM_PRIVATE_KEY !== undefined && env.DKIM_PRIVATE_KEY_FILE !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['DKIM_PRIVATE_KEY_FILE'],
        message: 'set either DKIM_PRIVATE_KEY or DKIM_PRIVATE_KEY_FILE, not both',
      });
    }
  });
export type WorkerEnv = z.infer<typeof WorkerEnv>;

/** DKIM signing settings with the key loaded. */
export interface DkimConfig {
  domain: string;
  selector: string;
  privateKey: string;
}

/** The worker's settings, parsed once at start. */
export interface WorkerConfig {
  redisUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Absent: capture mode, every message goes to `<dataDir>/outbox` as an `.eml` file. */
  smtpUrl: string | undefined;
  smtpPoolSize: number;
  /** `pipelined`: the worker's own SMTP client (one round trip per message); `nodemailer`: its pool. */
  smtpClient: 'pipelined' | 'nodemailer';
  outboxDir: string;
  dkim: DkimConfig | undefined;
  /** Messages per second per transport, shared by all worker processes. */
  sendRate: number;
  concurrency: number;
  batchSize: number;
  publicUrl: string;
  secret: string;
  maxLatenessMs: number;
  shutdownDeadlineMs: number;
  metricsPort: number;
  logLevel: WorkerEnv['LOG_LEVEL'];
  queuePrefix: string;
}

/**
 * Parses the environment into a {@link WorkerConfig}. Reads the DKIM key file and the secret file of
 * the data folder (creating it with a fresh secret when neither the variable nor the file exists).
 */
export function loadConfig(env: Environment, cwd: string): WorkerConfig {
  const e = parseEnv(WorkerEnv, env);
  const dataDir = resolveDataDir(e.REGIOKIT_DATA_DIR, cwd);
  return {
    redisUrl: e.REDIS_URL,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    smtpUrl: e.SMTP_URL,
    smtpPoolSize: e.SMTP_POOL_SIZE,
    smtpClient: e.SMTP_CLIENT,
    outboxDir: join(dataDir, 'outbox'),
    dkim: loadDkim(e, cwd),
    sendRate: e.SEND_RATE,
    concurrency: e.CONCURRENCY,
    batchSize: e.BATCH_SIZE,
    publicUrl: e.PUBLIC_URL,
    secret: loadSecret({ fromEnv: e.REGIOKIT_SECRET, file: secretFileOf(dataDir) }).secret,
    maxLatenessMs: e.MAX_LATENESS,
    shutdownDeadlineMs: e.SHUTDOWN_DEADLINE,
    metricsPort: e.METRICS_PORT,
    logLevel: e.LOG_LEVEL,
    queuePrefix: e.QUEUE_PREFIX,
  };
}

function loadDkim(e: WorkerEnv, cwd: string): DkimConfig | undefined {
  if (e.DKIM_DOMAIN === undefined || e.DKIM_SELECTOR === undefined) return undefined;
  let privateKey = e.DKIM_PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (privateKey === undefined && e.DKIM_PRIVATE_KEY_FILE !== undefined) {
    const file = resolve(cwd, e.DKIM_PRIVATE_KEY_FILE);
    try {
      privateKey = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new ConfigError([`DKIM_PRIVATE_KEY_FILE: cannot read ${file}`], { cause });
    }
  }
  if (privateKey === undefined || !privateKey.includes('PRIVATE KEY-----')) {
    throw new ConfigError([
      `${e.DKIM_PRIVATE_KEY_FILE ? 'DKIM_PRIVATE_KEY_FILE' : 'DKIM_PRIVATE_KEY'}: expected a PEM private key (-----BEGIN PRIVATE KEY-----)`,
    ]);
  }
  return { domain: e.DKIM_DOMAIN.toLowerCase(), selector: e.DKIM_SELECTOR, privateKey };
}
