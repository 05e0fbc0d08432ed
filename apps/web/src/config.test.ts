import { mkdtempSync, readFileSync } from 'node:fs';
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
    [{ PUBLIC_URL: 'https://news.example.org/path' }, 'PUBLIC_URL: expected an origin without path'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY: expected true, false or the number of proxies'],
    [{ REGIOKIT_SECRET: 'short' }, 'REGIOKIT_SECRET: expected at least 32 characters'],
  ])('names the wrong variable: %o', (env, message) => {
    expect(() => loadConfig({ REGIOKIT_SECRET: SECRET, ...env }, '/srv')).toThrow(ConfigError);
    expect(() => loadConfig({ REGIOKIT_SECRET: SECRET, ...env }, '/srv')).toThrow(message);
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
  });
});
