import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';

describe('ConfigError', () => {
  it('lists every problem in its message and keeps them and the cause', () => {
    const cause = new Error('underlying');
    const error = new ConfigError(['REDIS_URL: expected a redis:// URL', 'PORT: expected a port'], { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConfigError');
    expect(error.problems).toEqual(['REDIS_URL: expected a redis:// URL', 'PORT: expected a port']);
    expect(error.message).toBe(
      'invalid configuration:\n  - REDIS_URL: expected a redis:// URL\n  - PORT: expected a port',
    );
    expect(error.cause).toBe(cause);
  });
});
