import { z } from 'zod';

/** How every message shows a received value: as a JSON string, so blanks and quotes are visible. */
export function quoteValue(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** A zod error option that says what was expected and what was received. */
export function describeExpected(expected: string): (issue: { input?: unknown }) => string {
  return (issue) => `expected ${expected}, got ${quoteValue(issue.input)}`;
}

/** A URL whose scheme matches `protocols` (without the colon, e.g. `/^rediss?$/`). */
export function urlField(protocols: RegExp, expected: string) {
  // abort: the checks after it need a URL
  return z.url({ protocol: protocols, error: describeExpected(expected), abort: true });
}

/** The shortest REGIOKIT_SECRET, and the shortest secret file, that is accepted. */
export const SECRET_MIN_LENGTH = 32;

/** What a secret that is too short is told to do instead. */
export const SECRET_RULE = `at least ${SECRET_MIN_LENGTH} characters (e.g. \`openssl rand -hex 32\`)`;

/** The default Redis address. */
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The default data folder, relative to the working directory. */
export const DEFAULT_DATA_DIR = './.regiokit';

/** pino's levels, in the order of their severity. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** REGIOKIT_DATA_DIR: the data folder (PGlite, secret, outbox, previews); resolve with `resolveDataDir`. */
export const DataDir = z.string().min(1).default(DEFAULT_DATA_DIR);

/** DATABASE_URL: PostgreSQL; the apps use the embedded PGlite without it. */
export const DatabaseUrl = urlField(/^postgres(ql)?$/, 'a postgres:// URL');

/** REDIS_URL: queues, rate limits, journal. */
export const RedisUrl = urlField(/^rediss?$/, 'a redis:// or rediss:// URL');

/** SMTP_URL: the mail server; without it mails are captured as `.eml` files. */
export const SmtpUrl = urlField(/^smtps?$/, 'an smtp:// or smtps:// URL');

/**
 * PUBLIC_URL: the base of every link in mails. An http(s) origin, optionally with a path prefix;
 * no credentials, query or fragment. Trailing slashes are removed, so paths can be appended.
 */
export const PublicUrl = urlField(/^https?$/, 'an http(s) URL such as https://newsletter.example.org')
  .refine(
    (value) => {
      const url = new URL(value);
      return !/[?#]/.test(value) && url.username === '' && url.password === '';
    },
    {
      error: describeExpected(
        'an http(s) origin, optionally with a path prefix, without credentials, query or fragment (https://newsletter.example.org)',
      ),
    },
  )
  .transform((value) => value.replace(/\/+$/, ''));

/** REGIOKIT_SECRET: the key of signed links; the same for every app and machine of an installation. */
export const Secret = z.string().min(SECRET_MIN_LENGTH, { error: `expected ${SECRET_RULE}` });

/** QUEUE_PREFIX: prefix of the Redis keys, so several installations can share one Redis. */
export const QueuePrefix = z
  .string()
  .regex(/^[a-z0-9:_-]+$/i, { error: describeExpected('letters, digits, ":", "_" or "-"') })
  .default('regiokit');

/** LOG_LEVEL: a pino level. */
export const LogLevel = z
  .enum(LOG_LEVELS, { error: describeExpected(`one of ${LOG_LEVELS.join(', ')}`) })
  .default('info');
export type LogLevel = (typeof LOG_LEVELS)[number];

/** DKIM_DOMAIN: the signing domain (d=). */
export const DkimDomain = z
  .string()
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, { error: describeExpected('a domain name such as kielregion.de') });

/** DKIM_SELECTOR: the selector (s=). */
export const DkimSelector = z
  .string()
  .regex(/^[a-z0-9._-]+$/i, { error: describeExpected('a DKIM selector (letters, digits, ".", "-", "_")') });

/** DKIM_PRIVATE_KEY: the PEM key as text, line breaks as `\n`. */
export const DkimPrivateKey = z.string().min(1);

/** DKIM_PRIVATE_KEY_FILE: the PEM key as a file, relative to the working directory. */
export const DkimPrivateKeyFile = z.string().min(1);

/** The DKIM variables, each optional: whether all or none are set is the sender's rule to check. */
export const DKIM_FIELDS = {
  DKIM_DOMAIN: DkimDomain.optional(),
  DKIM_SELECTOR: DkimSelector.optional(),
  DKIM_PRIVATE_KEY: DkimPrivateKey.optional(),
  DKIM_PRIVATE_KEY_FILE: DkimPrivateKeyFile.optional(),
};
