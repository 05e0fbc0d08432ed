import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

const url = (protocols: RegExp, expected: string) =>
  z.url({ protocol: protocols, error: (i) => `expected ${expected}, got ${JSON.stringify(i.input)}` });

/** The default Redis address; `demo` starts its own Redis when nothing listens here. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * The environment variables the CLI reads. The worker and the web app read theirs with their own
 * schema when `regiokit worker` / `regiokit web` start them; this one covers what the CLI itself
 * uses, with the same names and defaults.
 */
export const CliEnv = z.object({
  REGIOKIT_DATA_DIR: z.string().min(1).default('./.regiokit'),
  DATABASE_URL: url(/^postgres(ql)?$/, 'a postgres:// URL').optional(),
  REDIS_URL: url(/^rediss?$/, 'a redis:// or rediss:// URL').optional(),
  SMTP_URL: url(/^smtps?$/, 'an smtp:// or smtps:// URL').optional(),
  PUBLIC_URL: url(/^https?$/, 'an http(s) URL').optional(),
  REGIOKIT_SECRET: z
    .string()
    .min(32, { error: 'expected at least 32 characters (e.g. `openssl rand -hex 32`)' })
    .optional(),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/i, {
      error: (i) => `expected letters, digits, ":", "_" or "-", got ${JSON.stringify(i.input)}`,
    })
    .default('regiokit'),
  DKIM_DOMAIN: z.string().min(1).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  /** Program that opens a file for `preview --open`; else the platform's opener. */
  BROWSER: z.string().min(1).optional(),
  /** Locale; `en…` switches messages to English (`--lang` wins). */
  LANG: z.string().optional(),
  LC_ALL: z.string().optional(),
});
export type CliEnv = z.infer<typeof CliEnv>;

/** The CLI's settings, parsed once by the composition root. */
export interface CliConfig {
  /** Absolute path of the data folder. */
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string;
  /** Whether REDIS_URL was set (the demo starts its own Redis only when it was not). */
  redisUrlGiven: boolean;
  /** Absent: capture mode, mails go to `<dataDir>/outbox`. */
  smtpUrl: string | undefined;
  publicUrl: string | undefined;
  /** REGIOKIT_SECRET when set; else the data folder's `secret` file is used. */
  secret: string | undefined;
  queuePrefix: string;
  dkim: {
    domain: string | undefined;
    selector: string | undefined;
    privateKey: string | undefined;
    privateKeyFile: string | undefined;
  };
  browser: string | undefined;
  /** Language from LC_ALL / LANG. */
  envLanguage: 'de' | 'en';
  outboxDir: string;
  previewDir: string;
  secretFile: string;
}

/** Names the variables the CLI reads, for the help text and the README. */
export const CLI_ENV_NAMES = Object.keys(CliEnv.shape) as readonly (keyof CliEnv)[];

/** Thrown when a variable holds a wrong value; names every wrong variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[], options?: { cause?: unknown }) {
    super(problems.join('\n'), options);
    this.problems = problems;
  }
}

/** Parses the environment into a {@link CliConfig}; relative paths are resolved against `cwd`. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): CliConfig {
  const relevant: Record<string, string> = {};
  for (const name of CLI_ENV_NAMES) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') relevant[name] = value.trim();
  }
  const parsed = CliEnv.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')}: ${issue.message}`),
      { cause: parsed.error },
    );
  }
  const e = parsed.data;
  const dataDir = isAbsolute(e.REGIOKIT_DATA_DIR) ? e.REGIOKIT_DATA_DIR : resolve(cwd, e.REGIOKIT_DATA_DIR);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL ?? DEFAULT_REDIS_URL,
    redisUrlGiven: e.REDIS_URL !== undefined,
    smtpUrl: e.SMTP_URL,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    secret: e.REGIOKIT_SECRET,
    queuePrefix: e.QUEUE_PREFIX,
    dkim: {
      domain: e.DKIM_DOMAIN,
      selector: e.DKIM_SELECTOR,
      privateKey: e.DKIM_PRIVATE_KEY,
      privateKeyFile:
        e.DKIM_PRIVATE_KEY_FILE === undefined ? undefined : resolve(cwd, e.DKIM_PRIVATE_KEY_FILE),
    },
    browser: e.BROWSER,
    envLanguage: detectLanguage(e.LC_ALL ?? e.LANG),
    outboxDir: join(dataDir, 'outbox'),
    previewDir: join(dataDir, 'previews'),
    secretFile: join(dataDir, 'secret'),
  };
}

/** `en`, `en_GB.UTF-8`, `en-US` → English; anything else (also `C.UTF-8`) → German. */
export function detectLanguage(locale: string | undefined): 'de' | 'en' {
  return locale !== undefined && /^en([_.-]|$)/i.test(locale) ? 'en' : 'de';
}
