import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration } from './config';

const dir = () => mkdtempSync(join(tmpdir(), 'regiokit-config-'));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ REGIOKIT_SECRET: 'x'.repeat(32), ...env }, dir());
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the defaults and puts the outbox into the data folder', () => {
    const cwd = dir();
    const config = loadConfig({}, cwd);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.smtpUrl).toBeUndefined();
    expect(config.outboxDir).toBe(join(cwd, '.regiokit', 'outbox'));
    expect(config.maxLatenessMs).toBe(6 * 3_600_000);
    expect(config.batchSize).toBe(500);
    expect(config.dkim).toBeUndefined();
  });

  it('generates the secret once into the data folder and reuses it', () => {
    const cwd = dir();
    const first = loadConfig({}, cwd).secret;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(cwd, '.regiokit', 'secret'), 'utf8').trim()).toBe(first);
    expect(loadConfig({}, cwd).secret).toBe(first);
    expect(loadConfig({ REGIOKIT_SECRET: 's'.repeat(40) }, cwd).secret).toBe('s'.repeat(40));
  });

  it.each([
    [
      { REDIS_URL: 'http://localhost' },
      'REDIS_URL: expected a redis:// or rediss:// URL, got "http://localhost"',
    ],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL: expected an smtp:// or smtps:// URL'],
    [{ SEND_RATE: 'fast' }, 'SEND_RATE: expected messages per second'],
    [{ SEND_RATE: '-3' }, 'SEND_RATE: expected a positive number'],
    [{ CONCURRENCY: '2.5' }, 'CONCURRENCY: expected a whole number'],
    [{ BATCH_SIZE: '0' }, 'BATCH_SIZE: expected at least 1'],
    [{ MAX_LATENESS: 'six hours' }, 'MAX_LATENESS: expected a duration such as 6h'],
    [{ METRICS_PORT: '70000' }, 'METRICS_PORT: expected a port number'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: '],
    [{ REGIOKIT_SECRET: 'short' }, 'REGIOKIT_SECRET: expected at least 32 characters'],
    [{ DKIM_DOMAIN: 'example.org' }, 'DKIM_DOMAIN: DKIM needs all of'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL: expected an http(s) URL'],
    [{ PUBLIC_URL: 'https://news.example.org/?ref=mail' }, 'PUBLIC_URL: expected an http(s) origin'],
    [{ QUEUE_PREFIX: 'a b' }, 'QUEUE_PREFIX: expected letters, digits, ":", "_" or "-", got "a b"'],
    [{ SMTP_CLIENT: 'sendmail' }, 'SMTP_CLIENT: expected pipelined or nodemailer, got "sendmail"'],
    [{ DKIM_SELECTOR: 'a b' }, 'DKIM_SELECTOR: expected a DKIM selector'],
  ])('names the variable for %j', (env, expected) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems.some((p) => p.startsWith(expected))).toBe(true);
  });

  it('refuses a secret file shorter than 32 characters, naming the file', () => {
    const cwd = dir();
    mkdirSync(join(cwd, '.regiokit'));
    writeFileSync(join(cwd, '.regiokit', 'secret'), 'abcde\n');
    expect(() => loadConfig({}, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({}, cwd)).toThrow(
      `REGIOKIT_SECRET: not set, and ${join(cwd, '.regiokit', 'secret')} holds 5 characters; expected at least 32 characters`,
    );
    expect(readFileSync(join(cwd, '.regiokit', 'secret'), 'utf8')).toBe('abcde\n');
  });

  it.each([
    ['https://news.example.org/', 'https://news.example.org'],
    ['https://www.example.org/newsletter/', 'https://www.example.org/newsletter'],
  ])('takes PUBLIC_URL %s as %s', (value, publicUrl) => {
    expect(loadConfig({ REGIOKIT_SECRET: 'x'.repeat(32), PUBLIC_URL: value }, dir()).publicUrl).toBe(
      publicUrl,
    );
  });

  it('reports all wrong variables at once', () => {
    expect(problemsOf({ SEND_RATE: 'x', CONCURRENCY: 'y' })).toHaveLength(2);
  });

  it('loads the DKIM key from a file', () => {
    const cwd = dir();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    writeFileSync(join(cwd, 'dkim.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const config = loadConfig(
      {
        DKIM_DOMAIN: 'Example.org',
        DKIM_SELECTOR: 'rk1',
        DKIM_PRIVATE_KEY_FILE: 'dkim.pem',
        REGIOKIT_SECRET: 'x'.repeat(32),
      },
      cwd,
    );
    expect(config.dkim?.domain).toBe('example.org');
    expect(config.dkim?.privateKey).toContain('BEGIN PRIVATE KEY');
    expect(() =>
      loadConfig(
        { DKIM_DOMAIN: 'example.org', DKIM_SELECTOR: 'rk1', DKIM_PRIVATE_KEY_FILE: 'missing.pem' },
        cwd,
      ),
    ).toThrow(/DKIM_PRIVATE_KEY_FILE: cannot read/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['6h', 21_600_000],
    ['90m', 5_400_000],
    ['1.5s', 1_500],
    ['250', 250],
    ['2d', 172_800_000],
    ['soon', undefined],
  ])('%s → %s', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });
});
