import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

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
        message: `expected a duration such as ${example} (units ms, s, m, h, d), got ${JSON.stringify(value)}`,
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
      ctx.addIssue({ code: 'custom', message: `${problem}, got ${JSON.stringify(value)}` });
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

const url = (protocols: RegExp, expected: string) =>
  z.url({ protocol: protocols, error: (i) => `expected ${expected}, got ${JSON.stringify(i.input)}` });

/** The environment variables the worker reads, as strings, before defaults and parsing. */
export const WorkerEnv = z
  .object({
    REDIS_URL: url(/^rediss?$/, 'a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
    DATABASE_URL: url(/^postgres(ql)?$/, 'a postgres:// URL').optional(),
    REGIOKIT_DATA_DIR: z.string().min(1).default('./.regiokit'),
    SMTP_URL: url(/^smtps?$/, 'an smtp:// or smtps:// URL').optional(),
    SMTP_POOL_SIZE: positiveInt(50).default(4),
    SMTP_CLIENT: z.enum(['pipelined', 'nodemailer']).default('pipelined'),
    DKIM_DOMAIN: z
      .string()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, {
        error: (i) => `expected a domain name, got ${JSON.stringify(i.input)}`,
      })
      .optional(),
    DKIM_SELECTOR: z
      .string()
      .regex(/^[a-z0-9._-]+$/i, {
        error: (i) =>
          `expected a DKIM selector (letters, digits, ".", "-", "_"), got ${JSON.stringify(i.input)}`,
      })
      .optional(),
    DKIM_PRIVATE_KEY: z.string().min(1).optional(),
    DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
    SEND_RATE: numberFrom('messages per second', (n) =>
      n > 0 ? undefined : 'expected a positive number of messages per second',
    ).default(100),
    CONCURRENCY: positiveInt(64).default(2),
    BATCH_SIZE: positiveInt(5_000).default(500),
    PUBLIC_URL: url(/^https?$/, 'an http(s) URL').default('http://localhost:3000'),
    REGIOKIT_SECRET: z
      .string()
      .min(32, { error: 'expected at least 32 characters (e.g. `openssl rand -hex 32`)' })
      .optional(),
    MAX_LATENESS: duration('6h').default(6 * 3_600_000),
    SHUTDOWN_DEADLINE: duration('30s').default(30_000),
    METRICS_PORT: numberFrom('a port number', (n) =>
      Number.isInteger(n) && n >= 0 && n <= 65_535
        ? undefined
        : 'expected a port number 0–65535 (0 turns the endpoint off)',
    ).default(9464),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9:_-]+$/i, { error: (i) => `expected letters, digits, ":", "_" or "-", got ${i.input}` })
      .default('regiokit'),
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

/** Thrown when the environment holds a wrong value; the message names every wrong variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[], options?: { cause?: unknown }) {
    super(`invalid worker configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
    this.problems = problems;
  }
}

/** Names the variables of the worker that may be set, for help texts. */
export const WORKER_ENV_NAMES = Object.keys(WorkerEnv.shape) as readonly (keyof WorkerEnv)[];

/**
 * Parses the environment into a {@link WorkerConfig}. Reads the DKIM key file and the secret file of
 * the data folder (creating it with a fresh secret when neither the variable nor the file exists).
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): WorkerConfig {
  const relevant: Record<string, string> = {};
  for (const name of WORKER_ENV_NAMES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') relevant[name] = value.trim();
  }
  const parsed = WorkerEnv.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`),
      { cause: parsed.error },
    );
  }
  const e = parsed.data;
  const dataDir = isAbsolute(e.REGIOKIT_DATA_DIR) ? e.REGIOKIT_DATA_DIR : resolve(cwd, e.REGIOKIT_DATA_DIR);
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
    publicUrl: e.PUBLIC_URL.replace(/\/+$/, ''),
    secret: e.REGIOKIT_SECRET ?? loadOrCreateSecret(dataDir),
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

function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError([`REGIOKIT_SECRET: not set, and ${file} cannot be read`], { cause });
    }
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx' so that two processes starting together keep the first secret written
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw new ConfigError([`REGIOKIT_SECRET: not set, and ${file} cannot be written`], { cause });
  }
}
