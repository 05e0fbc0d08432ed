import { join, resolve } from 'node:path';
import {
  DatabaseUrl,
  DataDir,
  DEFAULT_REDIS_URL,
  DKIM_FIELDS,
  type Environment,
  PublicUrl,
  parseEnv,
  QueuePrefix,
  RedisUrl,
  resolveDataDir,
  Secret,
  SmtpUrl,
  secretFileOf,
} from '@regiokit/app-config';
import { z } from 'zod';

export { ConfigError, DEFAULT_REDIS_URL } from '@regiokit/app-config';

/**
 * The environment variables the CLI reads. The worker and the web app read theirs with their own
 * schema when `regiokit worker` / `regiokit web` start them; this one covers what the CLI itself
 * uses, with the same names and defaults.
 */
export const CliEnv = z.object({
  REGIOKIT_DATA_DIR: DataDir,
  DATABASE_URL: DatabaseUrl.optional(),
  REDIS_URL: RedisUrl.optional(),
  SMTP_URL: SmtpUrl.optional(),
  PUBLIC_URL: PublicUrl.optional(),
  REGIOKIT_SECRET: Secret.optional(),
  QUEUE_PREFIX: QueuePrefix,
  // all or none is left to `regiokit doctor`, which says which are missing
  ...DKIM_FIELDS,
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

/** Parses the environment into a {@link CliConfig}; relative paths are resolved against `cwd`. */
export function loadConfig(env: Environment, cwd: string): CliConfig {
  const e = parseEnv(CliEnv, env);
  const dataDir = resolveDataDir(e.REGIOKIT_DATA_DIR, cwd);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL ?? DEFAULT_REDIS_URL,
    redisUrlGiven: e.REDIS_URL !== undefined,
    smtpUrl: e.SMTP_URL,
    publicUrl: e.PUBLIC_URL,
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
    secretFile: secretFileOf(dataDir),
  };
}

/** `en`, `en_GB.UTF-8`, `en-US` → English; anything else (also `C.UTF-8`) → German. */
export function detectLanguage(locale: string | undefined): 'de' | 'en' {
  return locale !== undefined && /^en([_.-]|$)/i.test(locale) ? 'en' : 'de';
}
