import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findOnPath, findOrStartRedis, isRedisListening } from '../src/services/local-redis';

const UNUSED = 'redis://127.0.0.1:1';

describe('findOrStartRedis', () => {
  it('uses a Redis that already listens', async () => {
    const redis = await findOrStartRedis('redis://127.0.0.1:6379', process.env.PATH);
    expect(redis).toMatchObject({ url: 'redis://127.0.0.1:6379', started: false });
  });

  it.skipIf(findOnPath('redis-server', process.env.PATH) === undefined)(
    'starts redis-server on a free port when nothing listens, and stops it again',
    async () => {
      const redis = await findOrStartRedis(UNUSED, process.env.PATH);
      expect(redis?.started).toBe(true);
      expect(redis?.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
      expect(await isRedisListening(redis?.url ?? '')).toBe(true);
      await redis?.stop();
      expect(await isRedisListening(redis?.url ?? '')).toBe(false);
    },
  );

  it('gives up when nothing listens and there is no redis-server', async () => {
    expect(await findOrStartRedis(UNUSED, '/nonexistent')).toBeUndefined();
  });

  it('finds executables on PATH only', () => {
    expect(findOnPath('node', process.env.PATH)).toSatisfy((p: string) => existsSync(p));
    expect(findOnPath('definitely-not-a-command', process.env.PATH)).toBeUndefined();
  });
});
