import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './config-error';
import {
  DatabaseUrl,
  DataDir,
  DKIM_FIELDS,
  LogLevel,
  PublicUrl,
  QueuePrefix,
  quoteValue,
  RedisUrl,
  Secret,
  SmtpUrl,
} from './env-fields';
import { parseEnv } from './parse-env';

/** Every shared field under its variable name, in alphabetical order, as an app composes them. */
const AllFields = z.object({
  DATABASE_URL: DatabaseUrl.optional(),
  ...DKIM_FIELDS,
  LOG_LEVEL: LogLevel,
  PUBLIC_URL: PublicUrl.optional(),
  QUEUE_PREFIX: QueuePrefix,
  REDIS_URL: RedisUrl.optional(),
  REGIOKIT_DATA_DIR: DataDir,
  REGIOKIT_SECRET: Secret.optional(),
  SMTP_URL: SmtpUrl.optional(),
});

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    parseEnv(AllFields, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the shared fields', () => {
  it('apply their defaults', () => {
    expect(parseEnv(AllFields, {})).toEqual({
      REGIOKIT_DATA_DIR: './.regiokit',
      QUEUE_PREFIX: 'regiokit',
      LOG_LEVEL: 'info',
    });
  });

  it.each([
    ['REGIOKIT_DATA_DIR', '/var/lib/regiokit', '/var/lib/regiokit'],
    ['DATABASE_URL', 'postgres://regiokit:pw@db:5432/regiokit', undefined],
    ['DATABASE_URL', 'postgresql://db/regiokit', undefined],
    ['REDIS_URL', 'redis://127.0.0.1:6379', undefined],
    ['REDIS_URL', 'rediss://user:pw@cache.example.org:6380/2', undefined],
    ['SMTP_URL', 'smtp://user:pw@mail.example.org:587', undefined],
    ['SMTP_URL', 'smtps://mail.example.org:465', undefined],
    ['PUBLIC_URL', 'https://newsletter.example.org', undefined],
    ['PUBLIC_URL', 'http://localhost:3000', undefined],
    ['PUBLIC_URL', 'https://example.org/newsletter', undefined],
    ['PUBLIC_URL', 'https://newsletter.example.org/', 'https://newsletter.example.org'],
    ['PUBLIC_URL', 'https://example.org/region/newsletter//', 'https://example.org/region/newsletter'],
    ['REGIOKIT_SECRET', 'x'.repeat(32), undefined],
    ['QUEUE_PREFIX', 'kiel:prod_2-a', undefined],
    ['LOG_LEVEL', 'debug', undefined],
    ['LOG_LEVEL', 'silent', undefined],
    ['DKIM_DOMAIN', 'kielregion.de', undefined],
    ['DKIM_SELECTOR', 'regiokit2026', undefined],
    ['DKIM_PRIVATE_KEY', '-----BEGIN PRIVATE KEY-----\\n…', undefined],
    ['DKIM_PRIVATE_KEY_FILE', 'keys/dkim.pem', undefined],
  ])('%s accepts %s', (name, value, expected) => {
    expect(parseEnv(AllFields, { [name]: value })).toMatchObject({ [name]: expected ?? value });
  });

  it.each([
    [
      'DATABASE_URL',
      'mysql://db/regiokit',
      'DATABASE_URL: expected a postgres:// URL, got "mysql://db/regiokit"',
    ],
    ['DATABASE_URL', 'db:5432', 'DATABASE_URL: expected a postgres:// URL, got "db:5432"'],
    ['REDIS_URL', 'http://x', 'REDIS_URL: expected a redis:// or rediss:// URL, got "http://x"'],
    ['SMTP_URL', 'mail.example.org', 'SMTP_URL: expected an smtp:// or smtps:// URL, got "mail.example.org"'],
    [
      'PUBLIC_URL',
      'javascript:alert(1)',
      'PUBLIC_URL: expected an http(s) URL such as https://newsletter.example.org, got "javascript:alert(1)"',
    ],
    ['PUBLIC_URL', 'ftp://example.org', 'PUBLIC_URL: expected an http(s) URL'],
    ['PUBLIC_URL', 'newsletter.example.org', 'PUBLIC_URL: expected an http(s) URL'],
    [
      'PUBLIC_URL',
      'https://example.org/?utm=x',
      'PUBLIC_URL: expected an http(s) origin, optionally with a path',
    ],
    ['PUBLIC_URL', 'https://example.org/nl#top', 'PUBLIC_URL: expected an http(s) origin'],
    ['PUBLIC_URL', 'https://example.org?', 'PUBLIC_URL: expected an http(s) origin'],
    ['PUBLIC_URL', 'https://user:pw@example.org', 'PUBLIC_URL: expected an http(s) origin'],
    [
      'REGIOKIT_SECRET',
      'short',
      'REGIOKIT_SECRET: expected at least 32 characters (e.g. `openssl rand -hex 32`)',
    ],
    ['REGIOKIT_SECRET', 'x'.repeat(31), 'REGIOKIT_SECRET: expected at least 32 characters'],
    ['QUEUE_PREFIX', 'a b', 'QUEUE_PREFIX: expected letters, digits, ":", "_" or "-", got "a b"'],
    ['QUEUE_PREFIX', 'rk{1}', 'QUEUE_PREFIX: expected letters, digits, ":", "_" or "-", got "rk{1}"'],
    [
      'LOG_LEVEL',
      'loud',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    ],
    [
      'DKIM_DOMAIN',
      'localhost',
      'DKIM_DOMAIN: expected a domain name such as kielregion.de, got "localhost"',
    ],
    ['DKIM_SELECTOR', 'two words', 'DKIM_SELECTOR: expected a DKIM selector'],
  ])('%s refuses %s and says so', (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
    expect(problems[0]?.startsWith(`${name}: `)).toBe(true);
  });

  it('quotes every received value the same way', () => {
    expect(quoteValue('a "b"')).toBe('"a \\"b\\""');
    expect(quoteValue(undefined)).toBe('undefined');
  });
});
