import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { DataDir, RedisUrl, Secret } from './env-fields';
import { parseEnv, resolveDataDir } from './parse-env';

const Env = z
  .object({
    REGIOKIT_DATA_DIR: DataDir,
    REDIS_URL: RedisUrl.default('redis://127.0.0.1:6379'),
    REGIOKIT_SECRET: Secret.optional(),
    PORT: z.string().regex(/^\d+$/, { error: 'expected a port number' }).transform(Number).optional(),
    LOW: z.string().optional(),
    HIGH: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.LOW !== undefined && env.HIGH === undefined) {
      ctx.addIssue({ code: 'custom', path: ['HIGH'], message: 'expected HIGH when LOW is set' });
    }
  });

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseEnv', () => {
  it('reads only the variables of the schema, trimmed, and applies defaults', () => {
    expect(parseEnv(Env, { PORT: ' 8080\n', HOME: '/root', REGIOKIT_SECRET: undefined })).toEqual({
      REGIOKIT_DATA_DIR: './.regiokit',
      REDIS_URL: 'redis://127.0.0.1:6379',
      PORT: 8080,
    });
  });

  it('treats empty and blank values as not set', () => {
    expect(parseEnv(Env, { REDIS_URL: '', REGIOKIT_SECRET: '  ', REGIOKIT_DATA_DIR: '\t' })).toEqual({
      REGIOKIT_DATA_DIR: './.regiokit',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
  });

  it('names every wrong variable at once, as NAME: message', () => {
    const error = errorOf(() =>
      parseEnv(Env, { REDIS_URL: 'http://x', REGIOKIT_SECRET: 'short', PORT: 'eighty' }),
    );
    expect(error.problems).toEqual([
      'REDIS_URL: expected a redis:// or rediss:// URL, got "http://x"',
      'REGIOKIT_SECRET: expected at least 32 characters (e.g. `openssl rand -hex 32`)',
      'PORT: expected a port number',
    ]);
    expect(error.message).toBe(
      [
        'invalid configuration:',
        '  - REDIS_URL: expected a redis:// or rediss:// URL, got "http://x"',
        '  - REGIOKIT_SECRET: expected at least 32 characters (e.g. `openssl rand -hex 32`)',
        '  - PORT: expected a port number',
      ].join('\n'),
    );
    expect(error.cause).toBeInstanceOf(z.ZodError);
  });

  it('reports problems of a refinement across variables under the variable it names', () => {
    expect(errorOf(() => parseEnv(Env, { LOW: '1' })).problems).toEqual([
      'HIGH: expected HIGH when LOW is set',
    ]);
  });

  it('never shows the secret, not even a wrong one', () => {
    const secret = 'geheim-'.repeat(4);
    const error = errorOf(() => parseEnv(Env, { REDIS_URL: 'http://x', REGIOKIT_SECRET: secret }));
    expect(error.problems).toHaveLength(2);
    expect(error.message).not.toContain(secret);
  });
});

describe('resolveDataDir', () => {
  it.each([
    ['./.regiokit', '/srv/app', '/srv/app/.regiokit'],
    ['data', '/srv/app', '/srv/app/data'],
    ['../shared/regiokit', '/srv/app', '/srv/shared/regiokit'],
    ['/var/lib/regiokit', '/srv/app', '/var/lib/regiokit'],
  ])('%s in %s → %s', (dataDir, cwd, absolute) => {
    expect(resolveDataDir(dataDir, cwd)).toBe(absolute);
  });
});
