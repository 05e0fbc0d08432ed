import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const SECRET = 'x'.repeat(40);

describe('loadConfig', () => {
  it('applies the defaults and derives PUBLIC_URL from PORT', () => {
    const config = loadConfig({ REGIOKIT_SECRET: SECRET, PORT: '8080' }, '/srv/app');
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: '/srv/app/.regiokit',
      redisUrl: 'redis://127.0.0.1:6379',
      publicUrl: 'http://localhost:8080',
      port: 8080,
      trustProxy: 0,
    });
  });

  it.each([
    [{ PORT: '0' }, 'PORT: expected a port number 1–65535'],
    [{ PORT: 'eighty' }, 'PORT: expected a port number, got "eighty"'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL: expected a postgres:// URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL: expected a redis:// or rediss:// URL'],
    [{ PUBLIC_URL: 'javascript:alert(1)' }, 'PUBLIC_URL: expected an http(s) URL'],
    [{ PUBLIC_URL: 'https://news.example.org/?ref=mail' }, 'PUBLIC_URL: expected an http(s) origin'],
    [{ PUBLIC_URL: 'https://news.example.org/#top' }, 'PUBLIC_URL: expected an http(s) origin'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY: expected true, false or the number of proxies'],
    [{ REGIOKIT_SECRET: 'short' }, 'REGIOKIT_SECRET: expected at least 32 characters'],
  ])('names the wrong variable: %o', (env, message) => {
    expect(() => loadConfig({ REGIOKIT_SECRET: SECRET, ...env }, '/srv')).toThrow(ConfigError);
    expect(() => loadConfig({ REGIOKIT_SECRET: SECRET, ...env }, '/srv')).toThrow(message);
  });

  it.each([
    ['https://news.example.org/', 'https://news.example.org'],
    ['https://www.example.org/newsletter', 'https://www.example.org/newsletter'],
    ['http://localhost:8080/', 'http://localhost:8080'],
  ])('takes PUBLIC_URL %s as %s', (value, publicUrl) => {
    expect(loadConfig({ REGIOKIT_SECRET: SECRET, PUBLIC_URL: value }, '/').publicUrl).toBe(publicUrl);
  });

  it('reads TRUST_PROXY as a number of proxies', () => {
    expect(loadConfig({ REGIOKIT_SECRET: SECRET, TRUST_PROXY: 'true' }, '/').trustProxy).toBe(1);
    expect(loadConfig({ REGIOKIT_SECRET: SECRET, TRUST_PROXY: '2' }, '/').trustProxy).toBe(2);
    expect(loadConfig({ REGIOKIT_SECRET: SECRET, TRUST_PROXY: 'false' }, '/').trustProxy).toBe(0);
  });

  it('creates the secret once in the data folder and reads it back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regiokit-web-config-'));
    const first = loadConfig({ REGIOKIT_DATA_DIR: dir }, '/');
    const second = loadConfig({ REGIOKIT_DATA_DIR: dir }, '/');
    expect(first.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(second.secret).toBe(first.secret);
    expect(readFileSync(join(dir, 'secret'), 'utf8').trim()).toBe(first.secret);
    expect(statSync(join(dir, 'secret')).mode & 0o777).toBe(0o600);
  });

  it('refuses a secret file shorter than 32 characters, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regiokit-web-config-'));
    writeFileSync(join(dir, 'secret'), 'abcde\n');
    expect(() => loadConfig({ REGIOKIT_DATA_DIR: dir }, '/')).toThrow(
      `REGIOKIT_SECRET: not set, and ${join(dir, 'secret')} holds 5 characters; expected at least 32 characters`,
    );
  });
});
