import { Redis } from 'ioredis';
import type { Messages } from '../i18n/messages';
import type { CheckResult } from './check-result';

/** The oldest Redis BullMQ 5+ supports. */
const MIN_VERSION = [6, 2] as const;

/** Redis: reachable, version ≥ 6.2, `maxmemory-policy noeviction`, and (advice) AOF on. */
export async function checkRedis(url: string, m: Messages): Promise<CheckResult[]> {
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 3_000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  const shown = hidePassword(url);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    return [
      {
        id: 'redis.reachable',
        label: m.checkRedisReachable,
        status: 'fail',
        detail: `${shown}: ${(error as Error).message}`,
        fix: m.fixRedisStart,
      },
    ];
  }
  try {
    const results: CheckResult[] = [
      { id: 'redis.reachable', label: m.checkRedisReachable, status: 'ok', detail: shown },
    ];
    const info = await redis.info('server');
    const version = /redis_version:([\d.]+)/.exec(info)?.[1] ?? '?';
    const valkey = /valkey_version:([\d.]+)/.exec(info)?.[1];
    const [major = 0, minor = 0] = version.split('.').map(Number);
    const recent = major > MIN_VERSION[0] || (major === MIN_VERSION[0] && minor >= MIN_VERSION[1]);
    results.push({
      id: 'redis.version',
      label: m.checkRedisVersion,
      status: recent ? 'ok' : 'fail',
      detail: valkey === undefined ? version : `${version} (Valkey ${valkey})`,
      ...(recent ? {} : { fix: m.fixRedisVersion }),
    });
    results.push(
      await readConfig(redis, 'maxmemory-policy', (v) => v === 'noeviction', 'fail', {
        id: 'redis.eviction',
        label: m.checkRedisEviction,
        fix: m.fixRedisEviction,
      }),
    );
    results.push(
      await readConfig(redis, 'appendonly', (v) => v === 'yes', 'warn', {
        id: 'redis.aof',
        label: m.checkRedisAof,
        fix: m.fixRedisAof,
      }),
    );
    return results;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

async function readConfig(
  redis: Redis,
  name: string,
  good: (value: string) => boolean,
  otherwise: 'warn' | 'fail',
  check: { id: string; label: string; fix: string },
): Promise<CheckResult> {
  try {
    const [, value = ''] = (await redis.config('GET', name)) as string[];
    const ok = good(value);
    return { ...check, status: ok ? 'ok' : otherwise, detail: value, ...(ok ? { fix: undefined } : {}) };
  } catch (error) {
    // managed Redis services often forbid CONFIG: say so instead of guessing
    return { ...check, status: 'warn', detail: `CONFIG GET ${name}: ${(error as Error).message}` };
  }
}

/** `redis://:secret@host:6379` → `redis://:***@host:6379`. */
export function hidePassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
