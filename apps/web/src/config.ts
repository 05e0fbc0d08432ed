import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

const url = (protocols: RegExp, expected: string) =>
  z.url({ protocol: protocols, error: (i) => `expected ${expected}, got ${JSON.stringify(i.input)}` });

/** The environment variables the web app reads (strings, before defaults). */
export const WebEnv = z.object({
  DATABASE_URL: url(/^postgres(ql)?$/, 'a postgres:// URL').optional(),
  REGIOKIT_DATA_DIR: z.string().min(1).default('./.regiokit'),
  REDIS_URL: url(/^rediss?$/, 'a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
  PUBLIC_URL: url(/^https?$/, 'an http(s) URL such as https://newsletter.example.org')
    .refine((v) => /^https?:\/\/[^/?#]+\/?$/.test(v), {
      error: (i) =>
        `expected an origin without path, query or fragment (https://newsletter.example.org), got ${JSON.stringify(i.input)}`,
    })
    .optional(),
  REGIOKIT_SECRET: z
    .string()
    .min(32, { error: 'expected at least 32 characters (e.g. `openssl rand -hex 32`)' })
    .optional(),
  PORT: z
    .string()
    .regex(/^[0-9]{1,5}$/, { error: (i) => `expected a port number, got ${JSON.stringify(i.input)}` })
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65_535, { error: 'expected a port number 1–65535' })
    .default(3000),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|[0-9])$/, {
      error: (i) =>
        `expected true, false or the number of proxies in front (0–9), got ${JSON.stringify(i.input)}`,
    })
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)))
    .default(0),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i, {
      error: (i) => `expected letters, digits, ":", "_" or "-", got ${JSON.stringify(i.input)}`,
    })
    .default('regiokit'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type WebEnv = z.infer<typeof WebEnv>;

/** The web app's settings, parsed once at start by the composition root. */
export interface WebConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string;
  /** Origin and path prefix of links in mails and pages, without a trailing slash. */
  publicUrl: string;
  secret: string;
  port: number;
  /** How many proxies in front add to `X-Forwarded-For`; 0 trusts none. */
  trustProxy: number;
  queuePrefix: string;
  logLevel: WebEnv['LOG_LEVEL'];
}

/** Thrown when the environment holds a wrong value; the message names every wrong variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[], options?: { cause?: unknown }) {
    super(`invalid web configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
    this.problems = problems;
  }
}

const ENV_NAMES = Object.keys(WebEnv.shape) as readonly (keyof typeof WebEnv.shape)[];

/**
 * Parses the environment into a {@link WebConfig}. Without REGIOKIT_SECRET the secret is read from
 * `<data dir>/secret` (the file the worker and CLI use), created on first start.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): WebConfig {
  const relevant: Record<string, string> = {};
  for (const name of ENV_NAMES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') relevant[name] = value.trim();
  }
  const parsed = WebEnv.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`),
      { cause: parsed.error },
    );
  }
  const e = parsed.data;
  const dataDir = isAbsolute(e.REGIOKIT_DATA_DIR) ? e.REGIOKIT_DATA_DIR : resolve(cwd, e.REGIOKIT_DATA_DIR);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    redisUrl: e.REDIS_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    secret: e.REGIOKIT_SECRET ?? loadOrCreateSecret(dataDir),
    port: e.PORT,
    trustProxy: e.TRUST_PROXY,
    queuePrefix: e.QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
  };
}

function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 32) return existing;
    throw new ConfigError([`REGIOKIT_SECRET: not set, and ${file} holds fewer than 32 characters`]);
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConfigError([`REGIOKIT_SECRET: not set, and ${file} cannot be read`], { cause });
    }
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx' so that processes starting together keep the first secret written
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw new ConfigError([`REGIOKIT_SECRET: not set, and ${file} cannot be written`], { cause });
  }
}
