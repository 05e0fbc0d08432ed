import { describe, expect, it } from 'vitest';
import { ConfigError, detectLanguage, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the defaults of a fresh machine', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      dataDir: '/srv/app/.regiokit',
      databaseUrl: undefined,
      redisUrl: 'redis://127.0.0.1:6379',
      redisUrlGiven: false,
      smtpUrl: undefined,
      queuePrefix: 'regiokit',
      outboxDir: '/srv/app/.regiokit/outbox',
      secretFile: '/srv/app/.regiokit/secret',
      envLanguage: 'de',
    });
  });

  it('names every wrong variable', () => {
    expect(() =>
      loadConfig({ REDIS_URL: 'http://x', REGIOKIT_SECRET: 'short', SMTP_URL: 'mail' }, '/'),
    ).toThrow(ConfigError);
    try {
      loadConfig({ REDIS_URL: 'http://x', REGIOKIT_SECRET: 'short' }, '/');
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'REDIS_URL: expected a redis:// or rediss:// URL, got "http://x"',
        'REGIOKIT_SECRET: expected at least 32 characters (e.g. `openssl rand -hex 32`)',
      ]);
    }
  });

  it('keeps the rules the worker and the web app apply', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://www.example.org/newsletter/' }, '/').publicUrl).toBe(
      'https://www.example.org/newsletter',
    );
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env, '/');
      } catch (error) {
        if (error instanceof ConfigError) return error.problems;
        throw error;
      }
      return [];
    };
    expect(problems({ PUBLIC_URL: 'https://news.example.org/?ref=mail', DKIM_DOMAIN: 'localhost' })).toEqual([
      'PUBLIC_URL: expected an http(s) origin, optionally with a path prefix, without credentials, query or fragment (https://newsletter.example.org), got "https://news.example.org/?ref=mail"',
      'DKIM_DOMAIN: expected a domain name such as kielregion.de, got "localhost"',
    ]);
  });

  it('leaves incomplete DKIM settings to `doctor`', () => {
    expect(loadConfig({ DKIM_DOMAIN: 'kielregion.de' }, '/').dkim).toEqual({
      domain: 'kielregion.de',
      selector: undefined,
      privateKey: undefined,
      privateKeyFile: undefined,
    });
  });

  it('ignores empty values', () => {
    expect(loadConfig({ DATABASE_URL: ' ', REDIS_URL: '' }, '/').redisUrlGiven).toBe(false);
  });
});

describe('detectLanguage', () => {
  it.each([
    [undefined, 'de'],
    ['C.UTF-8', 'de'],
    ['de_DE.UTF-8', 'de'],
    ['en', 'en'],
    ['en_GB.UTF-8', 'en'],
    ['en-US', 'en'],
    ['eno', 'de'],
  ])('%s → %s', (locale, language) => {
    expect(detectLanguage(locale)).toBe(language);
  });
});
